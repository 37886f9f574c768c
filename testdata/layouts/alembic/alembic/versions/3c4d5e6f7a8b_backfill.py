"""backfill

Revision ID: 3c4d5e6f7a8b
Revises: 2b3c4d5e6f7a
"""
from alembic import op
from sqlalchemy import text

revision = "3c4d5e6f7a8b"
down_revision = ("2b3c4d5e6f7a",)

TABLE = "orders"


def upgrade():
    op.execute(text(f"UPDATE {TABLE} SET note = 'none'\nWHERE note IS NULL"))


def downgrade():
    pass
