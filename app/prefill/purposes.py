"""Purpose limitation: a purpose declares which fields it may read from which source.

A form, a Mijn Loket page or a notice rule declares its purpose once:

    KWIJTSCHELDING = Purpose.declare(
        "formulier:kwijtschelding",
        {"personen": ["naam", "adres", "huishouden"], "inkomen": ["uitkeringen", "loon"]},
    )

`app/prefill/service.py` asks each source for exactly these fields and nothing else; the BRP
request carries exactly the BRP fields they stand for (`BRP_FIELDS` in contrib/haal_centraal.py).
A field that is not in the vocabulary below is refused when the purpose is declared, so a typo
in a form definition fails at start-up, not in front of a resident.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# Every field a source can give, by source kind (the connector kinds of app/prefill).
VOCABULARY: Mapping[str, frozenset[str]] = {
    "personen": frozenset(
        {"naam", "geboortedatum", "leeftijd", "adres", "kinderen", "partner", "huishouden"}
    ),
    "reisdocumenten": frozenset({"soort", "einddatum", "nummer"}),
    "voertuigen": frozenset({"kenteken", "voertuig"}),
    "belastingen": frozenset({"aanslagen"}),
    "inkomen": frozenset({"uitkeringen", "loon", "regelingen"}),
}


class PurposeError(ValueError):
    """A purpose names a source or field that does not exist, or reads outside its list."""


@dataclass(frozen=True)
class Purpose:
    """Why data is read (`name`, e.g. "formulier:kwijtschelding") and which fields it may read."""

    name: str
    fields: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def declare(cls, name: str, fields: Mapping[str, Iterable[str]]) -> "Purpose":
        """Return a purpose, refusing unknown sources and fields.

        :param name: what the data is for; appears in audit logs, never shown to residents.
        :param fields: source kind -> field names from `VOCABULARY`.
        :raises PurposeError: an unknown source or field.
        """
        checked: dict[str, frozenset[str]] = {}
        for kind, names in fields.items():
            if kind not in VOCABULARY:
                raise PurposeError(f"{name}: unknown source {kind!r}")
            wanted = frozenset(names)
            unknown = wanted - VOCABULARY[kind]
            if unknown:
                raise PurposeError(f"{name}: {kind} has no field(s) {', '.join(sorted(unknown))}")
            if wanted:
                checked[kind] = wanted
        return cls(name, checked)

    def fields_for(self, kind: str) -> frozenset[str]:
        """Return the fields this purpose may read from source `kind` (empty: none)."""
        return self.fields.get(kind, frozenset())

    def require(self, kind: str, *names: str) -> frozenset[str]:
        """Return the fields for `kind`, refusing a read the purpose did not declare."""
        allowed = self.fields_for(kind)
        if not allowed:
            raise PurposeError(f"{self.name} may not read from {kind}")
        outside = set(names) - allowed
        if outside:
            raise PurposeError(f"{self.name} may not read {', '.join(sorted(outside))} from {kind}")
        return allowed
