"""The print-ready PDF of a letter (fpdf2, A4, DejaVu Sans embedded: it has € and ë).

The address sits where a Dutch window envelope (C5/6 or EA5/6, window on the left) shows it:
20 mm from the left, 50 mm from the top, with the small return line above it. The first page
carries the municipal address block, the date, our reference and the subject; every page
carries the reference and "pagina 1 van 2" at the foot, so pages of one letter stay together
at the print-and-post service.
"""

from io import BytesIO
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from pypdf import PdfReader, PdfWriter

from app.notify.letters.document import LetterDocument

FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
BRAND_RED = (168, 10, 45)  # #A80A2D
TEXT = (40, 40, 40)  # #282828
BODY_SIZE = 12  # points: large enough for B1 readers, as the easy-read guidance asks
LEFT, RIGHT, TOP = 20, 20, 18
LINE, GAP = 5.6, 2.4  # mm: line height for 12 pt (about 1.4 leading), space between blocks


class MissingFont(RuntimeError):
    """The embedded font is missing (npm package dejavu-fonts-ttf: run make setup)."""


class _Letter(FPDF):
    reference = ""
    page_word = "pagina"
    of_word = "van"

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("DejaVu", size=9)
        self.set_text_color(*TEXT)
        self.cell(
            0,
            5,
            f"{self.reference}   {self.page_word} {self.page_no()} {self.of_word} {{nb}}",
            align="R",
        )


def _text(pdf: FPDF, width: float, height: float, text: str) -> None:
    """Ragged right, never justified: even word spacing is easier to read (B1, dyslexia)."""
    pdf.multi_cell(width, height, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _fonts(pdf: FPDF, font_dir: Path) -> None:
    for style, name in FONT_FILES.items():
        path = font_dir / name
        if not path.exists():
            raise MissingFont(f"{path} is missing: run make setup (npm package dejavu-fonts-ttf)")
        pdf.add_font("DejaVu", style, str(path))


def letter_pdf(doc: LetterDocument, font_dir: Path) -> tuple[bytes, int]:
    """Return the PDF of one letter and its number of pages."""
    pdf = _Letter(orientation="portrait", unit="mm", format="A4")
    pdf.reference = doc.reference
    pdf.page_word = doc.labels["page"]
    pdf.of_word = "van" if doc.lang == "nl" else "of"
    _fonts(pdf, font_dir)
    pdf.set_lang(doc.lang)
    pdf.set_title(f"{doc.subject} ({doc.reference})")
    pdf.set_author("Gemeente Nijmegen")
    pdf.set_creator("Loket")
    pdf.set_margins(LEFT, TOP, RIGHT)
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.add_page()
    pdf.set_text_color(*TEXT)

    pdf.set_font("DejaVu", "B", 18)
    pdf.set_text_color(*BRAND_RED)
    pdf.set_xy(LEFT, TOP)
    pdf.cell(90, 9, "Gemeente Nijmegen")
    pdf.set_text_color(*TEXT)

    pdf.set_font("DejaVu", size=9)
    pdf.set_xy(130, TOP)
    for line in doc.sender:
        pdf.set_x(130)
        pdf.cell(60, 4.6, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    pdf.set_xy(LEFT, 47)
    pdf.set_font("DejaVu", size=7)
    pdf.cell(85, 3.5, doc.return_line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_xy(LEFT, 52)
    pdf.set_font("DejaVu", size=11)
    for line in doc.recipient:
        pdf.cell(85, 5.5, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    pdf.set_y(92)
    labels = doc.labels
    for label, value in (
        (labels["date"], doc.date_text),
        (labels["reference"], doc.reference),
        (labels["subject"], doc.subject),
    ):
        pdf.set_font("DejaVu", "B", 10)
        pdf.cell(32, 6, label)
        pdf.set_font("DejaVu", size=10)
        _text(pdf, 0, 6, value)

    pdf.ln(6)
    width = pdf.w - LEFT - RIGHT
    for block in doc.blocks:
        if block.kind == "h":
            if pdf.get_y() > pdf.page_break_trigger - 4 * LINE:  # keep a heading with its text
                pdf.add_page()
            pdf.set_font("DejaVu", "B", BODY_SIZE + 1)
            _text(pdf, width, LINE + 0.6, block.lines[0])
            pdf.ln(0.8)
        elif block.kind == "ul":
            pdf.set_font("DejaVu", size=BODY_SIZE)
            for item in block.lines:
                pdf.set_x(LEFT + 2)
                pdf.cell(5, LINE, "•")
                _text(pdf, width - 7, LINE, item)
            pdf.ln(GAP)
        else:
            pdf.set_font("DejaVu", size=BODY_SIZE)
            _text(pdf, width, LINE, "\n".join(block.lines))
            pdf.ln(GAP)
    return bytes(pdf.output()), pdf.page_no()


def bundle(pdfs: list[bytes], duplex: bool) -> bytes:
    """Join letters into one PDF for the print-and-post service.

    With `duplex`, a letter with an odd number of pages gets a blank back page, so the next
    letter never starts on its back.
    """
    writer = PdfWriter()
    for data in pdfs:
        reader = PdfReader(BytesIO(data))
        writer.append(reader)
        if duplex and len(reader.pages) % 2:
            last = reader.pages[-1].mediabox
            writer.add_blank_page(width=float(last.width), height=float(last.height))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
