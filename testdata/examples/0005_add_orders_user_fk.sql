-- 0005: enforce that every order belongs to an existing user.
--
-- HAZARD: without NOT VALID, PostgreSQL checks every existing row of orders while holding
-- SHARE ROW EXCLUSIVE locks on both orders and users, blocking writes to both tables for the
-- whole scan. The safe version adds the constraint NOT VALID (instant) and runs
-- ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey in a later migration.

SET lock_timeout = '2s';

ALTER TABLE orders
    ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
