"""NRM rollout phases: which regions joined a National Referral Mechanism, when, paid by whom.

A phase is read from one sentence that names the mechanism (or its acronym)
and the regions it reached::

    The NRM was introduced after piloting in Freedonsk and Sylvansk regions.
        → pilot, completed, no years, two regions
    From 2015 to 2016 the NRM was set up in four more regions, with funding from Norway.
        → expansion, completed, 2015–2016, the regions, donor NO
    The 2017 efforts are expected to cover three more regions.
        → expansion, planned, 2017 (a sentence right after a phase sentence
          continues its topic without naming the mechanism again)

The stage comes from the wording (piloting → pilot; nationwide → national;
otherwise expansion); the status from the tense, then from the years against
the document's date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from osce_thb._donors import match_donors
from osce_thb._regions import match_regions
from osce_thb.model import Mention, NrmPhase, PhaseStage, PhaseStatus

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘(]?[A-Z0-9])")

_NRM = re.compile(
    r"\b(?:NRMs?|(?:[Nn]ational\s)?[Rr]eferral\s[Mm]echanisms?|TRM)\b",
)
_PILOT = re.compile(r"\bpilot(?:s|ed|ing)?\b", re.IGNORECASE)
_NATIONAL = re.compile(
    r"\b(?:nationwide|nation-wide|across\s+the\s+(?:whole\s+)?country|in\s+all\s+(?:the\s+)?regions"
    r"|at\s+(?:the\s+)?national\s+level)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:expected\s+to|will|shall|plans?\s+to|planned|(?:is|are)\s+to\s+\w+|next\s+year"
    r"|upcoming|intends?\s+to|scheduled\s+to|aims?\s+to)\b",
    re.IGNORECASE,
)
_ONGOING = re.compile(
    r"\b(?:is\s+being|are\s+being|currently|continues|continue\s+to|ongoing|under\s+way|underway)\b",
    re.IGNORECASE,
)
_COMPLETED = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been|had|has\s+helped|have\s+helped|helped|established"
    r"|introduced|completed|launched|piloted|developed|set\s+up)\b",
    re.IGNORECASE,
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_RANGE = re.compile(
    rf"\b(?:from\s+|between\s+)?(?P<start>{_YEAR})\s*(?:-|–|—|to|and|until)\s*(?P<end>{_YEAR})\b",
    re.IGNORECASE,
)
_SINCE = re.compile(rf"\b(?:since|starting\s+in|as\s+of)\s+(?P<start>{_YEAR})\b", re.IGNORECASE)
_BY = re.compile(rf"\b(?:by|until|till)\s+(?:the\s+end\s+of\s+)?(?P<end>{_YEAR})\b", re.IGNORECASE)
_SINGLE = re.compile(rf"\b(?P<year>{_YEAR})\b")
_RELATIVE = re.compile(r"\b(?P<which>next|this|last)\s+year\b", re.IGNORECASE)
_RELATIVE_OFFSET = {"next": 1, "this": 0, "last": -1}


def _sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of a block, each with its offset."""
    found = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        found.append((start, text[start : match.start()]))
        start = match.end()
    found.append((start, text[start:]))
    return found


def _years(sentence: str, year_now: int | None) -> tuple[int | None, int | None]:
    """The first and last year a sentence gives for its phase."""
    if match := _RANGE.search(sentence):
        start, end = int(match["start"]), int(match["end"])
        return (start, end) if start <= end else (end, start)
    if match := _SINCE.search(sentence):
        return int(match["start"]), None
    if match := _BY.search(sentence):
        return None, int(match["end"])
    if match := _SINGLE.search(sentence):
        year = int(match["year"])
        return year, year
    if year_now is not None and (match := _RELATIVE.search(sentence)):
        year = year_now + _RELATIVE_OFFSET[match["which"].casefold()]
        return year, year
    return None, None


def _status(sentence: str, start: int | None, end: int | None, year_now: int | None) -> PhaseStatus:
    """Planned, ongoing or completed: from the tense first, then the years."""
    if _PLANNED.search(sentence):
        return PhaseStatus.PLANNED
    if _ONGOING.search(sentence):
        return PhaseStatus.ONGOING
    if year_now is not None and (start if start is not None else end or 0) > year_now:
        return PhaseStatus.PLANNED
    if _COMPLETED.search(sentence):
        return PhaseStatus.COMPLETED
    if year_now is not None and end is not None and end < year_now:
        return PhaseStatus.COMPLETED
    return PhaseStatus.ONGOING if start is not None else PhaseStatus.COMPLETED


def _stage(sentence: str) -> PhaseStage:
    if _PILOT.search(sentence):
        return PhaseStage.PILOT
    if _NATIONAL.search(sentence):
        return PhaseStage.NATIONAL
    return PhaseStage.EXPANSION


def _phase(sentence: str, block: int, offset: int, year_now: int | None) -> NrmPhase | None:
    stage = _stage(sentence)
    regions = tuple(dict.fromkeys(match.code for match in match_regions(sentence)))
    if not regions and stage is not PhaseStage.NATIONAL:
        return None
    start, end = _years(sentence, year_now)
    donors = tuple(dict.fromkeys(match.country or match.name for match in match_donors(sentence)))
    return NrmPhase(
        stage=stage,
        status=_status(sentence, start, end, year_now),
        start=start,
        end=end,
        regions=regions,
        donors=donors,
        mentions=(Mention(text=sentence.strip(), block=block, start=offset),),
    )


def find_phases(texts: Sequence[str], published: dt.date | None) -> tuple[NrmPhase, ...]:
    """The rollout phases the body reports, in text order; statuses as of `published`."""
    if not any(_NRM.search(text) for text in texts):
        return ()
    year_now = published.year if published else None
    phases: list[NrmPhase] = []
    for block, text in enumerate(texts):
        previous_was_phase = False
        for offset, sentence in _sentences(text):
            if not sentence.strip():
                continue
            if not (_NRM.search(sentence) or previous_was_phase):
                previous_was_phase = False
                continue
            phase = _phase(sentence, block, offset, year_now)
            previous_was_phase = phase is not None
            if phase is not None:
                phases.append(phase)
    return tuple(phases)
