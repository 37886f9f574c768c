package store

const verifiedQuery = `
SELECT id, email
FROM users
WHERE email_verified = true`

func (s *Store) MarkVerified(id int64) error {
	_, err := s.db.Exec("UPDATE users SET email_verified = $1 "+
		"WHERE id = $2", true, id)
	return err
}
