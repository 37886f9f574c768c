class AddIndex < ActiveRecord::Migration[7.1]
  def up
    execute "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)" # expect: concurrent-in-transaction
  end

  def down
    execute "DROP INDEX orders_customer_idx"
  end
end
