package dev.zanith.jpa.broken;

import jakarta.persistence.Entity;

/** An entity without an @Id: Hibernate refuses the mapping. */
@Entity
public class NoIdentifier {

    private String name;
}
