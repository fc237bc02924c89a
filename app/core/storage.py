"""Deleting personal data so that it is gone, also from the database file."""

from sqlalchemy import text

from app.extensions import db


def wipe_deleted() -> None:
    """Make deleted rows unrecoverable from the database file.

    SQLite runs with `secure_delete` (deleted pages are overwritten), but the write-ahead log
    still holds the old pages until a checkpoint: this runs one and truncates the log.
    PostgreSQL's own storage is not readable by residents' data holders; nothing to do there.
    """
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
