"""Letters end to end: queued, made into a print-ready PDF, ready for the post, downloadable."""

from io import BytesIO

from flask import Flask
from pypdf import PdfReader

from app.core.time import local_today
from app.extensions import db
from app.notify.letters.document import parse_body
from app.notify.letters.pdf import bundle
from app.notify.models import Letter
from app.notify.staff import letters_of_day
from app.notify.worker import Worker
from tests.notify.helpers import JAN, fresh, queue


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_a_letter_becomes_a_pdf_ready_for_the_post(ctx: Flask) -> None:
    message = queue("brief", JAN, about="afspraak:AF-7743-PR")
    tally = Worker().run_once()
    assert tally.letters == 1
    row = fresh(message.id)
    assert row.status == "klaar-voor-de-post" and row.sent_at is not None
    letter = db.session.get(Letter, message.id)
    assert letter is not None and letter.dated == local_today()
    assert letter.pdf.startswith(b"%PDF-")
    assert letter.pages == 1

    reader = PdfReader(BytesIO(letter.pdf))
    text = _text(letter.pdf)
    assert "AF-7743-PR" in text  # the reference, on the letter and at the foot of each page
    assert "Ons kenmerk" in text and "Datum" in text
    assert "Jan de Vries" in text and "6521 CD  NIJMEGEN" in text  # the address window
    assert "Mariënburg 30" in text  # the municipal address block, from content/contact.yaml
    assert "14 024" in text
    assert "Niet tevreden?" in text and "gemeentelijke ombudsman" in text
    assert "U krijgt geen herinnering van ons" in text  # letter-only: the date named twice
    assert text.count("dinsdag 2 maart 2027") >= 2
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVuSans" in f for f in fonts), fonts
    assert reader.metadata and reader.metadata.title == f"{row.subject} (AF-7743-PR)"


def test_euro_and_e_trema_are_in_the_embedded_font(ctx: Flask, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.notify.letters.document import LetterDocument
    from app.notify.letters.pdf import letter_pdf

    doc = LetterDocument(
        lang="nl",
        sender=("Gemeente Nijmegen", "Mariënburg 30"),
        return_line="Gemeente Nijmegen",
        recipient=("Chloë Çelik", "Straat 1", "6511 AB  NIJMEGEN"),
        date_text="2 maart 2027",
        reference="AF-4736-KM",
        subject="Kosten: € 75,20",
        blocks=parse_body("U betaalt € 75,20 bij de Stadswinkel in de Mariënburg."),
    )
    pdf, pages = letter_pdf(doc, __import__("pathlib").Path(ctx.config["NOTIFY_LETTER_FONT_DIR"]))
    text = _text(pdf)
    assert "€ 75,20" in text and "Mariënburg" in text and "Chloë Çelik" in text
    assert pages == 1


def test_the_body_is_parsed_into_paragraphs_lists_and_headings() -> None:
    blocks = parse_body(
        "Beste Jan,\n\nRegel een\nRegel twee\n\n## Neem mee\n\n- a\n- b\n\n## Kop\nTekst"
    )
    assert [(b.kind, b.lines) for b in blocks] == [
        ("p", ("Beste Jan,",)),
        ("p", ("Regel een", "Regel twee")),
        ("h", ("Neem mee",)),
        ("ul", ("a", "b")),
        ("h", ("Kop",)),
        ("p", ("Tekst",)),
    ]


def test_a_long_letter_runs_over_pages_and_each_page_carries_the_reference(ctx: Flask) -> None:
    long_list = [f"document nummer {n} met een lange uitleg erbij" for n in range(40)]
    message = queue("brief", JAN, about="afspraak:AF-4444-DD", bring=long_list)
    Worker().run_once()
    letter = db.session.get(Letter, message.id)
    assert letter is not None and letter.pages >= 2
    for page in PdfReader(BytesIO(letter.pdf)).pages:
        assert "AF-4444-DD" in page.extract_text()
        assert f"van {letter.pages}" in page.extract_text()


def test_the_days_letters_are_one_pdf_with_each_letter_on_a_front_page(ctx: Flask) -> None:
    queue("brief", JAN, about="afspraak:AF-1111-AA")
    queue("brief", JAN, about="afspraak:AF-2222-BB")
    Worker().run_once()
    found = letters_of_day(local_today())
    assert [m.reference for m, _ in found] == ["AF-1111-AA", "AF-2222-BB"]
    pdfs = [letter.pdf for _, letter in found]
    duplex = PdfReader(BytesIO(bundle(pdfs, duplex=True)))
    assert len(duplex.pages) == 4  # one page each, a blank back after each
    assert "AF-1111-AA" in duplex.pages[0].extract_text()
    assert duplex.pages[1].extract_text().strip() == ""
    assert "AF-2222-BB" in duplex.pages[2].extract_text()
    assert len(PdfReader(BytesIO(bundle(pdfs, duplex=False))).pages) == 2


def test_a_letter_is_made_once_even_if_the_worker_runs_twice(ctx: Flask) -> None:
    queue("brief", JAN)
    assert Worker().run_once().letters == 1
    assert Worker().run_once().handled == 0
    assert len(letters_of_day(local_today())) == 1
