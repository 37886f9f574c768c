package store

import "log"

// email_verified is filled in by the mailer; see SELECT email FROM users.
func report(n int) {
	log.Printf("email_verified updated for %d users", n)
	log.Println("could not update email_verified")
}

type Payload struct {
	EmailVerified bool `json:"email_verified"`
}

const accounts = "SELECT email_verified FROM accounts"
