"""Page states of the language checker: empty, with a result, and for a signed-in editor."""

from app.states import PageState

EXAMPLE = (
    "De aanvraag wordt door de gemeente in behandeling genomen. Wij verstrekken u daarna "
    "een beschikking. Heeft u vragen? Bel ons."
)
EXAMPLE_EN = (
    "Pursuant to the applicable regulations, remission of municipal taxation may be granted "
    "upon submission of a substantiated application. If you have questions, call us."
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
    PageState(
        "editor.taalcheck",
        "/redactie/taalcheck?taal=en",
        "uitslag-engels",
        submit="#taalcheck",
        fill=(("text", EXAMPLE_EN),),
    ),
    PageState(
        "editor.taalcheck",
        "/redactie/taalcheck?profiel=makkelijk",
        "uitslag-makkelijk-lezen",
        submit="#taalcheck",
        fill=(("text", "Kom langs (op dinsdag). Neem uw pas mee; dan gaat het snel."),),
    ),
    PageState("editor.taalcheck", "/redactie/taalcheck", "redacteur", role="redacteur"),
)
