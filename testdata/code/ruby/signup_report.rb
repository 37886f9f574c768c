class SignupReport
  def recent
    User.where(email_verified: false).order(created_at: :desc).limit(10)
  end

  def by_domain(domain)
    Account.where("email LIKE ?", "%@#{domain}").pluck(:email)
  end

  def stale_posts(account)
    account.posts.where("published_at < ?", 1.year.ago).order("created_at DESC")
  end

  def raw
    ActiveRecord::Base.connection.select_all(<<~SQL)
      SELECT id, email_verified
      FROM users
      WHERE created_at > now() - interval '1 day'
    SQL
  end
end
