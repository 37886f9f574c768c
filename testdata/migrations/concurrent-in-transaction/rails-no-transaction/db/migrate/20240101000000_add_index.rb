class AddIndex < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def up
    execute "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)"
  end

  def down
    execute "DROP INDEX CONCURRENTLY orders_customer_idx"
  end
end
