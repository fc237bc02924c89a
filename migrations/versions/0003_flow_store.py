"""flow store: multi-step answers server-side

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 09:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('flow_entry',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('flow_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_flow_entry_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_flow_entry_kind'), ['kind'], unique=False)


def downgrade():
    with op.batch_alter_table('flow_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_flow_entry_kind'))
        batch_op.drop_index(batch_op.f('ix_flow_entry_expires_at'))
    op.drop_table('flow_entry')
