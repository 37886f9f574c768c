// email_verified is new in this release
export async function verifiedUsers(knex: any, log: any) {
  log.info("email_verified flag checked");
  await knex("accounts").select("legacy_flag");
  return knex("users").where({ email_verified: true }).select("name"); // expect: migration-with-dependent-code
}
