"""Finding donors in body text: who funded the work, and only who funded it.

A name is a donor only where the text says it funds or supports the work:

- after a funding cue and in the list that follows it: "with funding from
  Denmark, Germany and Ireland", "funded by ...", "financed by ...",
  "sponsored by ...", "with financial assistance from ...", "with
  extra-budgetary contributions from ...", "thanks to the generous contribution
  of ...", "a grant from ...", "supported by ...", "with the support of ...";
- before a funding verb: "Norway and Sweden funded the project", "Germany has
  provided funding";
- in a compound: "EU-funded", "Swiss-financed", "US-supported".

Cues of money (fund, finance, contribution, grant, sponsor, donation) are
*strong*; cues of mere support (support, assistance, help, backing) are *weak*,
because the OSCE's partners "support" its work in many ways. After a strong cue
any named state, state organ or organisation is a donor. After a weak cue only
those who typically give money are: states, their governments, embassies,
foreign ministries and development agencies, the EU and the international
organisations the library knows (UNDP, IOM, UNICEF...), foundations and funds.
So "supported by the Ministry of Social Policy" names no donor, while "funded
by the Ministry of Social Policy" does.

The OSCE, its institutions and its field operations are never donors: in these
texts they are the implementer ("with the support of the OSCE Project
Co-ordinator in Ukraine"). A state's own organs remain the state's, even when
their name mentions the OSCE ("the US Mission to the OSCE").

A state is one donor however the text names it: "Denmark", "the Danish Foreign
Ministry" and "the Government of Denmark" all give the donor named "Denmark"
(the gazetteer's name) with country "DK"; each mention keeps the words as
written, article included ("the Danish Foreign Ministry"). Known organisations
take their usual name ("European Union" for "the EU"); other organisations
keep the name as written, without its article. A state's agency the library
knows by acronym ("USAID", "Sida") counts for its state.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final, NamedTuple

from osce_thb import _sentences, gazetteer
from osce_thb._body import WINDOW, group_mentions
from osce_thb._text import alternation, lazy
from osce_thb.model import Donor

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from osce_thb._body import Body

__all__ = ["DonorMatch", "find_donors", "match_donors"]


class DonorMatch(NamedTuple):
    """A funder named in a text.

    Attributes:
        name: The donor's name: the state's short English name for a state or
            one of its organs ("Denmark" for "the Danish Foreign Ministry"), the
            usual name of a known organisation ("European Union"), else the
            organisation's name as written.
        country: The ISO 3166-1 alpha-2 code for a state or a state's organ; ``None``
            for other organisations.
        start: The offset of the mention in the text.
        end: The offset just past it.
        surface: The mention as written, article included ("the Danish Foreign Ministry").
    """

    name: str
    country: str | None
    start: int
    end: int
    surface: str


# --------------------------------------------------------------------------- tables


_OSCE = lazy(
    r"""\bOSCE\b
      | Organi[sz]ation\s+for\s+Security\s+and\s+Co-?operation
      | \b(?:ODIHR|ODHIR|HCNM|PCU|OCEEA|OSR/CTHB)\b
      | Office\s+for\s+Democratic\s+Institutions
      | High\s+Commissioner\s+on\s+National\s+Minorities
      | Representative\s+on\s+Freedom\s+of\s+the\s+Media
      | Special\s+Representative\s+and\s+Co-?ordinator
      | Project\s+Co-?ordinator
      | Programme\s+Office
      | \bMission\s+(?:to|in)\s
      | Chairmanship | Chairpersonship | Chair(?:person|man)?-in-Office
    """,
    re.VERBOSE,
)
"""The OSCE and its parts: never donors."""

_STATE_ORGAN = lazy(
    r"""\b(?:Governments?|Ministr(?:y|ies)|Embass(?:y|ies)|Agency|Department|Office|Foreign
      | Development|Aid|Mission|Parliament|Committee|Service|Administration|Chancellery
      | Co-?operation|Federal|Royal|State|Presidency|Ambassador|Consulate|Authorit(?:y|ies)
      | government|authorities|ministry|embassy|agency|aid|people|taxpayers)\b""",
    re.VERBOSE,
)
"""Words that make a phrase after a state's adjective an organ of that state."""

