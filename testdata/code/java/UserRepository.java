package com.example;

public interface UserRepository {
    @Query(value = "SELECT * FROM users WHERE email_verified = true", nativeQuery = true)
    List<User> findVerified();

    String COUNT = "SELECT count(*) FROM users u " +
        "WHERE u.email_verified = ?";
}
