package com.example;

class Traps {
    // @Column(name = "email_verified") moved to User
    void log(Logger logger) {
        logger.info("email_verified changed");
        /* SELECT email_verified FROM users */
    }

    static final String ACCOUNTS = "SELECT email_verified FROM accounts";
}
