"""The opt-out of proactive notices: in Mijn Loket, with a letter's code and postcode (no DigiD),
or recorded by staff; with date and channel; undoable; and respected by every notice on every
channel."""

import re

import pytest
from bs4 import BeautifulSoup
from flask import Flask, render_template
from flask.testing import FlaskClient

from app.core.capabilities import wiring
from app.identity.resident import Resident
from app.mijn import contact
from app.notices import optout
from app.notices.catalogue import catalogue
from app.notices.keys import OPTOUT, subject_key
from app.notices.sending import send_all
from app.notices.service import find
from tests.browse import csrf_token, demo_login, resident_login
from tests.notices.helpers import BSN, messages_to, notice_messages
from tests.pagecheck import check_page

NAMES = {
    "fatima": "Fatima El Amrani",
    "jan": "Jan de Vries",
    "anna": "Anna Jansen",
    "kees": "Kees Hendriks",
    "lotte": "Lotte Peters",
    "henk": "Henk Willems",
}
CHANNELS = {
    "brief": None,
    "email": contact.Preference("email", "iemand@voorbeeld.example", None, "nl"),
    "sms": contact.Preference("sms", None, "+31612345678", "nl"),
}


def key(who: str) -> str:
    return subject_key("bsn", BSN[who], OPTOUT)


def _token(client: FlaskClient) -> str:
    return csrf_token(client.get("/meldingen/afmelden").get_data(as_text=True))


def _code_of(who: str) -> str:
    (message,) = messages_to(NAMES[who])
    return message.about.removeprefix("melding:")


def _by_code(client: FlaskClient, code: str, postcode: str, actie: str = "af") -> tuple[int, str]:
    response = client.post(
        "/meldingen/afmelden",
        data={"code": code, "postcode": postcode, "actie": actie, "csrf_token": _token(client)},
    )
    main = BeautifulSoup(response.get_data(as_text=True), "html.parser").select_one("main")
    assert main is not None
    for hidden in main.select("input[name=csrf_token]"):
        hidden.decompose()
    return response.status_code, str(main)


