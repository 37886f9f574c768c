package store

type User struct {
	ID            int64  `db:"id"`
	Email         string `db:"email"`
	EmailVerified bool   `db:"email_verified" json:"emailVerified"`
	Ignored       string `db:"-"`
}

func (User) TableName() string { return "users" }

type Account struct {
	ID            uint   `gorm:"primaryKey"`
	Email         string `gorm:"column:email;uniqueIndex"`
	EmailVerified bool
	Sessions      []Session
	Scratch       string `gorm:"-"`
	internal      int
}
