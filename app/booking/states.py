"""Page states of the booking capability (filled in below)."""

from app.states import PageState

EXEMPT: dict[str, str] = {}
STATES: tuple[PageState, ...] = ()
