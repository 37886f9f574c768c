from alembic import op

revision = "1a2b3c4d5e6f"
down_revision = None


def upgrade():
    op.execute("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)")  # expect: concurrent-in-transaction


def downgrade():
    op.execute("DROP INDEX orders_customer_idx")
