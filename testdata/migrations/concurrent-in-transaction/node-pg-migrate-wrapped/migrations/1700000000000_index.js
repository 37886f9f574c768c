exports.up = (pgm) => {
  pgm.sql("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)"); // expect: concurrent-in-transaction
};

exports.down = (pgm) => {
  pgm.sql("DROP INDEX orders_customer_idx");
};
