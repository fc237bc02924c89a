"""Page states of the regelingencheck. The check stores nothing, so a state can go only one
submit deep from the first question (a browser cannot carry answers from one visit to the
next): the first question, its error, the second question, and the result for someone who does
not live in Nijmegen. Every deeper page (each question, each kind of result, going back) is
checked by tests/regelingen/test_views.py, which walks the whole check and parses its HTML."""

from app.states import PageState

FORM = "#regelingencheck"
B1, EASY = "/regelingencheck", "/regelingencheck/makkelijk-lezen"

STATES = (
    PageState("regelingen.start", B1, "eerste-vraag-leeg", submit=FORM, status=400),
    PageState("regelingen.start", B1, "tweede-vraag", submit=FORM, fill=(("woonplaats", "ja"),)),
    PageState(
        "regelingen.start", B1, "niet-in-nijmegen", submit=FORM, fill=(("woonplaats", "nee"),)
    ),
    PageState(
        "regelingen.easy", EASY, "eerste-vraag-leeg", submit=FORM, status=400, languages=("nl",)
    ),
    PageState(
        "regelingen.easy",
        EASY,
        "tweede-vraag",
        submit=FORM,
        fill=(("woonplaats", "ja"),),
        languages=("nl",),
    ),
    PageState(
        "regelingen.easy",
        EASY,
        "niet-in-nijmegen",
        submit=FORM,
        fill=(("woonplaats", "nee"),),
        languages=("nl",),
    ),
)

EXEMPT: dict[str, str] = {}
