/* eslint-disable camelcase */

exports.shorthands = undefined;

exports.up = (pgm) => {
  pgm.createTable("customers", { id: "id" });
  pgm.sql("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint)");
};

exports.down = (pgm) => {
  pgm.sql("DROP TABLE orders");
  pgm.dropTable("customers");
};
