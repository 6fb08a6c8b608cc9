package dev.zanith.jpa.shoprenamed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Sequence-generated id (Hibernate's default: tag_seq, increment 50). */
@Entity
public class Tag {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String label;

    protected Tag() {
    }

    public Tag(String label) {
        this.label = label;
    }
}
