import { prisma } from "../lib/prisma";

export default async function UserList() {
  const users = await prisma.user.findMany({ where: { emailVerified: true } });
  return (
    <section title="select email from users">
      <p>select email from users where email_verified</p>
      <ul>{users.map((u) => <li key={u.id}>{u.email}</li>)}</ul>
    </section>
  );
}
