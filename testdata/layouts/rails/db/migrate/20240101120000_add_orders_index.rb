class AddOrdersIndex < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    safety_assured do
      execute <<~SQL
        CREATE INDEX CONCURRENTLY index_orders_on_customer_id
          ON orders (customer_id);
      SQL
    end
  end
end
