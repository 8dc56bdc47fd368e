"""The local authorities the corpus covers, and turning user input into one of them."""

from __future__ import annotations

import re

from .errors import UnknownAuthority

__all__ = ["AUTHORITIES", "ENGLAND", "normalise_authority", "authority_documents"]

ENGLAND = "England"

#: canonical name -> doc_ids of that authority's documents (LA first, then schools)
AUTHORITIES: dict[str, tuple[str, ...]] = {
    "Worcestershire": ("worcestershire-cme-policy-2025", "aspire-academy-cme-policy-2023"),
    "Barking and Dagenham": ("barking-dagenham-cme-guidance-2019",),
    "Norfolk": ("riverside-federation-cme-policy",),
    "Derbyshire": ("derbyshire-cromford-cme-policy-2023",),
}

_ALIASES = {
    "worcestershire": "Worcestershire",
    "worcestershire county council": "Worcestershire",
    "wcc": "Worcestershire",
    "barking and dagenham": "Barking and Dagenham",
    "barking & dagenham": "Barking and Dagenham",
    "london borough of barking and dagenham": "Barking and Dagenham",
    "lbbd": "Barking and Dagenham",
    "norfolk": "Norfolk",
    "norfolk county council": "Norfolk",
    "derbyshire": "Derbyshire",
    "derbyshire county council": "Derbyshire",
}


def normalise_authority(name: str | None) -> str | None:
    """Canonical authority name for ``name`` (case-insensitive); None/""/"England" -> None.

    Raises ``UnknownAuthority`` (listing the known ones) for anything else.
    """
    if name is None:
        return None
    key = re.sub(r"\s+", " ", str(name)).strip().lower()
    if key in ("", "england", "national", "none"):
        return None
    try:
        return _ALIASES[key]
    except KeyError:
        known = ", ".join(AUTHORITIES)
        raise UnknownAuthority(
            f"There are no documents for the local authority '{name}'. "
            f"Known authorities: {known} (or England for the law alone)."
        ) from None


def authority_documents(name: str | None) -> tuple[str, ...]:
    """doc_ids for an authority (empty for England / None)."""
    canonical = normalise_authority(name)
    return AUTHORITIES[canonical] if canonical else ()
