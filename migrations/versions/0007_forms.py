"""forms: saved drafts (the index of resume codes and links), submissions and uploaded files

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-03 10:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('form_draft',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('postcode_hash', sa.String(length=64), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('flow_id', sa.String(length=64), nullable=False),
    sa.Column('owner', sa.String(length=64), nullable=True),
    sa.Column('lang', sa.String(length=2), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('form_draft', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_form_draft_expires_at'), ['expires_at'], unique=False)

    op.create_table('form_submission',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('owner', sa.String(length=64), nullable=True),
    sa.Column('lang', sa.String(length=2), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('payment_id', sa.String(length=80), nullable=True),
    sa.Column('amount_cents', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('delete_after', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key'),
    sa.UniqueConstraint('reference')
    )
    with op.batch_alter_table('form_submission', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_form_submission_delete_after'), ['delete_after'], unique=False)
        batch_op.create_index(batch_op.f('ix_form_submission_owner'), ['owner'], unique=False)

    op.create_table('form_upload',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_id', sa.String(length=32), nullable=False),
    sa.Column('bundle', sa.String(length=64), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=True),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('question', sa.String(length=90), nullable=False),
    sa.Column('filename', sa.String(length=120), nullable=False),
    sa.Column('content_type', sa.String(length=40), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['form_submission.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('public_id')
    )
    with op.batch_alter_table('form_upload', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_form_upload_bundle'), ['bundle'], unique=False)
        batch_op.create_index(batch_op.f('ix_form_upload_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_form_upload_submission_id'), ['submission_id'], unique=False)


def downgrade():
    with op.batch_alter_table('form_upload', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_form_upload_submission_id'))
        batch_op.drop_index(batch_op.f('ix_form_upload_expires_at'))
        batch_op.drop_index(batch_op.f('ix_form_upload_bundle'))
    op.drop_table('form_upload')
    with op.batch_alter_table('form_submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_form_submission_owner'))
        batch_op.drop_index(batch_op.f('ix_form_submission_delete_after'))
    op.drop_table('form_submission')
    with op.batch_alter_table('form_draft', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_form_draft_expires_at'))
    op.drop_table('form_draft')
