package app

import (
	"database/sql"
	"log"
)

// email_verified is new in this release
func Verified(db *sql.DB) {
	log.Println("email_verified flag checked")
	db.Query("SELECT id FROM users WHERE email_verified") // expect: migration-with-dependent-code
	db.Query("SELECT legacy_flag FROM accounts")
	db.Query("SELECT name FROM users")
}
