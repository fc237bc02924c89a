"""Who to look at for proactive notices: the selection connector (kind `selectie`).

The registers answer per person only (a BSN in, a person out); they cannot say "everyone whose
ID card expires in four months" or "everyone with a low income". A municipality gets such a
list elsewhere:

- a **BRP selection**: the municipality's own BRP (GBA) can select its residents on data such
  as the end date of a travel document, and deliver the BSNs as a file (a "selectie" in the
  municipal BRP application, or periodic deliveries through GBA-V);
- its **own administrations**: the benefits administration (who has bijstand or a scheme), the
  tax system (who had remission), the parking team (who lives in a street where paid parking
  is coming).

The `bestand` implementation reads such a file: one BSN per line (`MELDINGEN_SELECTIE_BESTAND`);
every BSN must pass the elfproef. The `demo` one gives every adult of the demo population. For
each BSN the notices then read the registers live, with the fields each rule declares.
"""

from abc import abstractmethod
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from app import demo_data
from app.core.connectors import Connector, ConnectorError, Registry, SourceUnavailable
from app.core.time import local_today
from app.identity.numbers import valid_bsn
from app.prefill.contrib.demo import age_on


class Selection(Connector):
    kind = "selectie"
    description = "Residents to look at for notices: a BRP selection or the municipality's own."

    @abstractmethod
    def residents(self) -> Iterator[str]:
        """Yield the BSNs to look at, each once.

        :raises SourceUnavailable: the selection cannot be read now.
        """


selections: Registry[Selection] = Registry(Selection)


@selections.register("demo")
class DemoSelection(Selection):
    description = "Every adult of app/demo_data/residents.yaml."

    def __init__(self, config: Mapping[str, Any]) -> None:
        if not config.get("DEMO_SOURCES"):
            raise ConnectorError("the demo selection is switched off here (DEMO_SOURCES)")
        super().__init__(config)

    def residents(self) -> Iterator[str]:
        today = local_today()
        for person in demo_data.people():
            if age_on(person["born"], today) >= 18:
                yield str(person["bsn"])


@selections.register("bestand")
class FileSelection(Selection):
    description = "A file of BSNs, one per line (MELDINGEN_SELECTIE_BESTAND)."

    def __init__(self, config: Mapping[str, Any]) -> None:
        super().__init__(config)
        name = str(config.get("MELDINGEN_SELECTIE_BESTAND") or "")
        if not name:
            raise ConnectorError("MELDINGEN_SELECTIE_BESTAND is not set")
        self.path = Path(name)
        self.rejected = 0  # lines that were not a valid BSN (counted, never logged)

    def residents(self) -> Iterator[str]:
        try:
            lines = self.path.read_text(encoding="utf-8-sig").splitlines()
        except OSError as error:
            raise SourceUnavailable(f"cannot read the selection: {error.strerror}") from None
        seen: set[str] = set()
        for line in lines:
            bsn = line.strip()
            if not bsn or bsn.startswith("#"):
                continue
            if not valid_bsn(bsn):
                self.rejected += 1
                continue
            if bsn not in seen:
                seen.add(bsn)
                yield bsn
