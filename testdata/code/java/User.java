package com.example;

import jakarta.persistence.*;

@Entity
@Table(name = "users")
public class User {
    @Id
    private Long id;

    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;

    private String displayName;

    @Transient
    private String fullName;

    private static final long serialVersionUID = 1L;
}

@Embeddable
class Address {
    @Column(name = "street_line")
    private String streetLine;

    private String city;
}
