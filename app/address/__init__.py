"""Address lookup: a postcode and house number in, the street and town out.

Used where a resident wants a letter or a home visit: they type two things, we find the rest.
A connector kind (`adressen`) with a demo source and a client for PDOK Locatieserver; when the
source is down or does not know the address, the resident types it by hand.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.capabilities import Capability


def capability() -> "Capability":
    from app.address.contrib import demo, pdok  # noqa: F401 - registers the implementations
    from app.core.capabilities import Capability

    return Capability(name="address")
