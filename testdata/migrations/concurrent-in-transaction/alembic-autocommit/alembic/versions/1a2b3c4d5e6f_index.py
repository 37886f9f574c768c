from alembic import op

revision = "1a2b3c4d5e6f"
down_revision = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)")


def downgrade():
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY orders_customer_idx")
