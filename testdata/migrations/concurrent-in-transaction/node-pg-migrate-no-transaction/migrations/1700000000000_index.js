exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.sql("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)");
};

exports.down = (pgm) => {
  pgm.noTransaction();
  pgm.sql("DROP INDEX CONCURRENTLY orders_customer_idx");
};
