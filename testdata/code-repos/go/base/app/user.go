package app

type User struct {
	ID         int64 `db:"id"`
	LegacyFlag bool  `db:"legacy_flag"`
}

func (User) TableName() string { return "users" }
