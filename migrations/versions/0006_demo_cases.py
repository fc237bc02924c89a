"""demo case system: cases, their statuses and submitted versions

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-01 10:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('demo_case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('case_type', sa.String(length=60), nullable=False),
    sa.Column('description', sa.String(length=80), nullable=False),
    sa.Column('initiator_type', sa.String(length=3), nullable=False),
    sa.Column('initiator_id', sa.String(length=20), nullable=False),
    sa.Column('initiator_name', sa.String(length=200), nullable=False),
    sa.Column('initiator_postcode', sa.String(length=7), nullable=False),
    sa.Column('representative', sa.JSON(), nullable=True),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('reference')
    )
    with op.batch_alter_table('demo_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_demo_case_initiator_id'), ['initiator_id'], unique=False)

    op.create_table('demo_case_status',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('set_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['demo_case.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('demo_case_status', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_demo_case_status_case_id'), ['case_id'], unique=False)

    op.create_table('demo_case_submission',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['demo_case.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('demo_case_submission', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_demo_case_submission_case_id'), ['case_id'], unique=False)


def downgrade():
    with op.batch_alter_table('demo_case_submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_demo_case_submission_case_id'))
    op.drop_table('demo_case_submission')
    with op.batch_alter_table('demo_case_status', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_demo_case_status_case_id'))
    op.drop_table('demo_case_status')
    with op.batch_alter_table('demo_case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_demo_case_initiator_id'))
    op.drop_table('demo_case')
