"""One write transaction that takes places in slots without ever overbooking.

PostgreSQL: the default READ COMMITTED isolation with a conditional `UPDATE ... WHERE booked <
capacity` is enough: a second transaction waits for the row lock and then re-checks the
condition against the committed value.

SQLite: Python's sqlite3 starts a deferred transaction at the first write, and in WAL mode a
transaction that read before it writes fails at once with "database is locked" when another
write came in between (the busy timeout does not help). `BEGIN IMMEDIATE` takes the write lock
first, waiting up to the busy timeout, so the transactions queue instead.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from app.extensions import db


@contextmanager
def write_transaction() -> Iterator[None]:
    """Run the block in one transaction that holds the write lock (SQLite) and commit it."""
    session = db.session
    session.commit()  # close whatever the request had open, so BEGIN comes first
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        raw = connection.connection.driver_connection
        if raw is not None and not raw.in_transaction:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
    try:
        yield
        session.commit()
    except BaseException:
        session.rollback()
        raise


def rowcount(result: object) -> int:
    """How many rows an UPDATE or DELETE changed (the typed Result hides the attribute)."""
    return int(getattr(result, "rowcount", 0) or 0)
