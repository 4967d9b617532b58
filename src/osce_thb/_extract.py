"""What the body says: abbreviations, people, quotes, figures, regions, donors, programmes, phases.

Each extractor reads the texts of the body blocks (the index in the list is
the block's index in `Document.body`) and returns model values that point back
to the text with mentions. This module only runs them in order: later ones
build on what earlier ones found (programmes on abbreviations, phases on the
document's date, quotes on the index of people, whose speakers join it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from osce_thb import _abbreviations

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from osce_thb.model import (
        Abbreviation,
        Dateline,
        Donor,
        Figure,
        NrmPhase,
        Person,
        Programme,
        Quote,
        Region,
    )


class Extracted(NamedTuple):
    """Everything the extractors found in one body."""

    abbreviations: tuple[Abbreviation, ...]
    quotes: tuple[Quote, ...]
    people: tuple[Person, ...]
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
    # The extractors compile large patterns and read the gazetteer: load them on
    # the first parse, not on `import osce_thb`.
    from osce_thb import _donors, _figures, _people, _phases, _programmes, _quotes, _regions

    abbreviations = _abbreviations.merge(tooltips, _abbreviations.find_inline(texts))
    region_matches = [_regions.match_regions(text) for text in texts]
    donor_matches = [_donors.match_donors(text) for text in texts]
    dateline_at = None
    if dateline is not None:
        dateline_at = next(
            ((i, len(dateline.text)) for i, t in enumerate(texts) if t.startswith(dateline.text)),
            None,
        )
    people = _people.find_people(texts)
    quotes = _quotes.find_quotes(texts, people)
    return Extracted(
        abbreviations=abbreviations,
        quotes=quotes,
        people=people.persons(),
        figures=_figures.find_figures(texts),
        regions=_regions.regions_from(region_matches),
        donors=_donors.donors_from(donor_matches),
        programmes=_programmes.find_programmes(texts, abbreviations),
        nrm_phases=_phases.find_phases(
            texts, published, region_matches, donor_matches, dateline=dateline_at
        ),
    )
