class User < ApplicationRecord
  scope :legacy, -> { where(legacy_flag: true) }
end
