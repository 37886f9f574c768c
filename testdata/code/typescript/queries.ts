import { knex } from "./db";
import { prisma } from "./prisma";

export async function verifiedEmails() {
  return knex("users").select("email", "users.created_at").where("email_verified", true);
}

export async function newest() {
  return knex("users").orderBy("created_at", "desc").increment("logins", 1);
}

export async function unverified() {
  return prisma.user.findMany({
    where: { emailVerified: false, OR: [{ lastLoginAt: null }] },
    select: { email: true },
  });
}

export async function count(db: { query: Function }) {
  const sql = `SELECT count(*) FROM users WHERE email_verified = $1`;
  return db.query(sql, [true]);
}
