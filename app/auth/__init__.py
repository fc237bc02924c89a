"""Staff and editor accounts: login with lock-out, roles, and the `flask gebruikers` command."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.capabilities import Capability


def capability() -> "Capability":
    from app.auth import states
    from app.auth.cli import fill_accounts, users_cli
    from app.auth.menu import staff_links
    from app.auth.views import bp
    from app.core.capabilities import Capability

    return Capability(
        name="auth",
        blueprints=(bp,),
        states=states.STATES,
        exempt=states.EXEMPT,
        commands=(users_cli,),
        demo_fillers=(fill_accounts,),
        template_globals={"staff_links": staff_links},
    )
