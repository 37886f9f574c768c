package app;

public class VerifyService {
    // email_verified is new in this release
    public void run(JdbcTemplate jdbc, Logger log) {
        log.info("email_verified flag checked");
        jdbc.queryForList("SELECT id FROM users WHERE email_verified = true"); // expect: migration-with-dependent-code
        jdbc.queryForList("SELECT legacy_flag FROM accounts");
        jdbc.queryForList("SELECT name FROM users");
    }
}
