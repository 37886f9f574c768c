from .models import User


def verified_emails():
    return User.objects.filter(email_verified=True).values_list("email", flat=True)


def recent_signups(cursor):
    cursor.execute(
        "SELECT u.email, u.created_at FROM users u "
        "WHERE u.email_verified = %s ORDER BY u.created_at DESC",
        [True],
    )
    return cursor.fetchall()


def mark_verified(cursor, user_id):
    cursor.execute("UPDATE users SET email_verified = true WHERE id = %(id)s", {"id": user_id})
