"""The page helper every view test uses: parse the HTML and assert what every page must have."""

from bs4 import BeautifulSoup, Tag

TITLE_PREFIXES = ("Fout: ", "Error: ")


def check_page(html: str | bytes, lang: str | None = None) -> BeautifulSoup:
    """Assert the basics of an accessible page and return the parsed document."""
    soup = BeautifulSoup(html, "html.parser")
    root = soup.find("html")
    assert isinstance(root, Tag), "no <html> element"
    page_lang = root.get("lang")
    assert page_lang in ("nl", "en"), f"<html lang> is {page_lang!r}"
    if lang:
        assert page_lang == lang

    h1s = soup.find_all("h1")
    assert len(h1s) == 1, f"expected one <h1>, found {len(h1s)}"
    h1 = " ".join(h1s[0].get_text().split())  # inline marks (<span lang>) add no spaces
    title = soup.title.get_text(strip=True) if soup.title else ""
    for prefix in TITLE_PREFIXES:
        title = title.removeprefix(prefix)
    assert title.startswith(h1), f"<title> {title!r} does not start with the h1 {h1!r}"

    ids = [el["id"] for el in soup.find_all(id=True)]
    doubles = {i for i in ids if ids.count(i) > 1}
    assert not doubles, f"ids used more than once: {doubles}"

    labelled = {label.get("for") for label in soup.find_all("label")}
    for field in soup.find_all(["input", "select", "textarea"]):
        if field.get("type") in ("hidden", "submit", "button"):
            continue
        assert field.get("id") in labelled or field.get("aria-label"), (
            f"form field {field.get('name')!r} has no label"
        )
    for form in soup.find_all("form"):
        assert form.get("action"), "every form has an action (it must work without JavaScript)"

    links = soup.find_all("a", href=True)
    assert links and links[0]["href"] == "#inhoud", "the skip link must be the first link"
    assert soup.find(id="inhoud") is not None, "the skip link target #inhoud is missing"
    for img in soup.find_all("img"):
        assert img.get("alt") is not None, f"image {img.get('src')} has no alt"
    for script in soup.find_all("script"):
        assert script.get("src"), "inline script breaks the Content-Security-Policy"
    assert not soup.find_all("style") and not soup.find_all(style=True), (
        "inline style breaks the CSP"
    )
    return soup
