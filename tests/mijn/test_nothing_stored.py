"""Register data is shown, not stored: after visiting every Mijn page no table holds any of it."""

from flask import Flask
from sqlalchemy import inspect, text

from app.extensions import db
from tests.mijn.conftest import logged_in, page

PAGES = ["/mijn", "/mijn/zaken", "/mijn/afspraken", "/mijn/gegevens", "/mijn/instellingen"]
# What only the registers know about Fatima and her children (not the login broker).
REGISTER_VALUES = [
    "Voorbeeldstraat",
    "6512 AB",
    "6512AB",
    "Yasmin",
    "Adam",
    "2015-03-02",
    "1986-04-12",
    "2026-0100012",
    "140100",
    "2029-06-30",
    "bijstand",
]


def everything(app: Flask) -> str:
    """Every row of every table, as text (the whole database, flow store included)."""
    with app.app_context():
        rows = []
        for table in inspect(db.engine).get_table_names():
            for row in db.session.execute(text(f'SELECT * FROM "{table}"')):
                rows.append(f"{table}: {tuple(row)}")
        db.session.remove()
        return "\n".join(rows)


def test_a_visit_to_every_page_leaves_no_register_data_behind(demo: Flask) -> None:
    before = everything(demo)
    shown = " ".join(page(logged_in(demo, "fatima"), path).get_text(" ") for path in PAGES * 2)
    assert "Voorbeeldstraat 12" in shown and "Yasmin El Amrani" in shown  # it was shown
    after = everything(demo)
    added = set(after.splitlines()) - set(before.splitlines())
    assert added, "the login itself is kept (flow store): the check would see new rows"
    for value in REGISTER_VALUES:
        assert not any(value in row for row in added), f"{value!r} was stored"
    assert not any("999993653" in row for row in added if not row.startswith("flow_entry:"))
