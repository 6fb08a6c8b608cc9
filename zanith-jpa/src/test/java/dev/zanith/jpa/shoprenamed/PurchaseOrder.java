package dev.zanith.jpa.shoprenamed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Its tags' join table is named by SpringImplicitNamingStrategy: purchase_orders_tags (JPA's would be purchase_order_tag). */
@Entity
@Table(name = "purchase_orders", indexes = @Index(name = "purchase_orders_placed_at_idx", columnList = "placedAt"))
public class PurchaseOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OrderStatus status = OrderStatus.PLACED;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal total;

    @Column(nullable = false)
    private Instant placedAt;

    @ManyToMany
    private Set<Tag> tags = new HashSet<>();

    @Version
    private Integer version;

    protected PurchaseOrder() {
    }

    public PurchaseOrder(Customer customer, BigDecimal total, Instant placedAt) {
        this.customer = customer;
        this.total = total;
        this.placedAt = placedAt;
    }

    public Set<Tag> getTags() {
        return tags;
    }

    public Long getId() {
        return id;
    }
}
