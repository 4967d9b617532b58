"""What the body says: abbreviations, quotes, figures, regions, donors, programmes, phases.

Each extractor reads the texts of the body blocks (the index in the list is
the block's index in `Document.body`) and returns model values that point back
to the text with mentions. This module only runs them in order: later ones
build on what earlier ones found (programmes on abbreviations, phases on the
document's date).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from osce_thb import _abbreviations, _donors, _phases, _regions

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from osce_thb.model import (
        Abbreviation,
        Dateline,
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
    texts: Sequence[str],
    tooltips: Sequence[Abbreviation],
    published: dt.date | None,
    dateline: Dateline | None,
) -> Extracted:
    """Run every extractor over the body's block texts.

    The dateline leads one of the first blocks; phases pass over it, since its
    place and date say where and when the story was filed, not where and when a
    mechanism was rolled out.
    """
    phase_texts = list(texts)
    for position, text in enumerate(texts):
        if dateline is not None and text.startswith(dateline.text):
            phase_texts[position] = " " * len(dateline.text) + text[len(dateline.text) :]
            break
    abbreviations = _abbreviations.merge(tooltips, _abbreviations.find_inline(texts))
    return Extracted(
        abbreviations=abbreviations,
        quotes=(),
        figures=(),
        regions=_regions.find_regions(texts),
        donors=_donors.find_donors(texts),
        programmes=(),
        nrm_phases=_phases.find_phases(phase_texts, published),
    )
