package dev.zanith.jpa.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An embeddable: its columns land in the owner's table (street, city, postal_code). */
@Embeddable
public class Address {

    private String street;
    private String city;
    @Column(length = 16)
    private String postalCode;

    protected Address() {
    }

    public Address(String street, String city, String postalCode) {
        this.street = street;
        this.city = city;
        this.postalCode = postalCode;
    }

    public String getCity() {
        return city;
    }
}
