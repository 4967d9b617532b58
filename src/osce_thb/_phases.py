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

import itertools
from bisect import bisect_left
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

import attrs

from osce_thb._body import starts_word
from osce_thb._text import lazy
from osce_thb.model import Mention, NrmPhase, PhaseStage, PhaseStatus

if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from osce_thb._body import Body
    from osce_thb.model import Donor, Region

# No leading \b: the regex engine then scans for the first characters quickly,
# and `_mechanism_at` checks the left word boundary itself. Every pattern of this
# module is compiled when a text first needs it: few name the mechanism.
_NRM = lazy(r"(?:NRMs?|NRSs?|(?:[Nn]ational\s)?[Rr]eferral\s(?:[Mm]echanisms?|[Ss]ystems?))\b")
"""The mechanism, by whatever name: a National Referral Mechanism (NRM), or System
(NRS, as Moldova calls it)."""
_WORD = lazy(r"[a-z]+")
_Item = TypeVar("_Item", "Region", "Donor")


class _Cues(NamedTuple):
    """Words and word pairs that signal a stage or a status."""

    words: frozenset[str]
    pairs: frozenset[tuple[str, str]] = frozenset()
    phrases: tuple[str, ...] = ()  # longer ones, matched in the spaced, lower-cased text

    def found(self, words: set[str], pairs: set[tuple[str, str]], spaced: str) -> bool:
        return (
            not self.words.isdisjoint(words)
            or not self.pairs.isdisjoint(pairs)
            or any(phrase in spaced for phrase in self.phrases)
        )


def _pairs(*texts: str) -> frozenset[tuple[str, str]]:
    return frozenset((first, second) for first, second in (text.split() for text in texts))


