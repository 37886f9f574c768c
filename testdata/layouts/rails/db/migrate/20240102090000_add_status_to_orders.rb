class AddStatusToOrders < ActiveRecord::Migration[7.1]
  def up
    execute "ALTER TABLE orders ADD COLUMN status text"
    execute 'UPDATE orders SET status = \'new\''
    execute %q(CREATE INDEX index_orders_on_status ON orders (status))
  end

  def down
    execute <<-SQL
      DROP INDEX index_orders_on_status;
      ALTER TABLE orders DROP COLUMN status;
    SQL
  end
end