_GIVING_ORGAN = lazy(
    r"""\b(?:Governments?|government|Embass(?:y|ies)|embassy|Foreign|foreign
      | Development|development|Department\s+of\s+State|State\s+Department|Aid|aid
      | Co-?operation|co-?operation|Mission|Chancellery|Ambassador|Consulate|people|taxpayers
      | Presidency)\b""",
    re.VERBOSE,
)
"""State organs that give money abroad: donors even after a weak cue."""

_FUNDS = lazy(r"\b(?:Foundations?|Fund|Funds|Trust|Endowment|Charit\w*|Bank)\b")
"""Organisations that give money: donors even after a weak cue."""

_KEYWORDS: Final = (
    "fund",
    "financ",
    "sponsor",
    "support",
    "back",
    "underwrit",
    "paid",
    "possible",
    "contribut",
    "donat",
    "grant",
    "assist",
    "help",
    "aid",
    "provided",
    "donor",
)
"""The stems every funding cue starts with: found with `str.find`, which is fast."""

_STRONG = lazy(
    r"fund|financ|contribut|donat|donor|grant|sponsor|budgetary|paid|underwrit", re.IGNORECASE
)
"""A cue of money, not mere support."""

_STRONG_BEFORE = frozenset(
    {"financial", "financially", "extra-budgetary", "extrabudgetary", "budgetary"}
)
"""Words before a weak cue that make it one of money ("financial assistance from")."""

_CUE = re.compile(
    r"""(?:
        (?:funded|financed|sponsored|supported|backed|underwritten|paid\ for)
        (?:\ (?:jointly|generously|partly|partially|mainly|largely|entirely|fully|kindly|also
             |in\ part|in\ full))*
        \ by
      | possible\ (?:by|through|thanks\ to|with)
      | donors?(?:\ +(?:countries|states|governments))?
        (?:\ +(?:include|included|including|are|were|is|was|such\ as)|:)
      | (?:funding|funds|financing|contributions?|donations?|grants?|sponsorship
           |support|assistance|help|backing|aid)
        (?:\ +(?:was|were|is|are|has\ +been|have\ +been|had\ +been))?
        (?:\ +(?:generously\ +)?(?:provided|given|received|made\ +available|extended|granted
                                  |allocated|offered|donated))?
        \ +(?:from|by|of)
    )(?=\s)""",
    re.VERBOSE | re.IGNORECASE,
)
"""A funding cue at a keyword, followed by the list of who funds: "funded by", "support of"."""

