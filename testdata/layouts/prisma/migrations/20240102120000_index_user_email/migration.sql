-- A single statement: Prisma sends it on its own, outside any transaction.
CREATE INDEX CONCURRENTLY "User_email_idx" ON "User"("email");
