import { MigrationBuilder } from "node-pg-migrate";

const table = "orders";

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("UPDATE " + table + " SET note = 'none' WHERE note IS NULL");
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql("UPDATE orders SET note = NULL");
}
