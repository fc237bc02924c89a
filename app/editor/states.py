"""Page states of the language checker: empty, with a result, and for a signed-in editor."""

from app.states import PageState

EXAMPLE = (
    "De aanvraag wordt door de gemeente in behandeling genomen. Wij verstrekken u daarna "
    "een beschikking. Heeft u vragen? Bel ons."
)

STATES = (
    PageState("editor.taalcheck", "/redactie/taalcheck", "leeg-verstuurd", submit="#taalcheck"),
    PageState(
        "editor.taalcheck",
        "/redactie/taalcheck",
        "uitslag",
        submit="#taalcheck",
        fill=(("text", EXAMPLE),),
    ),
    PageState("editor.taalcheck", "/redactie/taalcheck", "redacteur", role="redacteur"),
)
