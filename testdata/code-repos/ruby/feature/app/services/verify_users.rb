class VerifyUsers
  def call
    User.where(email_verified: true).pluck(:name) # expect: migration-with-dependent-code
  end
end
