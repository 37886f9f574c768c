class AddOwner < ActiveRecord::Migration[7.1]
  def up
    execute "ALTER TABLE accounts ADD COLUMN owner_id bigint"
  end

  def down
    execute "ALTER TABLE accounts DROP COLUMN owner_id"
  end
end