# Each cue is looked up in the set of the sentence's lower-case words (and word
# pairs): one tokenisation per sentence instead of a regex scan per cue.
_PILOT = _Cues(frozenset({"pilot", "pilots", "piloted", "piloting"}))
_NATIONAL = _Cues(
    frozenset({"nationwide"}),
    _pairs("nation wide"),
    (
        " across the country ",
        " across the whole country ",
        " in all regions ",
        " in all the regions ",
        " at national level ",
        " at the national level ",
    ),
)
_NATIONAL_HINTS = ("nation", "country", "all regions", "all the regions")  # cheap pre-test
_PLANNED = _Cues(
    frozenset({"will", "shall", "planned", "upcoming"}),
    _pairs(
        "expected to",
        "plan to",
        "plans to",
        "is to",
        "are to",
        "next year",
        "intend to",
        "intends to",
        "scheduled to",
        "aim to",
        "aims to",
    ),
)
_ONGOING = _Cues(
    frozenset({"currently", "continues", "ongoing", "underway"}),
    _pairs("is being", "are being", "continue to", "under way"),
)
_COMPLETED = _Cues(
    frozenset(
        {
            "was",
            "were",
            "had",
            "helped",
            "established",
            "introduced",
            "completed",
            "launched",
            "piloted",
            "developed",
            "supported",
            "conducted",
            "implemented",
            "finished",
            "concluded",
            "tested",
        }
    ),
    _pairs("has been", "have been", "set up"),
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_RANGE = lazy(rf"(?P<start>{_YEAR})\s*(?:-|–|—|to|and|until)\s*(?P<end>{_YEAR})\b")
_SINCE = lazy(rf"(?:since|starting(?:\s+(?:in|from))?|as\s+of)\s+(?P<start>{_YEAR})\b")
_BY = lazy(rf"(?:by|until|till)\s+(?:the\s+end\s+of\s+)?(?P<end>{_YEAR})\b")
_SINGLE = lazy(rf"(?P<year>{_YEAR})\b")
_RELATIVE = lazy(r"(?P<which>next|this|last)\s+year\b")
_RELATIVE_OFFSET = {"next": 1, "this": 0, "last": -1}
_SINCE_CUES = ("since", "starting", "as of")
_BY_CUES = ("by", "until", "till")


_ROLLOUT_WORDS = frozenset(
    {
        "pilot",
        "piloted",
        "piloting",
        "expand",
        "expanded",
        "expanding",
        "expansion",
        "extend",
        "extended",
        "extension",
        "roll",
        "rolled",
        "replicate",
        "replicated",
        "replication",
        "multiplication",
        "introduce",
        "introduced",
        "cover",
        "covered",
        "covering",
        "join",
        "joined",
        "nationwide",
    }
)
"""Words that carry the rollout on in a later sentence of the paragraph that reported a phase."""

_PILOT_AREAS = lazy(
    r"\bpilot\s+(?:regions?|areas?|oblasts?|provinces?|districts?|municipalit(?:y|ies)|sites?)\b"
)
"""A rollout named by its areas: "in two pilot regions, Sumy and Poltava"."""


def _carries_on(sentence: str) -> bool:
    """Whether a sentence that does not name the mechanism goes on about its rollout."""
    lowered = sentence.lower()
    return " national level" in lowered or not _ROLLOUT_WORDS.isdisjoint(_WORD().findall(lowered))


def _search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of `pattern` in `text` that starts a word."""
    for match in pattern.finditer(text):
        start = match.start()
        if start == 0 or not text[start - 1].isalnum():
            return match
    return None


def _years(lowered: str, year_now: int | None) -> tuple[int | None, int | None]:
    """The first and last year a (lower-cased) sentence gives for its phase.

    The cheap tests (a year at all, a cue word as a substring) come first: most
    sentences need no more than one scan for digits.
    """
    year = _search(_SINGLE(), lowered)
    if year is None:
        relative = _search(_RELATIVE(), lowered) if "year" in lowered else None
        if year_now is not None and relative is not None:
            return (year_now + _RELATIVE_OFFSET[relative["which"]],) * 2
        return None, None
    if match := _search(_RANGE(), lowered):
        start, end = int(match["start"]), int(match["end"])
        return (start, end) if start <= end else (end, start)
    if any(cue in lowered for cue in _SINCE_CUES) and (match := _search(_SINCE(), lowered)):
        return int(match["start"]), None
    if any(cue in lowered for cue in _BY_CUES) and (match := _search(_BY(), lowered)):
        return None, int(match["end"])
    return int(year["year"]), int(year["year"])


class _Words(NamedTuple):
    """A lower-cased sentence as the cue lookups need it."""

    words: set[str]
    pairs: set[tuple[str, str]]
    spaced: str  # the words joined by single spaces, with a space at each end

    @classmethod
    def of(cls, lowered: str) -> _Words:
        words = _WORD().findall(lowered)
        return cls(set(words), set(itertools.pairwise(words)), f" {' '.join(words)} ")

    def have(self, cues: _Cues) -> bool:
        return cues.found(self.words, self.pairs, self.spaced)


def _status(words: _Words, start: int | None, end: int | None, year_now: int | None) -> PhaseStatus:
    """Planned, ongoing or completed: from the tense first, then the years."""
    if words.have(_PLANNED):
        return PhaseStatus.PLANNED
    if words.have(_ONGOING):
        return PhaseStatus.ONGOING
    if year_now is not None and (start if start is not None else end or 0) > year_now:
        return PhaseStatus.PLANNED
    if words.have(_COMPLETED):
        return PhaseStatus.COMPLETED
    if year_now is not None and end is not None and end < year_now:
        return PhaseStatus.COMPLETED
    return PhaseStatus.ONGOING if start is not None else PhaseStatus.COMPLETED


def _stage(words: _Words) -> PhaseStage:
    if words.have(_PILOT):
        return PhaseStage.PILOT
    if words.have(_NATIONAL):
        return PhaseStage.NATIONAL
    return PhaseStage.EXPANSION


class _Named(Generic[_Item]):
    """The regions or donors mentioned in each block, by offset.

    A sentence finds the items named inside it by bisection, so that a block of
    many sentences costs time in proportion to its length, not its length squared.
    """

    def __init__(self, mentioned: Iterable[tuple[_Item, Iterable[Mention]]]) -> None:
        by_block: dict[int, list[tuple[int, _Item]]] = {}
        for item, mentions in mentioned:
            for mention in mentions:
                by_block.setdefault(mention.block, []).append((mention.start, item))
        for found in by_block.values():
            found.sort(key=lambda entry: entry[0])
        self._starts = {block: [start for start, _ in found] for block, found in by_block.items()}
        self._items: dict[int, list[_Item]] = {
            block: [item for _, item in found] for block, found in by_block.items()
        }

    def within(self, block: int, start: int, end: int) -> tuple[_Item, ...]:
        """The items named in `block` from `start` to before `end`, in order, once each."""
        starts = self._starts.get(block)
        if starts is None:
            return ()
        low, high = bisect_left(starts, start), bisect_left(starts, end)
        return tuple({id(item): item for item in self._items[block][low:high]}.values())


def _phase(
    sentence: str,
    span: tuple[int, int],
    block: int,
    regions_found: _Named[Region],
    donors_found: _Named[Donor],
    year_now: int | None,
) -> NrmPhase | None:
    start_at, end_at = span
    regions = regions_found.within(block, start_at, end_at)
    lowered = sentence.lower()
    if not regions and not any(phrase in lowered for phrase in _NATIONAL_HINTS):
        return None  # no region, and no word of a national rollout: not a phase
    words = _Words.of(lowered)
    stage = _stage(words)
    if not regions:  # a pilot or an expansion names its regions; without any, only national
        if stage is not PhaseStage.NATIONAL and not words.have(_NATIONAL):
            return None
        stage = PhaseStage.NATIONAL
    start, end = _years(lowered, year_now)
    donors = donors_found.within(block, start_at, end_at)
    return NrmPhase(
        stage=stage,
        status=_status(words, start, end, year_now),
        start=start,
        end=end,
        regions=regions,
        donors=donors,
        mentions=(Mention(text=sentence.strip(), block=block, start=start_at),),
    )


def _mechanism_at(text: str) -> list[int]:
    """Where `text` names the mechanism (or its acronym), each at a word's start.

    The matches of `_NRM`, in order and not overlapping, as `finditer` gives them:
    only tried where one can start, found by substring search, which is several
    times faster than the regex's own scan for its first letters ("n", "r").
    Every match starts at "NRM" or "NRS", or one or ten characters ("national ")
    before "eferral".
    """
    candidates = [
        start
        for hint, back in _NRM_STARTS
        for found in _occurrences(text, hint)
        for start in back(found)
        if start >= 0
    ]
    if not candidates:
        return []
    pattern = _NRM()
    starts: list[int] = []
    reached = 0
    for start in sorted(set(candidates)):
        if start < reached:
            continue  # inside the match before
        match = pattern.match(text, start)
        if match is not None:
            reached = match.end()
            if starts_word(text, start):
                starts.append(start)
    return starts


def _occurrences(text: str, hint: str) -> Iterator[int]:
    at = text.find(hint)
    while at >= 0:
        yield at
        at = text.find(hint, at + 1)


_NRM_STARTS: tuple[tuple[str, Callable[[int], tuple[int, ...]]], ...] = (
    ("NRM", lambda at: (at,)),
    ("NRS", lambda at: (at,)),
    ("eferral", lambda at: (at - 10, at - 1)),  # "National referral", "Referral"
)


def find_phases(
    body: Body, regions: Sequence[Region], donors: Sequence[Donor]
) -> tuple[NrmPhase, ...]:
    """The rollout phases the body reports, in text order.

    The dateline, which says where and when the story was filed, not where and
    when a mechanism was rolled out, is passed over.

    Args:
        body: The document's body; its date makes statuses relative.
        regions: The regions the body names, with their mentions.
        donors: The donors the body names, with their mentions.
    """
    texts = body.texts
    named = {block: found for block, text in enumerate(texts) if (found := _mechanism_at(text))}
    if not named:
        return ()
    year_now = body.published.year if body.published else None
    # A phase names the document's regions and donors, without their mentions.
    region_keys = _Named(
        (attrs.evolve(region, mentions=()), region.mentions)
        for region in regions
        if region.code is not None
    )
    donor_keys = _Named((attrs.evolve(donor, mentions=()), donor.mentions) for donor in donors)
    phases: list[NrmPhase] = []
    for block, text in enumerate(texts):
        names = named.get(block)
        if names is None:
            # A document about the mechanism may name its pilot areas on their own.
            if "pilot" in text and _PILOT_AREAS().search(text.lower()):
                phases.extend(_pilots(body, block, region_keys, donor_keys, year_now))
            continue
        previous_was_phase = False
        topic = False  # a phase was reported earlier in this paragraph
        for begin, end, sentence in _sentences_of(body, block):
            first = bisect_left(names, begin)
            named_here = first < len(names) and names[first] < end
            if not (named_here or previous_was_phase or (topic and _carries_on(sentence))):
                continue
            phase = _phase(sentence, (begin, end), block, region_keys, donor_keys, year_now)
            previous_was_phase = phase is not None
            if phase is not None:
                topic = True
                phases.append(phase)
    return tuple(phases)


def _sentences_of(body: Body, block: int) -> Iterator[tuple[int, int, str]]:
    """The sentences of a block as (start, end, text), past the dateline, blank ones left out.

    The dateline says where and when the story was filed, not where and when a
    mechanism was rolled out.
    """
    text = body.texts[block]
    dateline = body.dateline
    skip = dateline[1] if dateline and dateline[0] == block else 0
    for offset, end in body.sentences(block):
        if end <= skip:
            continue
        begin = max(offset, skip)
        sentence = text[begin:end]
        if sentence.strip():
            yield begin, end, sentence


def _pilots(
    body: Body,
    block: int,
    regions: _Named[Region],
    donors: _Named[Donor],
    year_now: int | None,
) -> Iterator[NrmPhase]:
    """The pilot phases of sentences that name their pilot areas, in a block of its own."""
    for begin, end, sentence in _sentences_of(body, block):
        if _PILOT_AREAS().search(sentence.lower()):
            phase = _phase(sentence, (begin, end), block, regions, donors, year_now)
            if phase is not None:
                yield phase
