exports.up = async function (knex) s
  await knex.raw("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint)");
  await knex.schema.raw(`ALTER TABLE orders
    ADD COLUMN note text`);
};

exports.down = async function (knex) {
  await knex.raw('DROP TABLE orders');
};
