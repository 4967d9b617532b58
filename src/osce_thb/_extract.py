"""What the body says: abbreviations, people, quotes, figures, regions, donors, programmes, phases.

`extract` builds one `Body` view of a document and runs the extractors over
it, in order: later ones take what earlier ones found (programmes the
abbreviations, phases the regions and donors). It only orchestrates: each
extractor is a function from the view, and those earlier findings, to a tuple
of model values, and no extractor imports another. The people a body names
are a view too (`Body.people`): the quotes resolve their speakers against it,
and the speakers they find join it, so that the people are taken last.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from osce_thb._acronyms import glossary
from osce_thb._body import Body

if TYPE_CHECKING:
    from osce_thb.model import Document

__all__ = ["extract"]


def extract(document: Document) -> Document:
    """Fill in what the body of `document` says, from its body, date and dateline.

    Works on any document: one just read from a page (`osce_thb.read`), or one
    read back from JSON, so that a stored corpus can be extracted again by a
    newer version of the library without the raw text. The fields it derives
    (`abbreviations`, `quotes`, `people`, `figures`, `regions`, `donors`,
    `programmes` and `nrm_phases`) are replaced; the abbreviations that
    glossary tooltips defined, which neither the body nor the title spells
    out, are kept, first. Abbreviations are also read in the lines left
    unparsed and in the title.

    ``parse(text) == extract(read(text))`` for every text.

    Args:
        document: The document to extract from.

    Returns:
        A new document with the derived fields filled in.
    """
    # The extractors compile large patterns and read the gazetteer: load them on
    # the first extraction, not on `import osce_thb`.
    from osce_thb import (
        _abbreviations,
        _donors,
        _figures,
        _phases,
        _programmes,
        _quotes,
        _regions,
    )

    body = Body.of(document)
    title = [document.title] if document.title else []
    elsewhere = [*(line.text for line in document.unparsed), *title]
    # A definition still written somewhere in the text (the body, the title, a line
    # left unparsed) is found again below; only the tooltips' are kept as given.
    tooltips = glossary(document.abbreviations, [*body.texts, *elsewhere])
    abbreviations = _abbreviations.find_abbreviations(body, tooltips, elsewhere)
    places = _regions.find_regions(body)
    regions = tuple(place for place in places if place.code is not None)
    donors = _donors.find_donors(body)
    return attrs.evolve(
        document,
        abbreviations=abbreviations,
        quotes=_quotes.find_quotes(body),
        people=body.people.persons(),  # after the quotes: their speakers are people
        figures=_figures.find_figures(body),
        regions=regions,
        other_places=tuple(place for place in places if place.code is None),
        donors=donors,
        programmes=_programmes.find_programmes(body, abbreviations),
        nrm_phases=_phases.find_phases(body, regions, donors),
    )
