"""Files residents send with a form: evidence (PDF, JPEG, PNG) and a photo with a report.

Every file is checked for what it really is, not for what its name or the browser says: the
first bytes must be those of a PDF, JPEG or PNG, an image must decode completely (Pillow) and a
PDF must open and have pages (pypdf). Images are drawn again into a new file, so nothing but
the pixels survives: no EXIF, no GPS position, no camera serial number, no comments; the
orientation the camera recorded is applied first. A PDF is kept as it is, which is why there is
no viewer here and staff open it in their own case system: **no virus scanner can run on this
machine** (see README.md). Files are stored in the database, never under a public path, and
deleted with the draft or submission they belong to.
"""

import hashlib
import io
import re
import unicodedata
import warnings
from dataclasses import dataclass

from flask_babel import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from werkzeug.datastructures import FileStorage

MAX_PIXELS = 40_000_000  # a larger image is refused (decompression bombs)
MAX_SIDE = 2400  # stored images are at most this wide or high: enough to see a loose tile
JPEG_QUALITY = 85
SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
}
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


class Refused(ValueError):
    """The file cannot be taken; the message tells the resident what to do."""


@dataclass(frozen=True)
class Checked:
    """A file that passed every check, ready to store."""

    filename: str
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def megabytes(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB"


def read_limited(upload: FileStorage, limit: int) -> bytes:
    """Read at most `limit` bytes; refuse a larger file."""
    data = upload.stream.read(limit + 1)
    if len(data) > limit:
        raise Refused(
            _("Dit bestand is te groot. Het mag hoogstens %(size)s zijn.", size=megabytes(limit))
        )
    if not data:
        raise Refused(_("Dit bestand is leeg. Kies een ander bestand."))
    return data


def sniff(data: bytes) -> str | None:
    return next((kind for sig, kind in SIGNATURES.items() if data.startswith(sig)), None)


def safe_name(name: str | None, content_type: str) -> str:
    """A file name to show and store: no folders, no control characters, the right extension."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFC", base)
    base = re.sub(r"[^\w\s.()\-]", "", base, flags=re.UNICODE).strip(" .") or "bestand"
    stem = base.rsplit(".", 1)[0][:80] if "." in base else base[:80]
    return f"{stem}.{EXTENSIONS[content_type]}"


def clean_image(data: bytes) -> tuple[bytes, str]:
    """Decode an image completely and draw it again without any metadata.

    :returns: (JPEG or PNG bytes, content type).
    :raises Refused: not an image Pillow can read whole, or far too many pixels.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                if probe.width * probe.height > MAX_PIXELS:
                    raise Refused(
                        _("Deze foto is te groot. Maak de foto kleiner of kies een andere.")
                    )
                probe.verify()  # the structure and checksums, without decoding
            with Image.open(io.BytesIO(data)) as image:
                image.load()  # every pixel: a truncated file fails here
                kind = image.format
                upright = ImageOps.exif_transpose(image)
        except Refused:
            raise
        except (
            UnidentifiedImageError,
            OSError,
            SyntaxError,
            ValueError,
            Warning,
            Image.DecompressionBombError,
        ):
            raise Refused(
                _("Wij kunnen dit bestand niet openen. Kies een foto in JPG of PNG.")
            ) from None
    upright.thumbnail((MAX_SIDE, MAX_SIDE))
    # A fresh image from the pixels alone: EXIF (with GPS), XMP, ICC and comments stay behind.
    has_alpha = upright.mode in ("RGBA", "LA") or (
        upright.mode == "P" and "transparency" in upright.info
    )
    if kind == "PNG" and has_alpha:
        pixels = upright.convert("RGBA")
        fresh = Image.new("RGBA", pixels.size)
        fresh.paste(pixels)
        out = io.BytesIO()
        fresh.save(out, format="PNG", optimize=True)
        return out.getvalue(), "image/png"
    pixels = upright.convert("RGB")
    fresh = Image.new("RGB", pixels.size)
    fresh.paste(pixels)
    out = io.BytesIO()
    fresh.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue(), "image/jpeg"


def check_pdf(data: bytes) -> None:
    """A PDF must open, not be locked with a password and have at least one page."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise Refused(_("Dit PDF-bestand heeft een wachtwoord. Stuur het zonder wachtwoord."))
        if len(reader.pages) < 1:
            raise Refused(_("Wij kunnen dit bestand niet openen. Kies een PDF, JPG of PNG."))
    except Refused:
        raise
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise Refused(_("Wij kunnen dit bestand niet openen. Kies een PDF, JPG of PNG.")) from None


def check_evidence(upload: FileStorage, limit: int) -> Checked:
    """Check a piece of evidence: a PDF, JPEG or PNG of at most `limit` bytes."""
    data = read_limited(upload, limit)
    kind = sniff(data)
    if kind is None:
        raise Refused(_("Dit soort bestand kunnen wij niet gebruiken. Kies een PDF, JPG of PNG."))
    if kind == "application/pdf":
        check_pdf(data)
    else:
        data, kind = clean_image(data)
    return Checked(safe_name(upload.filename, kind), kind, data)


def check_photo(upload: FileStorage, limit: int) -> Checked:
    """Check a photo: a JPEG or PNG of at most `limit` bytes, stored without its metadata."""
    data = read_limited(upload, limit)
    kind = sniff(data)
    if kind not in ("image/jpeg", "image/png"):
        raise Refused(
            _("Wij kunnen dit bestand niet gebruiken als foto. Kies een foto in JPG of PNG.")
        )
    data, kind = clean_image(data)
    return Checked(safe_name(upload.filename, kind), kind, data)
