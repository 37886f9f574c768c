class User < ApplicationRecord
  self.table_name = "users"

  scope :verified, -> { where(email_verified: true) }
  scope :by_email, ->(email) { where("lower(email) = ?", email.downcase) }

  def self.emails
    pluck(:email)
  end
end
