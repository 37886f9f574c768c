exports.up = function (knex) {
  return knex.raw("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)"); // expect: concurrent-in-transaction
};

exports.down = function (knex) {
  return knex.raw("DROP INDEX orders_customer_idx");
};
