"""People: everyone a document names, and whom each short reference names.

A careful reader keeps an index of the people a release names, from anywhere in
the text, and reads "Koval", "Ms. Koval" and "Koval’s" as the Anna Koval named
before (or after). The rules, for runs of name words (`osce_thb._names`):

* A full name (two to four name words) is a person when something says so:

  - a title before it: "Ambassador A B", "Minister A B", "Dr. A B";
  - a role before it: "Head of the Presence A B", "police lieutenant A B",
    "the Mission’s A B";
  - a role set off after it: "A B, Head of the Unit,", "A B, a consultant";
  - a role set off before it: "the President of the Assembly, A B,";
  - a verb of saying beside it: "A B said", "A B also stressed", "said A B".

  An article just before a bare name makes it an institution's ("the Oliy
  Majlis"), and the words of organisations' names are no name words at all
  (``data/institutions.txt``).
* One person is one entry: the same full name in another spelling or script
  (`name_key`), or with or without a middle name, is the same person, named by
  its longest form.
* A short reference names the person whose surname (else first name) it is: a
  surname ("Koval"), a title and surname ("Ambassador Koval", "Ms. Koval"), a
  possessive ("Koval’s"). When two people share it, the latest named wins. A
  title and a surname that no full name explains is a person of its own
  ("Mr. Brandt" is "Brandt").
* The subject of a sentence is its first mention of a person when nothing but
  a title, a role or an introductory phrase stands before it ("In Kyiv,
  Head of Office A B opened ..."; not "Participants thanked A B ..."). A pronoun
  of a later quote may refer back to it (`People.focus`).

Every block is read once into sentences, parts (set off by commas, semicolons,
colons, brackets, quotation marks or spaced dashes) and words; every rule looks
at a fixed number of words around a run, so reading is linear in the text.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from osce_thb._names import (
    ARTICLES,
    FUNCTION_WORDS,
    HONORIFIC,
    INITIALS,
    NAME,
    OTHER,
    PARTICLE,
    PARTICLES,
    ROLE_NOUNS,
    ROLE_WORDS,
    TITLE_WORDS,
    VERB,
    is_persons_role,
    name_key,
    opens_role,
    possessive_stem,
    role_after,
    runs,
    split_title,
    tidy_role,
    token_kind,
)
from osce_thb.model import Mention, Person

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from osce_thb._body import Body

__all__ = ["Entry", "People", "find_people"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --------------------------------------------------------------------------- patterns

_SPLIT = re.compile(
    r"""
    (
        [,;:()\[\]{}“”"«»„!?–—]           # punctuation and dashes set a part off: one
        [,;:()\[\]{}“”"«»„!?–—]*          # mark, then the rest of the run (a pattern that
    )                                   # opens with one class lets `re` skip to it in C)
    """,
    re.VERBOSE,
)

_INTRODUCED = re.compile(
    r"""
    ,\s*\d{1,2}\s*,         # an age set off by commas: "Natalia, 28, ..."
  | \s*\(                   # or a note in brackets: "Natalia (not her real name)"
    """,
    re.VERBOSE,
)

_HYPHEN = " - "
"""A hyphen between spaces is a dash, and sets a part off too ("A B - Head of C")."""

_UPPER = "".join(
    letter
    for low, high in ((0x41, 0x250), (0x370, 0x590), (0x10A0, 0x1100), (0x1E00, 0x2000))
    for letter in map(chr, range(low, high))
    if letter.isupper()
)
"""The capital letters of the Latin, Greek, Cyrillic, Armenian and Georgian scripts."""

_CAPITAL = re.compile(
    "["
    + re.escape(_UPPER)
    + r"""]      # a capital letter, then the rest of the word
    [^\s,;:()\[\]{}“”"«»„!?]*
    """,
    re.VERBOSE,
)


_ROLE_CUES = ROLE_NOUNS | ROLE_WORDS | TITLE_WORDS
"""Words of offices and roles: before a name, or opening the words set off after it."""

_SUBJECT_LINKS = _words("of for in on at to and de")
"""Small words inside a role before a subject: "Head of the Office in Kyiv, A B"."""

_INTRODUCTIONS = _words(
    """
    in during at on after before following while when as according upon with by for from
    throughout within over under despite besides since until among speaking opening closing
    addressing welcoming
    """
)
"""First words of a phrase that may introduce a sentence before its subject: "In Kyiv, A B"."""


# --------------------------------------------------------------------------- reading


class _Run(NamedTuple):
    """A run of name words in a part, with the title before it.

    Attributes:
        start: Index of the first name word in the part.
        end: Index just after the last name word.
        title_start: Index of the first word of the title (`start` when none).
        title_kind: `HONORIFIC`, `FUNCTIONAL` or 0.
        size: How many name words (not particles) the run holds.
    """

    start: int
    end: int
    title_start: int
    title_kind: int
    size: int


# `tuple.__new__` makes a NamedTuple without its Python-level `__new__`: one is made for
# every run of name words and every sentence that holds one.
_new_run = functools.partial(tuple.__new__, _Run)


class _Part(list[str]):
    """The words of a part of a sentence, without the punctuation that clings to them.

    Attributes:
        lead: The punctuation between the part before and this one (",", "»,",
            "(", "–"); empty for a sentence's first part.
        text: The part as it stands in its block, and `offset` where.
        raw: The words as they stand in `text`.
        named: Whether a capitalised word that can be part of a name stands in
            it; a part without one has no runs of name words.
    """

    __slots__ = ("_kinds", "_reach", "_runs", "_starts", "lead", "named", "offset", "raw", "text")

    def __init__(self, lead: str, text: str, offset: int, raw: list[str], named: bool) -> None:
        # `_clean` keeps a word without a character that may cling to it: one search
        # decides for most parts that every word stays as it stands.
        self.extend(raw if _CLINGING.search(text) is None else map(_clean, raw))
        self.lead = lead
        self.text = text
        self.offset = offset
        self.raw = raw
        self.named = named
        self._kinds: list[int] | None = None
        self._runs: list[_Run] | None = None
        self._starts: list[int] | None = None
        self._reach = 0

    @property
    def kinds(self) -> list[int]:
        """The kind of each word (`_kind`)."""
        if self._kinds is None:
            self._kinds = list(map(_kind, self))
        return self._kinds

    @property
    def runs(self) -> list[_Run]:
        """The runs of name words; a possessive ends its run ("Anna Koval’s office")."""
        if self._runs is None:
            self._runs = _runs_of(self) if self.named and NAME in self.kinds else []
        return self._runs

    def start_of(self, index: int) -> int:
        """The offset in the block of the word at `index` (found once, left to right)."""
        starts = self._starts
        if starts is None:
            starts = self._starts = []
        found = len(starts)
        if found <= index:
            text, raws, offset = self.text, self.raw, self.offset
            at = self._reach
            for number in range(found, index + 1):
                raw = raws[number]
                word = self[number]
                at = text.index(raw, at)
                starts.append(offset + at + (raw.index(word) if word else 0))
                at += len(raw)
            self._reach = at
        return starts[index]


_Sentence = list[_Part]

_CLINGING = re.compile("[‘'`….]")
"""Characters that may cling to a word without being part of it (`_clean` decides)."""


class _Span(NamedTuple):
    """A sentence of a block that holds a name word, before it is read into parts.

    Attributes:
        low: Where the sentence starts in its block.
        high: Where it ends.
        names: The name words in it, as (offset, word as written).
        titled: Whether a title word ("Ambassador", "Ms.") stands in it.
        paired: Whether a name word in it follows another or a title, with
            nothing but spaces or particles between ("Anna Koval", "Ms. Koval").
    """

    low: int
    high: int
    names: list[tuple[int, str]]
    titled: bool
    paired: bool


_new_span = functools.partial(tuple.__new__, _Span)


class _Block:
    """A block's sentences that hold a name word, read into parts when a rule needs them.

    Finding the capitalised words of a block is one scan; the block is split
    into sentences, and a sentence into parts and words, only when a pass reads
    it: pass one reads the sentences that may hold a full name (a name word
    after another or after a title) or open with a name, pass two those that
    name someone the index knows or hold a title.
    """

    __slots__ = (
        "_body",
        "_index",
        "_parts",
        "_spans",
        "introduced",
        "names",
        "paired",
        "text",
        "titles",
    )

    def __init__(self, body: Body, index: int) -> None:
        self._body = body
        self._index = index
        self.text = text = body.texts[index]
        self.names: list[tuple[int, str]] = []
        self.titles: list[int] = []
        self.paired: list[int] = []  # where a name word follows another, or a title
        self.introduced = False  # whether a name word is followed by an age or "(name ...)"
        previous = -1
        for match in _CAPITAL.finditer(text):
            word = match[0]
            kind = _word_class(word)
            if not kind:  # most capitalised words: "The", "OSCE", "Ukraine"
                previous = -1
                continue
            at = match.start()
            if kind == _NAME_WORD:
                self.names.append((at, word))
                if previous >= 0 and _joined(text, previous, at):
                    self.paired.append(at)
                if not self.introduced:
                    self.introduced = _INTRODUCED.match(text, at + len(word)) is not None
                previous = at + len(word)
            else:
                self.titles.append(at)
                previous = at + len(word)
        self._spans: list[_Span] | None = None
        self._parts: dict[int, _Sentence] = {}

    @property
    def spans(self) -> list[_Span]:
        """The sentences that hold a name word, found on first use."""
        if self._spans is None:
            self._spans = []
            if self.names:
                self._spans = self._read_spans()
        return self._spans

    def _read_spans(self) -> list[_Span]:
        spans = []
        positions = [at for at, _ in self.names]
        for low, high in self._body.sentences(self._index):
            first, last = bisect_left(positions, low), bisect_left(positions, high)
            if first < last:
                spans.append(
                    _new_span(
                        (
                            low,
                            high,
                            self.names[first:last],
                            _within(self.titles, low, high),
                            _within(self.paired, low, high),
                        )
                    )
                )
        return spans

    def parts(self, number: int) -> _Sentence:
        """The parts of sentence `number` of `spans`, read once."""
        found = self._parts.get(number)
        if found is None:
            span = self.spans[number]
            found = self._parts[number] = _read_sentence(
                self.text, span.low, span.high, [at for at, _ in span.names]
            )
        return found


def _within(positions: list[int], low: int, high: int) -> bool:
    """Whether one of the sorted `positions` falls between `low` and `high`."""
    at = bisect_left(positions, low)
    return at < len(positions) and positions[at] < high


def _joined(text: str, end: int, start: int) -> bool:
    """Whether only spaces and particles ("van der") stand between two words of a name."""
    gap = text[end:start]
    return not gap.strip() or all(word in PARTICLES for word in gap.split())


def _read_sentence(text: str, low: int, high: int, names: list[int]) -> _Sentence:
    """The parts of the sentence `text[low:high]`, each a list of words.

    `names` are the offsets of the name words in it, in order: a part is `named`
    when one falls inside it.
    """
    sentence: _Sentence = []
    lead = ""
    offset = low
    name = 0  # the first name word not before `offset`
    count = len(names)
    for number, piece in enumerate(_SPLIT.split(text[low:high])):
        if number % 2:
            lead += piece.strip()
            offset += len(piece)
            continue
        for inner, segment in enumerate(piece.split(_HYPHEN) if _HYPHEN in piece else (piece,)):
            if inner:
                lead += "-"
                offset += len(_HYPHEN)
            raw = segment.split()
            if raw:
                while name < count and names[name] < offset:
                    name += 1
                named = name < count and names[name] < offset + len(segment)
                sentence.append(_Part(lead, segment, offset, raw, named))
                lead = ""
            offset += len(segment)
    return sentence


_NAME_WORD, _TITLE_WORD = 1, 2


@functools.lru_cache(maxsize=8192)
def _word_class(raw: str) -> int:
    """Whether a capitalised word, as it stands in the text, is a name word, a title word or 0."""
    word = _clean(raw) or raw
    if _kind(word) == NAME:
        return _NAME_WORD
    return _TITLE_WORD if word.casefold().rstrip(".") in TITLE_WORDS else 0


@functools.lru_cache(maxsize=8192)
def _clean(raw: str) -> str:
    """A word without a sentence's final period, an ellipsis or single quotation marks.

    The period of an initial ("J.") or of a title ("Dr.") stays.
    """
    if raw[0] not in "‘'`…" and raw[-1] not in ".‘'`…":
        return raw
    word = raw.strip("‘'`…")
    if word.endswith(".") and not INITIALS.fullmatch(word):
        stem = word.rstrip(".")
        if stem.casefold() not in TITLE_WORDS:
            word = stem
    return word


@functools.lru_cache(maxsize=8192)
def _word_key(raw: str) -> str:
    """The key (`name_key`) of a name word as it stands in the text."""
    return name_key(_clean(raw) or raw)


_WORD = itemgetter(1)
"""The word of an (offset, word) pair."""


@functools.lru_cache(maxsize=8192)
def _kind(word: str) -> int:
    """The kind of a word (`token_kind`); a possessive of a name word is a name word.

    An empty word (a quotation mark alone, cleaned) is `OTHER`.
    """
    if not word:
        return OTHER
    kind = token_kind(word)
    if kind == OTHER:
        stem = possessive_stem(word)
        if stem is not None and token_kind(stem) == NAME:
            return NAME
    return kind


def _runs_of(part: _Part) -> list[_Run]:
    found = []
    kinds = part.kinds
    texts = part
    for start, end in runs(kinds):
        for at in range(start, end):
            if possessive_stem(texts[at]) is not None:
                end = at + 1
                break
        title_start, title_kind = split_title(texts, start)
        size = end - start - kinds[start:end].count(PARTICLE)
        found.append(_new_run((start, end, title_start, title_kind, size)))
    return found


def _name_words(part: _Part, run: _Run) -> list[str]:
    """The words of the name in a run, without a possessive ending."""
    words = part[run.start : run.end]
    stem = possessive_stem(words[-1])
    if stem is not None:
        words[-1] = stem
    return words


def _is_verb(words: Sequence[str], at: int, *, size: int = 0) -> bool:
    """Whether a verb of saying starts at `words[at]` ("said", "pointed out", "according to").

    With `size`, only a verb of that many words counts.
    """
    if at < 0 or at >= len(words):
        return False
    pair = " ".join(words[at : at + 2])
    match = VERB.match(pair)
    if match is None:
        return False
    end = match.end()
    if size == 1:
        return end == len(words[at])
    if size == 2:
        return end == len(pair)
    return end in (len(words[at]), len(pair))


def _role_before(prefix: Sequence[str]) -> list[str]:
    """The words of a role just before a name, when they name a person's role.

    Walking back over capitalised words, words of offices and the small words
    that join them ("Head of the Presence", "police lieutenant", "the Mission’s
    Adviser"), the words found must be a person's role (`is_persons_role`):
    "the National Referral Mechanism" is no person's.
    """
    if not prefix or prefix[-1].casefold() in _SUBJECT_LINKS:
        return []
    start = len(prefix)
    while start and len(prefix) - start < _MAX_ROLE and _in_subject(prefix[start - 1]):
        start -= 1
    chain = list(prefix[start:])
    while chain and chain[0].casefold() in _SUBJECT_LINKS:
        chain = chain[1:]
    return chain if is_persons_role(chain) else []


_MAX_ROLE = 10
"""The most words a role before a name holds."""

_MAX_PARTS = 8
"""How many parts after a name are read for its role or its verb."""


# --------------------------------------------------------------------------- the index


class Entry:
    """One person of the index, while the document is being read."""

    __slots__ = ("mentions", "roles", "titles", "words")

    def __init__(self, words: Sequence[str]) -> None:
        self.words = list(words)
        self.titles: list[str] = []
        self.roles: list[str] = []
        self.mentions: list[Mention] = []

    @property
    def name(self) -> str:
        """The name, in its longest form."""
        return " ".join(self.words)

    @property
    def title(self) -> str | None:
        """The first title the text gives the person."""
        return self.titles[0] if self.titles else None

    @property
    def role(self) -> str | None:
        """The first role the text gives the person."""
        return self.roles[0] if self.roles else None

    def named_before(self, at: tuple[int, int] | None) -> tuple[int, int] | None:
        """Where the text last names the person before `at` (anywhere when None)."""
        if not self.mentions:
            return None
        if at is None:
            return (self.mentions[-1].block, self.mentions[-1].start)
        index = bisect_left(self.mentions, at, key=lambda m: (m.block, m.start))
        if not index:
            return None
        mention = self.mentions[index - 1]
        return (mention.block, mention.start)

    def note(self, title: str | None, role: str | None) -> None:
        """Add a title and a role, each once."""
        if title and title not in self.titles:
            self.titles.append(title)
        if role and role not in self.roles:
            self.roles.append(role)


def _keys(words: Sequence[str]) -> tuple[str, ...]:
    """The keys of the words of a name that tell people apart (no particles, no initials)."""
    return _tuple_keys(tuple(words))


@functools.lru_cache(maxsize=4096)
def _tuple_keys(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(
        name_key(word)
        for word in words
        if token_kind(word) == NAME and not INITIALS.fullmatch(word)
    )


class People:
    """The people a document names: an index to resolve short references against.

    Built by `find_people`; the attribution of quotes adds the speakers it finds
    (`add`), and `persons` gives the model's `Person`s at the end.
    """

    __slots__ = (
        "_blocks",
        "_by_full",
        "_by_other",
        "_by_surname",
        "_changes",
        "_entries",
        "_known",
        "_read",
        "_singles",
        "_subjects",
        "_texts",
    )

    def __init__(self, body: Body) -> None:
        self._texts = body.texts
        self._blocks = [_Block(body, index) for index in range(len(body.texts))]
        self._entries: list[Entry] = []
        self._by_full: dict[tuple[str, ...], Entry] = {}
        self._by_surname: dict[str, dict[Entry, None]] = {}  # ordered sets: the latest last
        self._by_other: dict[str, dict[Entry, None]] = {}
        self._known: set[str] = set()  # the keys of both: every word that names someone
        self._singles: dict[str, Entry] = {}
        self._subjects: list[tuple[tuple[int, int], Entry]] = []
        self._changes = 0  # new people or longer names: the mentions must be read again
        self._read = -1

    # -- building

    def _index(self, entry: Entry) -> None:
        keys = _keys(entry.words)
        if not keys:
            return
        self._by_full.setdefault(keys, entry)
        self._by_full.setdefault((keys[0], keys[-1]), entry)
        self._by_surname.setdefault(keys[-1], {})[entry] = None
        for key in keys[:-1]:
            self._by_other.setdefault(key, {})[entry] = None
        self._known.update(keys)
        if len(keys) == 1:
            self._singles.setdefault(keys[0], entry)

    def _match_full(self, words: Sequence[str]) -> Entry | None:
        """The person a full name names: the same words, or the same first name and surname."""
        keys = _keys(words)
        if len(keys) < 2:
            return None
        entry = self._by_full.get(keys) or self._by_full.get((keys[0], keys[-1]))
        if entry is not None:
            return entry
        return self._singles.get(keys[-1])  # "Mr. Brandt" before "Tomas Brandt"

    def match(self, word: str, at: tuple[int, int] | None = None) -> Entry | None:
        """The person a single word names: by surname, else by first (or middle) name.

        When several people answer to it, the one named last before `at` (a block
        and an offset; the end of the text when None), else the one named first.
        """
        key = name_key(word)
        found = self._by_surname.get(key) or self._by_other.get(key)
        if not found:
            return None
        if len(found) == 1:
            return next(iter(found))
        best, best_at = next(iter(found)), (-1, -1)
        for entry in found:
            named = entry.named_before(at)
            if named is not None and named > best_at:
                best, best_at = entry, named
        return best

    def knows(self, word: str) -> bool:
        """Whether a single word names a person of the index."""
        return name_key(word) in self._known

    def add(
        self,
        words: Sequence[str],
        *,
        title: str | None = None,
        role: str | None = None,
        at: tuple[int, int] | None = None,
    ) -> Entry:
        """The person a name names, added to the index when new; with a title and a role.

        A single word names the person `match` finds for it at `at`.
        """
        entry = self.match(words[-1], at) if len(_keys(words)) < 2 else self._match_full(words)
        if entry is None:
            entry = Entry(words)
            self._entries.append(entry)
            self._changes += 1
            self._index(entry)
        elif len(words) > len(entry.words):
            if len(_keys(entry.words)) == 1:
                self._singles.pop(_keys(entry.words)[0], None)
            entry.words = list(words)  # the longest form names the person
            self._changes += 1
            self._index(entry)
        entry.note(title, role)
        return entry

    # -- reading

    def _collect(self) -> None:
        """Pass one: the full names that something marks as people's.

        And the people a story names by first name only, as it names survivors:
        a lone name word that a sentence opens with, set off by an age or a
        note on the name ("Natalia, 28, ...", "Natalia (not her real name) ...").
        """
        for block in self._blocks:
            if not block.paired and not block.introduced:
                continue  # no full name, no first name with an age: no sentence to read
            for number, span in enumerate(block.spans):
                if not span.paired and span.names[0][0] != span.low:
                    continue  # neither a full name nor a first name opening the sentence
                sentence = block.parts(number)
                for index, part in enumerate(sentence):
                    for run in part.runs:
                        if 2 <= run.size <= 4:
                            self._collect_run(sentence, index, run)
                        elif index == 0 and len(part) == 1 and _introduces_someone(sentence):
                            self.add(_name_words(part, run))

    def _collect_run(self, sentence: _Sentence, index: int, run: _Run) -> None:
        part = sentence[index]
        texts = part
        prefix = texts[max(0, run.title_start - _MAX_ROLE - 2) : run.title_start]
        previous = prefix[-1].casefold() if prefix else None
        if not run.title_kind and previous is not None and _names_institution(prefix):
            return
        following_word = part[run.end] if run.end < len(part) else ""
        if following_word[:1].isupper() and following_word.casefold() in ROLE_WORDS:
            return  # "the Ad Hoc Committee": an institution
        title = " ".join(texts[run.title_start : run.start]) if run.title_kind else None
        role: str | None = None
        person = bool(run.title_kind)
        chain = _role_before(prefix)
        if chain:
            person, role = True, tidy_role(" ".join(chain))
        elif _is_verb(part, run.title_start - 1, size=1):
            person = True  # "said A B"
        elif _is_verb(part, run.title_start - 2, size=2):
            person = True  # "pointed out A B", "according to A B"
        elif previous is not None and _owns(prefix[-1]):
            person = True  # "the Mission’s A B"
        if run.end < len(part):
            at = run.end
            while at < len(part) and at < run.end + 2 and part[at].casefold() in _TRAILERS:
                at += 1
            person = person or _is_verb(part, at)
            if person:
                self.add(_name_words(part, run), title=title, role=role)
            return
        set_off = (
            index
            and not run.title_start
            and _sets_off(part)
            and _sets_off(sentence[index - 1], last=True)
        )
        before = _role_before(sentence[index - 1]) if set_off else []
        following = sentence[index + 1 : index + 1 + _MAX_PARTS]
        if following and _sets_off(following[0]):
            after = _skip_age(following)
            if opens_role(after):
                person = True
                if not before or not _lists_names(following):
                    role = role or role_after(_role_parts(following))
        if before:
            person = True
            role = role or tidy_role(" ".join(before))
        if not person and following:
            person = _says_later(following)
        if person:
            self.add(_name_words(part, run), title=title, role=role)

    def _mentions(self) -> None:
        """Pass two: every mention of a person of the index, and the subjects of sentences.

        A title and a single word that no one of the index answers to is a new
        person ("Mr. Brandt") when the title is an honorific, or a verb of saying
        follows ("Minister Brandt said").
        """
        self._read = self._changes
        for known in self._entries:
            known.mentions.clear()
        self._subjects.clear()
        keys = self._known  # grows as people join: read at every test
        for number, block in enumerate(self._blocks):
            if not block.titles and keys.isdisjoint(map(_word_key, map(_WORD, block.names))):
                continue  # the common case, decided without splitting sentences
            for count, span in enumerate(block.spans):
                if not span.titled and keys.isdisjoint(map(_word_key, map(_WORD, span.names))):
                    continue  # names no one of the index, and no one new
                sentence = block.parts(count)
                first = True
                for index, part in enumerate(sentence):
                    for run in part.runs:
                        entry = self._mentioned(number, part, run)
                        if entry is None:
                            continue
                        start = part.start_of(run.title_start)
                        end = part.start_of(run.end - 1) + len(part[run.end - 1])
                        text = self._texts[number][start:end]
                        entry.mentions.append(Mention(text=text, block=number, start=start))
                        if first and _is_subject(sentence, index, run.title_start):
                            self._subjects.append(((number, start), entry))
                        first = False

    def _mentioned(self, number: int, part: _Part, run: _Run) -> Entry | None:
        words = _name_words(part, run)
        title = None
        if run.title_kind:
            title = " ".join(part[run.title_start : run.start])
        if run.size >= 2:
            entry = self._match_full(words)
            if entry is not None and len(_keys(words)) > len(_keys(entry.words)):
                self.add(words)  # "Mr. Brandt" is "Tomas Brandt"
        elif INITIALS.fullmatch(words[0]):
            return None
        else:
            entry = self.match(words[0], (number, part.start_of(run.start)))
            if entry is None and (
                run.title_kind == HONORIFIC or (run.title_kind and _is_verb(part, run.end))
            ):
                return self.add(words, title=title)
        if entry is not None:
            entry.note(title, None)
        return entry

    # -- questions

    def focus(self, block: int, at: int) -> tuple[tuple[int, int], Entry] | None:
        """The latest subject of a sentence before offset `at` of block `block`, if any."""
        index = bisect_left(self._subjects, (block, at), key=lambda item: item[0])
        return self._subjects[index - 1] if index else None

    def subject_between(self, block: int, low: int, high: int) -> Entry | None:
        """The first subject of a sentence in block `block` between offsets `low` and `high`."""
        index = bisect_left(self._subjects, (block, low), key=lambda item: item[0])
        if index < len(self._subjects):
            (found_block, start), entry = self._subjects[index]
            if found_block == block and start < high:
                return entry
        return None

    def settle(self) -> None:
        """Read the mentions again if people joined the index, or got longer names, since."""
        for _ in range(_MAX_READS):
            if self._read == self._changes:
                break
            self._mentions()

    def persons(self) -> tuple[Person, ...]:
        """The people of the index, in order of first mention, with every mention."""
        self.settle()
        entries = sorted(
            self._entries,
            key=lambda e: (
                (0, e.mentions[0].block, e.mentions[0].start) if e.mentions else (1, 0, 0)
            ),
        )
        return tuple(
            Person(
                name=entry.name,
                titles=tuple(entry.titles),
                roles=tuple(entry.roles),
                mentions=tuple(entry.mentions),
            )
            for entry in entries
        )


_MAX_READS = 4
"""How often the mentions are read at most: each reading can only lengthen names found."""

_TRAILERS = _words("also later then further again has had have once recently")
"""Words that may stand between a name and its verb: "A B also said"."""


def _skip_age(parts: Sequence[_Part]) -> _Part:
    """The first part after a name, past an age: "A B, 34, a survivor"."""
    if len(parts) > 1 and all(word.isdigit() for word in parts[0]):
        return parts[1]
    return parts[0]


def _names_institution(prefix: Sequence[str]) -> bool:
    """Whether the words before a run make it part of an institution's name.

    An article ("the Oliy Majlis"), or a preposition after a capitalised word
    that is no name ("Department for Combating Crimes").
    """
    previous = prefix[-1].casefold()
    if previous in ARTICLES:
        return True
    if previous not in _SUBJECT_LINKS or previous == "and" or len(prefix) < 2:
        return False
    word = prefix[-2]
    return word[:1].isupper() and token_kind(possessive_stem(word) or word) != NAME


def _introduces_someone(sentence: _Sentence) -> bool:
    """Whether the part after a lone name opening a sentence gives an age or a note on the name.

    "Natalia, 28, ...", "Natalia (not her real name) ...", "Natalia (name changed)".
    """
    if len(sentence) < 2:
        return False
    part = sentence[1]
    if len(part) == 1 and part[0].isdigit() and len(part[0]) <= 2:
        return part.lead == ","
    return part.lead == "(" and any(word.casefold().startswith("name") for word in part)


def _owns(word: str) -> bool:
    """Whether a word before a name is an institution's possessive: "the Mission’s A B"."""
    stem = possessive_stem(word)
    return stem is not None and stem[:1].isupper() and token_kind(stem) != NAME


def _says_later(parts: Sequence[_Part]) -> bool:
    """Whether, past roles and relative clauses, a verb of saying follows a name.

    "A B, who led the course, noted that ...", "A B, 34, a survivor, says ...".
    """
    for part in parts:
        if not part[0]:
            return False
        at = 0
        while at < len(part) - 1 and at < 2 and part[at].casefold() in _TRAILERS:
            at += 1
        if _is_verb(part, at):
            return True
        first = part[0].casefold()
        if not (first in _RELATIVES or part[0].isdigit() or opens_role(part)):
            return False
    return False


_RELATIVES = _words("who whose")


def _sets_off(part: _Part, *, last: bool = False) -> bool:
    """Whether a part is set off from the one before by a comma or a dash (an apposition).

    With `last`, whether it is the last part before one set off so: it must not
    end in a small word ("co-founder of the «C»" sets nothing off).
    """
    if last:
        return part[-1].casefold() not in _SUBJECT_LINKS | ARTICLES
    return part.lead[:1] in ",–—-"


def _lists_names(parts: Sequence[_Part]) -> bool:
    """Whether a name follows the role after a name: "A, Role, B, ..." lists roles before names."""
    for part in parts[1:]:
        if any(run.size >= 2 and run.start == 0 for run in part.runs):
            return True
        if not opens_role(part):
            return False
    return False


def _role_parts(parts: Sequence[_Part]) -> Iterator[str]:
    """The texts of the parts after a name, up to a part that holds a full name.

    One by one: `role_after` reads them only as far as the role goes, and the
    parts after it are not read for names.
    """
    for part in parts:
        if any(run.size >= 2 and run.start == 0 for run in part.runs):
            return
        yield " ".join(part)


def _in_subject(word: str) -> bool:
    """Whether a word may stand before a subject in its clause: titles, roles, their links."""
    key = word.casefold()
    if key in ARTICLES or key in _SUBJECT_LINKS or key in _ROLE_CUES:
        return True
    if word[:1].isupper():
        return key not in FUNCTION_WORDS
    return possessive_stem(word) is not None


def _is_subject(sentence: _Sentence, index: int, at: int) -> bool:
    """Whether the person named at word `at` of part `index` is the sentence's subject.

    Only a title or role may stand before it in its part; the parts before it
    must be an introductory phrase ("In Kyiv,", "Opening the course,") or roles
    ("The Head of the Unit, A B, said").
    """
    if not all(_in_subject(word) for word in sentence[index][:at]):
        return False
    if not index:
        return True
    lead = sentence[0][0]
    if lead[:1].isupper() and (lead.casefold() in _INTRODUCTIONS or lead.endswith("ing")):
        return True
    return all(_in_subject(word) for part in sentence[:index] for word in part)


def find_people(body: Body) -> People:
    """The index of the people a body names, and the subjects of its sentences.

    Extractors read it as `Body.people`, which calls this once.

    Args:
        body: The document's body.
    """
    people = People(body)
    people._collect()
    people._mentions()
    return people
