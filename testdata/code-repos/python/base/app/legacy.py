def legacy_users(cursor):
    cursor.execute("SELECT id FROM users WHERE legacy_flag")
