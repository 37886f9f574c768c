// knex("users").where("email_verified", true) used to live here
export function log(user: { id: number }) {
  console.log("email_verified changed for", user.id);
  console.warn(`could not update email_verified for ${user.id}`);
}

export const accountsQuery = "SELECT email_verified FROM accounts WHERE id = $1";
const cache = new Map<string, string>();
cache.set("email_verified", "yes");
/* SELECT email_verified FROM users */
const path = require("path").join(__dirname, "email_verified");
$("h1.voice").select();
export const accountEmails = () => knex.select("email_verified").from("accounts");
