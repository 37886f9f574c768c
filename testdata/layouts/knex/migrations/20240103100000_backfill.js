const TABLE = "orders";

exports.up = function (knex) {
  return knex.raw(`UPDATE ${TABLE} SET note = 'none' WHERE note IS NULL`);
};

exports.down = function () {};
