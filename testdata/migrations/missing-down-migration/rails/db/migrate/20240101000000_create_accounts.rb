class CreateAccounts < ActiveRecord::Migration[7.1]
  def up
    execute "CREATE TABLE accounts (id bigint PRIMARY KEY, plan text)" # expect: missing-down-migration
  end
end
