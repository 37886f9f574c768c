import logging

log = logging.getLogger(__name__)


def verified_users(cursor):
    # email_verified is new in this release
    cursor.execute("SELECT id FROM users WHERE email_verified")  # expect: migration-with-dependent-code
    log.info("email_verified flag checked")
    cursor.execute("SELECT legacy_flag FROM accounts")
    cursor.execute("SELECT name FROM users")
