class Account < ApplicationRecord
  # email_verified is new in this release
  def self.flagged
    Rails.logger.info("email_verified flag checked")
    where(legacy_flag: true)
  end
end
