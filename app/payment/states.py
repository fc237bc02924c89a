"""Page states of the demo payment provider (Testomgeving)."""

from app.states import PageState, Visit

# Start an example payment: the browser lands on the provider's page. /betalen/demo then leads
# back to that page while the payment is open, so a state can reach its random URL.
START = Visit("/betalen/demo", submit="#proefbetaling")
STATES = (
    PageState("payment.try_payment", "/betalen/demo", "start"),
    PageState("payment.try_payment", "/betalen/demo", "betaalpagina", submit="#proefbetaling"),
    PageState("payment.demo_page", "/betalen/demo", "betaald", before=(START,), submit="#betalen"),
    PageState("payment.demo_page", "/betalen/demo/onbekend", "onbekend", status=404),
    PageState(
        "payment.tried", "/betalen/demo", "geannuleerd", before=(START,), submit="#annuleren"
    ),
    PageState("payment.tried", "/betalen/demo/klaar?betaling=onbekend", "onbekend", status=404),
)
