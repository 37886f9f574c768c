-- Prisma has no down migrations: nothing to report.
CREATE TABLE "User" (id serial PRIMARY KEY, email text NOT NULL);
