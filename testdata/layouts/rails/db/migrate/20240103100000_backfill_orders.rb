class BackfillOrders < ActiveRecord::Migration[7.1]
  TABLE = "orders"

  def up
    execute "UPDATE #{TABLE} SET status = 'new' WHERE status IS NULL"
  end

  def down
    raise ActiveRecord::IrreversibleMigration
  end
end