def test_opting_out_in_mijn_loket_and_undoing_it(app: Flask, client: FlaskClient) -> None:
    resident_login(client, "jan")
    token = _token(client)
    response = client.post(
        "/mijn/instellingen/meldingen", data={"actie": "af", "csrf_token": token}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/mijn/instellingen#meldingen"
    with app.app_context():
        entry = optout.current(key("jan"))
        assert (
            entry is not None and entry.opted_out and entry.channel == "mijn" and not entry.by_staff
        )
    page = check_page(client.get("/mijn/meldingen").get_data(as_text=True), "nl")
    assert "U heeft gezegd dat u deze berichten niet wilt." in page.get_text()
    assert not page.select("section.loket-notice")
    client.post("/mijn/instellingen/meldingen", data={"actie": "aan", "csrf_token": token})
    with app.app_context():
        assert not optout.is_opted_out(key("jan"))
        assert [e.opted_out for e in optout.history(key("jan"))] == [False, True]
    assert client.get("/mijn/meldingen").get_data(as_text=True).count('class="loket-notice') == 2


def test_the_mijn_settings_section_shows_the_state_and_its_history(
    app: Flask, client: FlaskClient
) -> None:
    resident = Resident("bsn", BSN["fatima"], "Fatima El Amrani", "digid", "")
    provider = wiring(app).provider("mijn.instellingen")
    assert provider is not None
    with app.test_request_context("/mijn/instellingen"):
        optout.opt_out(key("fatima"), "telefoon", staff_id=1)
        template, context = provider(resident)
        html = render_template(template, **context)
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one("form#meldingen-instelling")
    assert form is not None and form["action"] == "/mijn/instellingen/meldingen"
    assert soup.select_one("input[name=actie]")["value"] == "aan"  # type: ignore[index]
    assert "aan de telefoon" in soup.get_text()
    assert soup.select_one("input[name=csrf_token]") is not None


def test_without_digid_by_the_code_on_the_letter(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        send_all()
        code = _code_of("henk")
    wrong_code = _by_code(client, "ML-0000-ZZ", "6532 EG")
    wrong_postcode = _by_code(client, code, "6500 AA")
    assert wrong_code[0] == wrong_postcode[0] == 404
    assert wrong_code[1].replace("ML-0000-ZZ", "X") == wrong_postcode[1].replace(code, "X").replace(
        "6500 AA", "6532 EG"
    )
    with app.app_context():
        assert not optout.is_opted_out(key("henk"))
    status, html = _by_code(client, code.lower().replace("-", " "), "6532eg")
    assert status == 200 and "Het is gelukt." in html
    with app.app_context():
        entry = optout.current(key("henk"))
        assert entry is not None and entry.opted_out and entry.channel == "code"
    assert _by_code(client, code, "6532 EG", "aan")[0] == 200
    with app.app_context():
        assert not optout.is_opted_out(key("henk"))


def test_the_code_page_is_rate_limited(client: FlaskClient) -> None:
    codes = [_by_code(client, "ML-1234-AB", "6532 EG")[0] for _ in range(11)]
    assert codes[:10] == [404] * 10 and codes[10] == 429


def test_recorded_by_staff_at_the_desk_or_on_the_phone(app: Flask, client: FlaskClient) -> None:
    assert client.get("/medewerker/meldingen").status_code in (302, 401, 403)
    from app.auth.cli import fill_accounts

    with app.app_context():
        fill_accounts()
    demo_login(client, "medewerker")
    page = client.get("/medewerker/meldingen")
    token = csrf_token(page.get_data(as_text=True))
    response = client.post(
        "/medewerker/meldingen",
        data={"bsn": "9999 42554", "actie": "af", "kanaal": "telefoon", "csrf_token": token},
    )
    assert response.status_code == 200
    soup = check_page(response.get_data(as_text=True), "nl")
    assert "Deze inwoner krijgt geen meldingen." in soup.get_text()
    assert soup.select_one("input[name=bsn]").get("value") in (None, "")  # type: ignore[union-attr]
    with app.app_context():
        entry = optout.current(key("henk"))
        assert entry is not None and entry.channel == "telefoon" and entry.by_staff
    bad = client.post(
        "/medewerker/meldingen",
        data={"bsn": "123456789", "actie": "af", "kanaal": "balie", "csrf_token": token},
    )
    assert bad.status_code == 400 and "geen geldig burgerservicenummer" in bad.get_data(
        as_text=True
    )


@pytest.mark.parametrize(("lang", "prefix"), [("nl", ""), ("en", "/en")])
def test_the_desk_names_the_notices_sent_in_words_not_rule_keys(
    app: Flask, client: FlaskClient, lang: str, prefix: str
) -> None:
    from app.auth.cli import fill_accounts

    with app.app_context():
        fill_accounts()
        send_all()
        sent = {n.rule.key for n in find(BSN["henk"]).notices}
        names = {k: catalogue().rule(k).text("naam", lang) for k in sent}
    assert sent and all(names.values())
    demo_login(client, "medewerker")
    token = csrf_token(client.get(f"{prefix}/medewerker/meldingen").get_data(as_text=True))
    response = client.post(
        f"{prefix}/medewerker/meldingen",
        data={"bsn": "9999 42554", "actie": "af", "kanaal": "balie", "csrf_token": token},
    )
    soup = check_page(response.get_data(as_text=True), lang)
    sent_lines = [li.get_text() for li in soup.select("main section li") if "ML-" in li.get_text()]
    assert sent_lines
    said = set()
    for line in sent_lines:  # "1 december 2026: ML-1234-AB, brief, <what it was about>"
        about = re.search(r"ML-[\w-]+, [^,]+, (.*)$", line)
        assert about is not None, line
        for part in about.group(1).split(", "):
            name = re.sub(r" \(\d+×\)$", "", part)
            assert name in names.values(), f"{part!r} is not a name of a notice"
            said.add(name)
    assert said == set(names.values())


@pytest.mark.parametrize("channel", sorted(CHANNELS))
def test_no_notice_of_any_kind_reaches_an_opted_out_resident_on_any_channel(
    app: Flask, client: FlaskClient, channel: str
) -> None:
    ways = ["mijn", "code", "balie", "telefoon", "brief", "mijn"]
    with app.app_context():
        kinds = {n.rule.key for who in NAMES for n in find(BSN[who]).notices}
        assert kinds == set(catalogue().rules)  # every kind of notice is at stake
        for (who, _), way in zip(NAMES.items(), ways, strict=True):
            if CHANNELS[channel] is not None:
                contact.save("bsn", BSN[who], CHANNELS[channel])
            optout.opt_out(key(who), way)
        report = send_all()
        assert report.counts["afgemeld"] == len(NAMES)
        assert report.counts["berichten"] == 0 and notice_messages() == []
        attention = wiring(app).provider("mijn.aandacht")
        assert attention is not None
    for who in NAMES:
        with app.test_request_context("/mijn"):
            assert attention(Resident("bsn", BSN[who], NAMES[who], "digid", "")) == []
    resident_login(client, "fatima")
    html = client.get("/mijn/meldingen").get_data(as_text=True)
    assert "loket-notice" not in html and "Meedoenregeling" not in html
    # undone: they are told again, by their channel
    with app.app_context():
        for who in NAMES:
            optout.opt_in(key(who), "mijn")
        send_all()
        assert {m.channel for m in notice_messages()} == {channel}
        assert len(notice_messages()) == len(NAMES)


def test_the_opt_out_is_read_again_just_before_the_commit(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.notices import sending

    with app.app_context():
        real = sending.find

        def find_then_opt_out(bsn: str):  # type: ignore[no-untyped-def]
            found = real(bsn)
            if bsn == BSN["henk"]:
                optout.opt_out(key("henk"), "telefoon")  # meanwhile, at the desk
            return found

        monkeypatch.setattr(sending, "find", find_then_opt_out)
        send_all()
        assert messages_to("Henk Willems") == []
        assert re.search("Fatima", " ".join(m.recipient["name"] for m in notice_messages()))
