"""Page states of the forms capability (filled in below)."""

from app.states import PageState

EXEMPT: dict[str, str] = {}
STATES: tuple[PageState, ...] = ()
