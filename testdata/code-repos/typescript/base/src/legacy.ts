export function legacyUsers(knex: any) {
  return knex("users").where("legacy_flag", true);
}