_SUBJECT_CUE = re.compile(
    r"""(?:
        (?:funded|financed|sponsored)(?!\s+by)
      | (?P<ing>funding|financing|sponsoring)\s+(?:the|this|these|its|their|a|an|part)\b
      | paid\s+for(?!\s+by)
      | provided\s+(?:the\s+)?(?:funding|funds|financing|financial\s+(?:support|assistance))
      | contributed\s+(?:funds|funding|financially|[€$£]|EUR|USD|\d)
      | donated
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)
"""A funding verb at a keyword, after the list of who funds: "Norway funded"."""

_WEAK_OPENER = lazy(
    r"""\b(?P<verb>with|thanks\s+to|through|under|(?:receiv|enjoy|obtain|secur|get|got)\w*)
    (?:\s+(?:the|a|an|its|their))?(?:\s+[a-z-]+){0,3}?\s+\Z""",
    re.VERBOSE | re.IGNORECASE,
)
"""What must open a weak cue made of a noun: "with the support of", "thanks to the help of".

"Received support from" counts too, but "received assistance from" does not: victims
receive assistance from the organisations that serve them, not that fund the work.
"""

_WEAK_NOUNS = frozenset({"support", "assistance", "help", "backing", "aid"})

_AUXILIARY_BEFORE = lazy(r"(?:\s+(?:has|have|had))?(?:\s+(?:also|generously|jointly|kindly))?\s+\Z")
"""What may stand between the list of who funds and the verb: "Norway has also funded"."""

_PROGRESSIVE_BEFORE = lazy(
    r"\s+(?:is|are|was|were|has\s+been|have\s+been)(?:\s+(?:also|generously|jointly|kindly))?\s+\Z"
)
"""What stands between the list of who funds and a verb in -ing: "Norway is funding"."""

_COMPOUND = re.compile(r"-(?:co-?)?(?:funded|financed|sponsored|supported|backed)\b")
"""The end of a compound: "EU-funded", "Swiss-financed"."""

_COMPOUND_WHO = lazy(r"(?<![\w.-])(?:[A-Z][\w.]*[ ])?[A-Z][\w.]*\Z")
"""The name before the hyphen of a compound: one or two capitalised words."""

_TOKEN = lazy(
    r"""[A-Z]\.(?:[A-Z]\.)+                           # U.S., U.K.
      | ['’]s\b                                      # a possessive
      | [^\W\d_][\w&-]*(?<![&-])(?:['’](?!s\b)\w+)*  # a word, not ending in "&" or "-"
      | \d(?:[\d,.]*\d)?
      | \S""",
    re.VERBOSE,
)
"""A token. Written for speed, as it runs once a word: every branch starts with one
character test, which `re` makes before it enters the branch, and a word runs to its
end, then steps back over a final "&" or "-" (no optional group to enter)."""

_ARTICLES = frozenset({"the", "The", "both", "its", "their", "a"})
_CONNECTORS = frozenset({"of", "for", "and", "on", "in", "to", "de", "&", "für"})
_LOWER_HEADS = frozenset({"government", "governments", "people", "embassy", "authorities"})
_ORGAN_WORDS = frozenset(
    {
        "government",
        "governments",
        "authorities",
        "ministry",
        "foreign",
        "affairs",
        "embassy",
        "development",
        "agency",
        "cooperation",
        "co-operation",
        "aid",
        "taxpayers",
        "people",
    }
)
_POSSESSIVE = frozenset({"'s", "’s"})
_LIST_WORDS = (
    _ARTICLES
    | _CONNECTORS
    | _LOWER_HEADS
    | _ORGAN_WORDS
    | {
        "as",
        "well",
        "together",
        "along",
        "with",
        "by",
        "from",
        "of",
    }
)
"""Lower-case words that may stand inside a list of names."""
_CONJUNCTIONS = (("and",), ("&",), ("as", "well", "as"), ("together", "with"), ("along", "with"))


class _Token(NamedTuple):
    text: str
    start: int
    end: int


class _Entry(NamedTuple):
    kind: str  # "name" (a state), "adjective" (a state's) or "org"
    name: str
    country: str | None


class _Entity(NamedTuple):
    start: int
    end: int
    name: str
    country: str | None
    accepted: bool  # whether the cue's strength makes it a donor


# `tuple.__new__` builds a `_Token` without the Python-level `__new__` of a NamedTuple,
# for less: a token is made for every word read.
_new_token: Final = functools.partial(tuple.__new__, _Token)


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[_Token]:
    stop = len(text) if end is None else end
    return [
        _new_token((m.group(), m.start(), m.end())) for m in _TOKEN().finditer(text, start, stop)
    ]


def _sentence_tokens(text: str, start: int) -> list[_Token]:
    """The tokens from `start` that may belong to a list of names.

    Reading stops at the end of the sentence, at the end of the window, or at the
    first word that no list of names uses (a lower-case word other than an
    article, a connector or a state organ's), outside parentheses.
    """
    found: list[_Token] = []
    depth = 0
    end = _sentences.first_end(text, start, start + WINDOW)
    for match in _TOKEN().finditer(text, start, start + WINDOW if end is None else end):
        token = match.group()
        if token == ";":  # a clause ends, and with it any list of names
            break
        depth += (token == "(") - (token == ")")
        found.append(_new_token((token, match.start(), match.end())))
        if not depth and token[0].islower() and token not in _LIST_WORDS:
            break
    return found


@functools.cache
def _lexicon() -> tuple[Mapping[tuple[str, ...], _Entry], Mapping[str, tuple[int, ...]]]:
    """States' names and adjectives and known organisations, by their tokens.

    Also, for each first token, the lengths (in tokens, longest first) of the
    names it starts: `_lookup` builds only the keys that can be there.
    """
    found: dict[tuple[str, ...], _Entry] = {}
    for organisation in gazetteer.organisations():
        for written in organisation.names:
            found[tuple(t.text for t in _tokens(written))] = _Entry(
                "org", organisation.name, organisation.country
            )
    for entry in gazetteer.countries().values():
        for adjective in entry.adjectives:
            found[tuple(t.text for t in _tokens(adjective))] = _Entry(
                "adjective", entry.name, entry.code
            )
    for entry in gazetteer.countries().values():
        for name in (entry.name, *entry.names):
            found[tuple(t.text for t in _tokens(name))] = _Entry("name", entry.name, entry.code)
    lengths: dict[str, set[int]] = {}
    for key in found:
        lengths.setdefault(key[0], set()).add(len(key))
    return found, {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()}


def _lookup(
    tokens: Sequence[_Token], index: int, stop: int | None = None
) -> tuple[int, _Entry] | None:
    """The longest known name at `index`, before token `stop`, as (its length in tokens, entry)."""
    lexicon, lengths = _lexicon()
    end = len(tokens) if stop is None else min(stop, len(tokens))
    if index >= end:
        return None
    sizes = lengths.get(tokens[index].text)
    if sizes is None:
        return None
    for length in sizes:
        if index + length <= end:
            entry = lexicon.get(tuple([t.text for t in tokens[index : index + length]]))
            if entry is not None:
                return length, entry
    return None


def _is_cap(text: str) -> bool:
    return text[0].isupper()


# --------------------------------------------------------------------------- one entity


def _phrase_end(tokens: Sequence[_Token], index: int, hit: tuple[int, _Entry] | None) -> int:
    """Where the capitalised name that starts at `index` ends (a token index)."""
    n = len(tokens)
    if hit is not None:
        end = index + hit[0]
        if hit[1].kind == "name":  # "Denmark's Ministry...", "United States Agency..."
            if end + 1 < n and tokens[end].text in _POSSESSIVE and _is_cap(tokens[end + 1].text):
                end += 1
            if end >= n or not _is_cap(tokens[end].text):
                return end
        elif hit[1].kind == "adjective":  # "the Norwegian government"
            while end < n and tokens[end].text in _ORGAN_WORDS:
                end += 1
            if end > index + hit[0]:
                return end
    elif tokens[index].text in _LOWER_HEADS and index + 1 < n and tokens[index + 1].text == "of":
        end = index + 1  # "the people of Japan"
    elif _is_cap(tokens[index].text):
        end = index + 1
    else:
        return index
    while end < n:
        text = tokens[end].text
        if _is_cap(text):
            end += 1
            continue
        if text in _CONNECTORS or text in _POSSESSIVE:
            after = end + 1
            article = after < n and tokens[after].text == "the"
            if article:
                after += 1
            if after < n and _is_cap(tokens[after].text):
                if text in {"and", "&"} and (article or _lookup(tokens, after) is not None):
                    break  # "of Denmark and Norway", "and the Embassy...": a new item
                end = after
                continue
        break
    return end


def _of_country(tokens: Sequence[_Token], start: int, stop: int) -> tuple[int, _Entry] | None:
    """The first "of [the] <state>" inside a phrase, as (token index of "of", entry)."""
    for index in range(start, stop - 1):
        if tokens[index].text != "of":
            continue
        after = index + 1
        if tokens[after].text == "the" and after + 1 < stop:
            after += 1
        hit = _lookup(tokens, after, stop)
        if hit is not None and hit[1].kind == "name":
            return index, hit[1]
    return None


def _has_org(tokens: Sequence[_Token], start: int, stop: int) -> bool:
    """Whether a known organisation is named between token `start` and `stop`."""
    return any(
        (found := _lookup(tokens, index, stop)) is not None and found[1].kind == "org"
        for index in range(start, stop)
    )


def _entity(tokens: Sequence[_Token], index: int, text: str, *, strong: bool) -> _Entity | None:
    """The donor, or the OSCE or non-donor, named at `index`; ``None`` if no name is there."""
    n = len(tokens)
    first = index
    while first < n and tokens[first].text in _ARTICLES:
        first += 1
    if first >= n:
        return None
    hit = _lookup(tokens, first)
    stop = _phrase_end(tokens, first, hit)
    if stop == first:
        return None
    start = tokens[index].start if tokens[index].text in {"the", "The"} else tokens[first].start
    end = tokens[stop - 1].end
    phrase = text[tokens[first].start : end]

    def make(name: str, country: str | None, accepted: bool) -> _Entity:
        return _Entity(start, end, name, country, accepted)

    if hit is not None and first + hit[0] == stop:  # exactly a known name
        entry = hit[1]
        if entry.kind == "adjective":  # "Danish" alone is no donor
            return make(phrase, None, accepted=False)
        return make(entry.name, entry.country, accepted=True)
    if hit is not None and hit[1].kind in {"name", "adjective"}:  # "the Danish Foreign Ministry"
        entry = hit[1]
        if hit[1].kind == "adjective" and not _STATE_ORGAN().search(phrase):
            return make(phrase, None, accepted=strong or bool(_FUNDS().search(phrase)))
        giving = _GIVING_ORGAN().search(phrase) or _has_org(tokens, first + hit[0], stop)
        return make(entry.name, entry.country, strong or bool(giving))
    if hit is not None:  # a known organisation, perhaps with more words ("UNDP Ukraine")
        entry = hit[1]
        return make(entry.name, entry.country, accepted=True)

    osce = _OSCE().search(phrase)
    of_country = _of_country(tokens, first, stop)
    if of_country is not None and (
        osce is None or osce.start() > tokens[of_country[0]].start - tokens[first].start
    ):
        entry = of_country[1]
        return make(entry.name, entry.country, strong or bool(_GIVING_ORGAN().search(phrase)))
    if osce is not None:
        return make(phrase, None, accepted=False)
    for inner in range(first + 1, stop):  # "the Delegation of the European Union"
        found = _lookup(tokens, inner, stop)
        if found is not None and found[1].kind == "org":
            return make(found[1].name, found[1].country, accepted=True)
    return make(phrase, None, accepted=strong or bool(_FUNDS().search(phrase)))


# --------------------------------------------------------------------------- lists


def _skip_parenthesis(tokens: Sequence[_Token], index: int) -> int:
    """Past a parenthesis at `index` ("(USAID)"), if there is a short one."""
    if index < len(tokens) and tokens[index].text == "(":
        for close in range(index + 1, min(index + 12, len(tokens))):
            if tokens[close].text == ")":
                return close + 1
    return index


def _separator(tokens: Sequence[_Token], index: int) -> int | None:
    """Past a list separator at `index` (", ", " and ", ", as well as "), if there is one."""
    n = len(tokens)
    position = index
    comma = position < n and tokens[position].text in {",", ";", "/"}
    if comma:
        position += 1
    first = tokens[position].text if position < n else None
    for words in _CONJUNCTIONS:
        # The first word first: most tokens start no conjunction, and the slice is dear.
        if (
            words[0] == first
            and tuple([t.text for t in tokens[position : position + len(words)]]) == words
        ):
            position += len(words)
            break
    else:
        if not comma:
            return None
    if position < n and tokens[position].text in {"by", "from", "of"}:
        position += 1
    return position


def _read_list(
    tokens: Sequence[_Token], index: int, text: str, *, strong: bool
) -> tuple[list[_Entity], int]:
    """The entities of the list that starts at `index`, and the token index past it."""
    found: list[_Entity] = []
    position = index
    entity = _entity(tokens, position, text, strong=strong)
    while entity is not None:
        found.append(entity)
        while position < len(tokens) and tokens[position].end <= entity.end:
            position += 1
        position = _skip_parenthesis(tokens, position)
        after = _separator(tokens, position)
        if after is None:
            break
        entity = _entity(tokens, after, text, strong=strong)
        if entity is not None:
            position = after
    return found, position


# --------------------------------------------------------------------------- the API


_SCAN_TABLE: Final = bytes(
    (byte | 0x20 if 0x41 <= byte <= 0x5A else byte)  # A-Z to a-z
    if chr(byte).isalnum() or chr(byte) in "-_"
    else 0x20
    for byte in range(256)
)
"""Latin-1 bytes as `_cue_starts` scans them: ASCII letters in lower case, and a space
for every character that cannot join a word (anything but letters, digits, "-", "_")."""

_STEM_AFTER_SPACE: Final = re.compile(
    rf"[ ](?:{alternation([*_KEYWORDS, *(f'co{stem}' for stem in _KEYWORDS)])})"
)
"""A cue word's stem at a word start in the scan text, or after "co" ("cofunded").

No two of these words start alike, so each occurrence is one match."""

_STEM_AFTER_HYPHEN: Final = re.compile(rf"-(?:{alternation(_KEYWORDS)})")
"""A cue word's stem after a hyphen ("co-funded"), in the scan text."""

_CAPITALISED: Final = {stem: stem.capitalize() for stem in _KEYWORDS}


def _cue_starts(text: str) -> list[tuple[int, int]]:
    """Where a word that may open a funding cue starts, and where its stem starts.

    The two differ for "co-funded", whose cue starts at "co-"; in order of position.
    A stem counts in lower case or capitalised, at a word start or after "co".
    """
    # A pattern that starts with any of 20 letters makes `re` try every such letter
    # (a third of the text). So the text is first mapped, one byte per character
    # (offsets stay put), to lower case with a space wherever a word may start ("?"
    # stands for a character beyond Latin-1 and maps to a space as well); the scans
    # then start with a literal space or hyphen, which `re` jumps between. They
    # over-report ("FUNDS", "(cofunded", a letter beyond Latin-1): the tests on the
    # text itself below decide, as they did for every stem found.
    scan = (b" " + text.encode("latin-1", "replace")).translate(_SCAN_TABLE).decode("latin-1")
    stems: list[tuple[int, str]] = []
    # `findall` costs far less than `finditer` per block; as the words it finds
    # cannot overlap, each one's next occurrence is where it was found.
    position = 0
    for word in _STEM_AFTER_SPACE.findall(scan):
        position = scan.index(word, position)
        stem = word[3:] if word[1:3] == "co" and word[3:] in _CAPITALISED else word[1:]
        stems.append((position + len(word) - len(stem) - 1, stem))
        position += len(word)
    if "-" in scan:
        position = 0
        for word in _STEM_AFTER_HYPHEN.findall(scan):
            position = scan.index(word, position)
            stems.append((position, word[1:]))
            position += len(word)
        stems.sort()
    found: list[tuple[int, int]] = []
    for position, stem in stems:
        written = text[position : position + len(stem)]
        if written != stem and written != _CAPITALISED[stem]:
            continue
        before = text[position - 1] if position else " "
        if not (before.isalnum() or before in "-_"):
            found.append((position, position))
        else:
            prefix = text[max(0, position - 3) : position].lower()
            if prefix in {"co-", " co"} or (prefix[-2:] == "co" and position == 2):
                found.append((position - (3 if before == "-" else 2), position))
    return found


def match_donors(text: str) -> list[DonorMatch]:
    """Every funder `text` names as such, in order of position."""
    found: dict[int, _Entity] = {}
    for start, keyword in _cue_starts(text):
        cue = _CUE.match(text, keyword)
        if cue is not None:
            preceding = text[max(0, start - 60) : start]
            before = preceding.split()[-2:]
            strong = bool(_STRONG().search(cue.group())) or not _STRONG_BEFORE.isdisjoint(before)
            noun = cue.group().split()[0].lower()
            if not strong and noun in _WEAK_NOUNS:
                opener = _WEAK_OPENER().search(preceding)
                if opener is None or (
                    opener.group("verb")[0] not in "wtuWTU" and noun not in {"support", "backing"}
                ):
                    continue  # "in support of Ukraine", "victims received assistance from IOM"
            tokens = _sentence_tokens(text, cue.end())
            for entity in _read_list(tokens, 0, text, strong=strong)[0]:
                found.setdefault(entity.start, entity)
        elif subject := _SUBJECT_CUE.match(text, keyword):
            auxiliary = _PROGRESSIVE_BEFORE() if subject["ing"] else _AUXILIARY_BEFORE()
            gap = auxiliary.search(text, max(0, start - 40), start)
            if subject["ing"] and gap is None:
                continue  # "funding the project" with no "is" before it names no funder
            for entity in _subjects(text, gap.start() if gap else start):
                found.setdefault(entity.start, entity)
    if "-" in text:  # a substring test spares most texts the scan for compounds
        for compound in _COMPOUND.finditer(text):
            known = _compound(text, compound.start())
            if known is not None:
                found.setdefault(known.start, known)
    if not found:
        return []
    return [
        DonorMatch(e.name, e.country, e.start, e.end, text[e.start : e.end])
        for _, e in sorted(found.items())
        if e.accepted
    ]


def _subjects(text: str, cue: int) -> list[_Entity]:
    """The list of entities that ends right before a funding verb at `cue`."""
    sentence = max(
        _sentences.last_start(text, max(0, cue - WINDOW), cue), text.rfind(";", 0, cue) + 1
    )
    tokens = _tokens(text, sentence, cue)
    for index, token in enumerate(tokens):
        if not (_is_cap(token.text) or token.text in _ARTICLES):
            continue
        entities, position = _read_list(tokens, index, text, strong=True)
        if entities and position == len(tokens):
            return entities
    return []


def _compound(text: str, hyphen: int) -> _Entity | None:
    """The donor named before the hyphen of a compound ("EU-funded"), if a known one."""
    who = _COMPOUND_WHO().search(text, max(0, hyphen - 60), hyphen)
    if who is None:
        return None
    starts = [who.start()]
    if " " in who.group():  # "the European Union-funded", or "Most Swiss-funded"
        starts.append(who.start() + who.group().rindex(" ") + 1)
    for start in starts:
        tokens = _tokens(text, start, hyphen)
        hit = _lookup(tokens, 0)
        if hit is not None and hit[0] == len(tokens):
            entry = hit[1]
            return _Entity(start, hyphen, entry.name, entry.country, accepted=True)
    return None


def find_donors(body: Body) -> tuple[Donor, ...]:
    """The donors the body names as funders, in order of first mention.

    Args:
        body: The document's body.

    Returns:
        One `Donor` per key (the country code for a state, else the name), with a
        `Mention` for every place the text names it as a funder.
    """
    return donors_from([match_donors(text) for text in body.texts])


def donors_from(matches: Sequence[Sequence[DonorMatch]]) -> tuple[Donor, ...]:
    """`Donor`s from the matches of each block (`matches[i]` for block i)."""
    who: dict[str, tuple[str, str | None]] = {}
    for found in matches:
        for match in found:
            who.setdefault(match.country or match.name, (match.name, match.country))
    mentions = group_mentions(
        (match.country or match.name, index, match.start, match.surface)
        for index, found in enumerate(matches)
        for match in found
    )
    return tuple(
        Donor(name=who[key][0], country=who[key][1], mentions=tuple(found))
        for key, found in mentions.items()
    )
