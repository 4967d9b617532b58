"""What the body says: abbreviations, quotes, figures, regions, donors, programmes, phases.

Each extractor reads the texts of the body blocks (the index in the list is
the block's index in `Document.body`) and returns model values that point back
to the text with mentions. This module only runs them in order: later ones
build on what earlier ones found (programmes on abbreviations, phases on the
document's date).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from osce_thb import _abbreviations

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from osce_thb.model import (
        Abbreviation,
        Donor,
        Figure,
        NrmPhase,
        Programme,
        Quote,
        Region,
    )


class Extracted(NamedTuple):
    """Everything the extractors found in one body."""

    abbreviations: tuple[Abbreviation, ...]
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]
    regions: tuple[Region, ...]
    donors: tuple[Donor, ...]
    programmes: tuple[Programme, ...]
    nrm_phases: tuple[NrmPhase, ...]


def extract(
    texts: Sequence[str], tooltips: Sequence[Abbreviation], published: dt.date | None
) -> Extracted:
    """Run every extractor over the body's block texts."""
    abbreviations = _abbreviations.merge(tooltips, _abbreviations.find_inline(texts))
    return Extracted(abbreviations, (), (), (), (), (), ())
