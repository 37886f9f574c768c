package com.example;

public interface UserRepository {
    @Query(value = "SELECT * FROM users WHERE email_verified = true", nativeQuery = true)
    List<User> findVerified();

    String COUNT = "SELECT count(*) FROM users u " +
        "WHERE u.email_verified = ?";

    static String byId(long id) {
        return "SELECT email_verified FROM users WHERE id = " + id;
    }

    static String sharded(int shard) {
        return "SELECT email FROM users_" + shard + " WHERE id = 1";
    }
}
