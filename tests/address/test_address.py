"""The address lookup connector: the demo source, and the PDOK client against a fake server."""

import pytest
from flask import Flask

from app.address.base import AddressQuery, addresses, normalise_number, normalise_postcode
from app.address.contrib.pdok import PdokAddresses
from app.address.service import look_up
from app.core.connectors import ConnectorError, SourceUnavailable
from tests.address.fake_pdok import Handler, fake_pdok


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("6511ps", "6511 PS"),
        (" 6511  PS ", "6511 PS"),
        ("6511-PS", None),
        ("0511 PS", None),
        ("6511 P", None),
        ("", None),
    ],
)
def test_postcodes_as_people_type_them(typed: str, stored: str | None) -> None:
    assert normalise_postcode(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"), [("12", "12"), (" 012 ", "12"), ("12a", None), ("0", None), ("", None)]
)
def test_house_numbers(typed: str, stored: str | None) -> None:
    assert normalise_number(typed) == stored


def test_demo_is_the_default_and_knows_the_demo_population(app: Flask) -> None:
    with app.app_context():
        assert addresses.chosen(app.config) == "demo"
        found = look_up(AddressQuery("6512 AB", "12"))
        assert found.address is not None and found.address.street == "Voorbeeldstraat"
        assert found.address.line == "Voorbeeldstraat 12, 6512 AB Nijmegen"
        two = look_up(AddressQuery("6521 CD", "21"))
        assert two.address is None and len(two.found) == 2
        assert look_up(AddressQuery("6521 CD", "21", "b")).address.house == "21 B"
        assert look_up(AddressQuery("6512 AB", "999")).found == []


def test_pdok_finds_an_address(app: Flask) -> None:
    with fake_pdok() as url:
        client = PdokAddresses({"ADDRESS_PDOK_URL": url})
        (found,) = client.find(AddressQuery("6511 PS", "30"))
        assert found.line == "Mariënburg 30, 6511 PS Nijmegen" and found.source == "pdok"
        params = Handler.seen[-1]
        assert sorted(params["fq"]) == ["huisnummer:30", "postcode:6511PS", "type:adres"]
        assert client.find(AddressQuery("6511 PS", "31")) == []


def test_pdok_additions_and_letters(app: Flask) -> None:
    with fake_pdok() as url:
        client = PdokAddresses({"ADDRESS_PDOK_URL": url})
        assert [a.house for a in client.find(AddressQuery("6521 CD", "21"))] == ["21 A", "21 B"]
        assert [a.house for a in client.find(AddressQuery("6532 EF", "47"))] == ["47-2"]


@pytest.mark.parametrize(("mode", "error"), [("broken", ConnectorError), ("html", ConnectorError)])
def test_pdok_answers_that_are_not_addresses(app: Flask, mode: str, error: type[Exception]) -> None:
    with fake_pdok(mode) as url, pytest.raises(error):
        PdokAddresses({"ADDRESS_PDOK_URL": url}).find(AddressQuery("6511 PS", "30"))


def test_pdok_too_slow_or_gone_is_unavailable(app: Flask) -> None:
    with fake_pdok("slow") as url, pytest.raises(SourceUnavailable):
        PdokAddresses({"ADDRESS_PDOK_URL": url, "ADDRESS_TIMEOUT_SECONDS": 0.3}).find(
            AddressQuery("6511 PS", "30")
        )
    with pytest.raises(SourceUnavailable):
        PdokAddresses({"ADDRESS_PDOK_URL": "http://127.0.0.1:9/x"}).find(
            AddressQuery("6511 PS", "30")
        )


def test_when_the_source_is_down_the_resident_types_the_address(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import fresh_sqlite, make_app

    app = make_app(
        fresh_sqlite(tmp_path / "a.db"),
        CONNECTORS={"adressen": "pdok"},
        ADDRESS_PDOK_URL="http://127.0.0.1:9/x",
    )
    with app.test_request_context():
        found = look_up(AddressQuery("6511 PS", "30"))
        assert found.unavailable and found.address is None
