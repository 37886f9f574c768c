class Mailer
  # where(email_verified: true) is applied by the caller; SELECT email FROM users
  def deliver(user)
    Rails.logger.info("email_verified changed for #{user.id}")
    Rails.logger.info("Updating email_verified for user")
    options = { email_verified: true }
    Account.connection.execute("SELECT email_verified FROM accounts")
    options
  end
end
