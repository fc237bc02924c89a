"""Mijn Loket and notices: contact preferences, opt-outs, notices sent

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-01 12:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('mijn_contactvoorkeur',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_key', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('lang', sa.String(length=2), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('subject_key')
    )
    op.create_table('melding_afmelding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_key', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=3), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('melding_afmelding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_melding_afmelding_subject_key'), ['subject_key'], unique=False)

    op.create_table('melding_brief',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('subject_key', sa.String(length=64), nullable=False),
    sa.Column('postcode_key', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('forget_after', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('melding_brief', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_melding_brief_subject_key'), ['subject_key'], unique=False)

    op.create_table('melding_verstuurd',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dedupe', sa.String(length=64), nullable=False),
    sa.Column('letter_id', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=40), nullable=False),
    sa.Column('forget_after', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['letter_id'], ['melding_brief.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('dedupe')
    )
    with op.batch_alter_table('melding_verstuurd', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_melding_verstuurd_letter_id'), ['letter_id'], unique=False)


def downgrade():
    with op.batch_alter_table('melding_verstuurd', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_melding_verstuurd_letter_id'))
    op.drop_table('melding_verstuurd')
    with op.batch_alter_table('melding_brief', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_melding_brief_subject_key'))
    op.drop_table('melding_brief')
    with op.batch_alter_table('melding_afmelding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_melding_afmelding_subject_key'))
    op.drop_table('melding_afmelding')
    op.drop_table('mijn_contactvoorkeur')
