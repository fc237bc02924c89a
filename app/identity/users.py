"""Who is using Loket right now: a member of staff, a resident, or nobody."""

from app.auth.models import StaffUser
from app.auth.service import current_user as current_staff
from app.identity.resident import Resident, current_resident


def current_user() -> StaffUser | Resident | None:
    """Return the signed-in member of staff or the logged-in resident (staff first)."""
    return current_staff() or current_resident()
