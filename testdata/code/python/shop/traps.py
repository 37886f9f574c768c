import logging

log = logging.getLogger(__name__)


def notify(user, settings):
    """Sends the email_verified notice; select email from users when needed."""
    # email_verified is set by the confirmation view: SELECT email_verified FROM users
    log.info("email_verified flag changed for %s", user.id)
    log.warning(f"could not update email_verified for {user.id}")
    settings.update(email_verified=True)
    return {"email_verified": True}


def accounts(cursor):
    cursor.execute("SELECT email, email_verified FROM accounts WHERE id = %s", [1])


def versions(specifier, candidates):
    return list(specifier.filter(candidates, prereleases=True))


def layout(console):
    grid = Table("email_verified", show_header=False)
    console.print(grid)


def download(session, url):
    return session.get(url, headers={"email_verified": "1"}, stream=True)


def sharded(cursor, shard):
    cursor.execute("SELECT email_verified FROM users_%s WHERE id = %%s" % shard, [1])
