"""Quotes: the words a release puts in someone's mouth, and who that someone is.

A quotation mark alone proves nothing: releases put campaign names and scare
quotes ("the so-called “safe harbour”") between the same marks as speech. A quote
is therefore only kept when something attributes it to a person. The
attributions read::

    “...,” said Ambassador A B, OSCE Project Co-ordinator in Ukraine.   verb first
    “...,” A B, a consultant on the hotline, said.                      speaker first
    “...,” according to A B.
    "..." said A B                                    no punctuation before the mark
    «...», A B, co-founder of the C NGO.                                no verb at all
    OSCE Secretary General A B said: “...”                              before, with ":"
    A B said that “...”   /   According to A B, “...”
    In her opening speech Ambassador A B underlined “...”               a speech noun
    ..., as A B, Head of C, explains, “...”
    The course was opened by A B, who said: “...”
    A B said the course “is an investment”.                             a fragment
    “...,” said B.   /   “...,” said Ms. B.                             a short reference
    “...,” she added.   /   “...,” the Ambassador said.                 a reference

Names are resolved against the index of the document's people
(`osce_thb._people`): a surname, or a title and a surname, is the person the
text names in full anywhere, and a speaker is always named as that person is.

A named attribution after the quote wins over one before it, and either wins
over a reference: "he" or "she" is the most recent speaker of the document, or
the person a later sentence is about (its subject: "A B, a psychologist,
described ... “...,” she said."), and no one when there is neither; "the
Ambassador" is the most recent speaker when his or her title or role holds the
word. How a name, its title and its role are told apart is the business of
`_find_name` and `_parse_speaker`.

A quote with no attribution of its own is kept only as a continuation:

* in the same paragraph, after an attributed quote, when it opens a sentence or
  clause (the text before it ends in punctuation), holds at least two words, and
  no verb of saying stands between it and the previous attribution
  (``“A,” said X. “B.”`` gives two quotes by X; ``said X of the “safe harbour”``
  gives one);
* in the same paragraph, after a sentence that reports what a person of the
  index said ("A B said the Mission monitors the situation. “We work with
  every partner.”"), when the quote is a sentence of its own;
* at the start of the next paragraph, when the previous paragraph's last quote
  was attributed and either was left open at the paragraph's end (the usual way
  to run a quote over several paragraphs), or the new paragraph is nothing but
  that quote; also after a paragraph that ends by introducing a quote
  ("X said:"), or, having no quote, ends with a sentence that reports what a
  person said. A paragraph that quotes among other words of its own, or one
  after a paragraph without an attributed quote, continues nobody.

A quote whose attribution is there but names nobody ("“...,” participants
said.") is dropped, and breaks the chain of continuations.

Every scan is linear: quotation marks are found with a one-character class,
and the attribution around a quote is read from a window of at most
`_WINDOW` characters, so that a paragraph of nothing but quotation marks,
commas or capitalised words costs time proportional to its length.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, NamedTuple

import attrs

from osce_thb._names import (
    ARTICLES,
    NAME,
    PART,
    ROLE_NOUNS,
    TITLE_WORDS,
    VERB,
    may_precede_name,
    opens_role,
    role_after,
    role_words,
    runs,
    split_title,
    tidy_role,
    token_kind,
)
from osce_thb._sentences import first_end, last_start
from osce_thb.model import Quote, Speaker

if TYPE_CHECKING:
    from collections.abc import Sequence

    from osce_thb._body import Body
    from osce_thb._people import Entry, People

__all__ = ["find_quotes"]

_WINDOW = 300
"""How far before or after a quote its attribution may stand, in characters."""

_MAX_VERBS = 4
"""How many verbs of saying are tried in one window (the rest is never an attribution)."""

_MAX_REFERENCE = 6
"""How many words a reference such as "the Head of the Mission" holds at most."""

# --------------------------------------------------------------------------- patterns

_MARK = re.compile(
    r"""
    ["“”«»„]        # straight, curly, guillemets and the low-9 opening mark
    """,
    re.VERBOSE,
)

_NEXT = re.compile(
    r"""
    \s{0,300}(\S)     # the next character after a few spaces (no match at the text's end)
    """,
    re.VERBOSE,
)

_OPENING = '“"«„'
_FINAL = ".!?…"
_ATTRIBUTION_PUNCT = ",.!?…;:—–-"
"""What a quote ends with when an attribution follows it (scare quotes end in a word)."""
_JUNK = " \t\n,;:–—-"
"""What surrounds the speaker in an attribution without being part of it."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --------------------------------------------------------------------------- lexicons

_LABEL_LEADS = _words(
    """
    a an the this that these those its their his her our my your so-called called dubbed named
    titled entitled as of for from in on at by to with into about under against like than
    new our own first second
    """
)
"""Words after which quoted words are a name or label, not speech: "the so-called “...”"."""

_SMALL_WORDS = _words("a an the of in on for and or to at by with from against into")
"""Words left lowercase in titles ("Combating Trafficking in Human Beings")."""

_CONJUNCTIONS = _words("and but while whereas then also so as")
"""Words that may lead a clause of attribution: ", and A B added: “...”"."""

_SPEECH_NOUNS = _words(
    """
    speech speeches remarks address statement words presentation message keynote greeting
    greetings interview comments
    """
)
"""Nouns of speaking that may end an opening phrase before a name: "In her speech A B said"."""

_SAME_SUBJECT = _words("and but then also further later again so")
"""An attribution of only these words keeps the paragraph's speaker: "“A,” and added: “B”"."""

_TRAILER = _words(
    """
    also later then further again once recently earlier today yesterday has had have
    will would could can may might once firmly clearly rightly simply himself herself
    from of at in on during with for to before after when while as who
    """
)
"""Words that may follow a name before its verb: "A B also said", "A B from C said"."""


# --------------------------------------------------------------------------- spans


class _Span(NamedTuple):
    """One quotation found in a paragraph.

    Attributes:
        open: Offset of the opening mark.
        close: Offset just after the closing mark (the paragraph's end when unclosed).
        start: Offset of the first quoted character.
        end: Offset just after the last quoted character.
        closed: Whether a closing mark ends it.
    """

    open: int
    close: int
    start: int
    end: int
    closed: bool


# `tuple.__new__` makes a NamedTuple without its Python-level `__new__`: one is made for
# every quotation and every attribution read.
_new_span = functools.partial(tuple.__new__, _Span)


def _scan(text: str) -> list[_Span]:
    """Find the quotations of a paragraph in one pass over its quotation marks.

    Copies mix their marks, so any straight or curly mark closes a quote that a
    straight, curly or low-9 mark opened (a straight opening with a curly
    closing is common), and guillemets pair only with each other. Inside a
    quote, an opening mark after a space and before a letter opens a quote
    within the quote ("the “safe harbour” rule"), which the next mark closes;
    any other mark closes the quote, a “ glued to the word before it included
    (a common typo). Outside, a ” before a word opens (the reverse typo). A
    quote left open runs to the paragraph's end.
    """
    spans: list[_Span] = []
    opener = ""
    start = 0
    inner = False
    for match in _MARK.finditer(text):
        mark = match.group()
        at = match.start()
        if not opener:
            if mark in _OPENING or (mark == "”" and _opens_word(text, at)):
                opener, start = mark, at
            continue
        if opener == "«":
            closes = mark == "»"
        elif inner:
            inner = _opens_word(text, at)  # a second opening-like mark keeps it open
            continue
        elif mark in _OPENING and _opens_word(text, at):
            inner = True
            continue
        else:
            closes = mark in '”"“'
        if closes:
            spans.append(_new_span((start, at + 1, start + 1, at, True)))
            opener = ""
    if opener:
        spans.append(_new_span((start, len(text), start + 1, len(text), False)))
    return spans


def _has_mark(text: str) -> bool:
    """Whether `text` holds a quotation mark (`_MARK`): six substring searches cost less."""
    return '"' in text or "“" in text or "”" in text or "«" in text or "»" in text or "„" in text


def _opens_word(text: str, at: int) -> bool:
    """Whether the mark at `at` opens a quote: after a space (or the start), before a word."""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isspace() or before in "([{") and after.isalnum()


def _clean(quoted: str) -> str:
    """The quoted words without the comma that leads into the attribution."""
    return quoted.strip().rstrip(",").rstrip()


def _is_title(quoted: str) -> bool:
    """Whether quoted words are a title or a name ("Know Your Rights"), never speech.

    That is two or more words, every one capitalised but for small words such
    as "of" and "the": speech in title case is rarer than titles that a
    reporter happens to attribute ("the handbook “A B C,” which, D said, ...").
    """
    # Speech shows a lower-case word within its first few: only a quote whose
    # first words are all capitalised or small is split to its end.
    words = quoted.split(None, _TITLE_PEEK)
    capitalised = _capitalised(words[:_TITLE_PEEK])
    if capitalised is not None and len(words) > _TITLE_PEEK:
        rest = _capitalised(words[_TITLE_PEEK].split())
        capitalised = None if rest is None else capitalised + rest
    return capitalised is not None and capitalised >= 2


_TITLE_PEEK = 6
"""How many words of a quote `_is_title` reads before it splits the rest."""


def _capitalised(words: Sequence[str]) -> int | None:
    """How many of `words` are capitalised, small words aside; None if one is lower-case."""
    capitalised = 0
    for word in words:
        if word.casefold() in _SMALL_WORDS or not word[:1].isalpha():
            continue
        if not word[:1].isupper():
            return None
        capitalised += 1
    return capitalised


# --------------------------------------------------------------------------- speakers


class _Name(NamedTuple):
    """A name found in a part of an attribution, with its title and the role before it."""

    title: str | None
    name: tuple[str, ...]
    role: str | None
    single: bool


def _find_name(
    tokens: Sequence[str], *, verb_first: bool, initial: bool, known: People
) -> _Name | None:
    """The first run of name words in `tokens` that reads as a person's name.

    Rules, for a run of capitalised words (particles such as "van" allowed inside):

    * a title just before it is split off ("Ambassador", "Dr.", "His Excellency"),
      several honorifics together ("Prof. Dr."); a rank or office after other
      words joins the role instead ("OSCE Secretary General");
    * the word before must be a role, a title, a speech noun ("In her speech A B")
      or capitalised: "thanked A B" and "trained by A B" are not attributions to
      A B; a run of three or more after such a word ("Mayor of Odesa A B") keeps
      its last two words; an article alone before it makes it an institution's
      ("the Oliy Majlis");
    * two to four words; or one, when it has a title, names a person of the
      document's index (`osce_thb._people`), follows a role noun ("the survivor
      Dilnoza") or starts its part without opening the sentence (a capitalised
      "Trainers said" is no name);
    * before a verb ("A B also said"), only adverbs, prepositional phrases and
      brackets may follow it.
    """
    kinds = list(map(token_kind, tokens))
    for start, end in runs(kinds):
        found = _read_run(tokens, kinds, start, end, verb_first, initial, known)
        if found is not None:
            return found
    return None


def _find_last_name(tokens: Sequence[str], known: People) -> _Name | None:
    """The last run of name words in `tokens`, wherever it stands ("opened by A B").

    For the antecedent of "who" in "the course was opened by A B, who said:": the
    name may be the object of another verb, so the word before it is not checked.
    """
    kinds = list(map(token_kind, tokens))
    found: _Name | None = None
    for start, end in runs(kinds):
        found = _read_run(tokens, kinds, start, end, True, False, known, loose=True) or found
    return found


def _read_run(
    tokens: Sequence[str],
    kinds: Sequence[int],
    start: int,
    end: int,
    verb_first: bool,
    initial: bool,
    known: People,
    *,
    loose: bool = False,
) -> _Name | None:
    """Check one run of name words against the rules of `_find_name`.

    `loose` drops the rules on the word before the name (see `_find_last_name`).
    """
    title_start, title_kind = split_title(tokens, start)
    prefix = list(tokens[:title_start])
    count = kinds[start:end].count(NAME)
    if not title_kind and prefix and prefix[-1].casefold() in ARTICLES:
        return None  # "the Oliy Majlis": an institution
    if prefix and not loose and not _may_precede_name(prefix[-1]):
        if title_kind or count < 3:
            return None
        while count > 2:  # "of Odesa A B": the place ends the role
            start += 1
            while kinds[start] != NAME:
                start += 1
            count -= 1
        title_start, prefix = start, list(tokens[:start])
    if count > 4:
        return None
    if (
        count == 1
        and not title_kind
        and not known.knows(tokens[start])
        and (initial or (prefix and not loose and prefix[-1].casefold() not in ROLE_NOUNS))
    ):
        return None  # a lone word is a name only where nothing else could be
    trailer = tokens[end:]
    if trailer and not verb_first and not _trails(trailer[0]):
        return None
    while prefix and prefix[0].casefold() in _CONJUNCTIONS:
        prefix = prefix[1:]
    title = " ".join(tokens[title_start:start]) or None
    role = role_words(prefix) if prefix else None
    return _Name(title, tuple(tokens[start:end]), role, single=count == 1)


def _may_precede_name(token: str) -> bool:
    """Whether a word may stand just before a speaker's name.

    An article, a role or title ("police lieutenant A B"), a speech noun ("In
    her opening speech A B"), or any capitalised word but a function word.
    """
    key = token.casefold()
    return key in TITLE_WORDS or key in _SPEECH_NOUNS or may_precede_name(token)


def _trails(token: str) -> bool:
    """Whether `token` may follow a name and lead to its verb ("also", "from", "(PCU)")."""
    return token[:1] in "([" or token.casefold() in _TRAILER


# --------------------------------------------------------------------------- attribution


class _Candidate(NamedTuple):
    """Words that may name a quote's speaker, and how to read them.

    Attributes:
        text: The words ("Ambassador A B, Head of C" or "she").
        verb_first: Whether they follow the verb ("said A B"), else precede it.
        initial: Whether they open a sentence, where a lone capitalised word is weak.
        end: Offset in the paragraph where the attribution ends.
    """

    text: str
    verb_first: bool
    initial: bool
    end: int


_new_candidate = functools.partial(tuple.__new__, _Candidate)

_NONE, _WEAK, _NAMED = 0, 1, 2
"""How an attribution names its speaker: not at all, by pronoun or reference, by name."""


class _State:
    """What the document has said so far about its speakers.

    Attributes:
        people: The index of the document's people, which speakers join.
        last: The latest speaker, and `last_at` where the quote stood.
        at: Where the quote being attributed stands: its block and offset.
        entries: The person of the index behind each speaker's name.
    """

    __slots__ = ("at", "entries", "last", "last_at", "people")

    def __init__(self, people: People) -> None:
        self.people = people
        self.last: Speaker | None = None
        self.last_at = (-1, -1)
        self.at = (0, 0)
        self.entries: dict[str, Entry] = {}

    def remember(self, speaker: Speaker) -> None:
        """Make `speaker` the latest, the one pronouns refer to."""
        self.last = speaker
        self.last_at = self.at

    def speaker(self, entry: Entry, title: str | None = None, role: str | None = None) -> Speaker:
        """The speaker for a person of the index, with the title and role the quote gives.

        Without them, the person's first title and role in the document stand in.
        """
        speaker = Speaker(name=entry.name, title=title or entry.title, role=role or entry.role)
        self.entries[speaker.name] = entry
        return speaker

    def complete(self, found: _Name, role: str | None) -> Speaker:
        """The speaker for a name found in an attribution, as the index of people knows it.

        A lone surname or first name ("Jarbussynova added") is the person of the
        document with that name; a full name is the person of that name, who joins
        the index when new.
        """
        entry = self.people.add(found.name, title=found.title, role=role, at=self.at)
        return self.speaker(entry, found.title, role)

    def pronoun(self) -> Speaker | None:
        """Whom "he" or "she" refers to: the latest speaker or subject of a sentence."""
        focus = self.people.focus(*self.at)
        if focus is not None and (self.last is None or focus[0] > self.last_at):
            return self.speaker(focus[1])
        return self.last


def _parse_speaker(candidate: _Candidate, state: _State) -> Speaker | None:
    """Read a speaker from the words of an attribution split at commas and dashes.

    The first part holding a name gives name and title; the role is what follows
    the name (`role_after`), else the words before it in its part ("OSCE
    Secretary General A B"), else the part just before it ("the Head of the
    Office in C, Ambassador A B"). After the verb, only roles may come before
    the name: "said, after a long pause, A B" is too loose to trust.
    """
    parts = [part.strip() for part in PART.split(candidate.text)]
    while parts and not parts[-1]:
        parts.pop()
    if not candidate.verb_first and len(parts) > 1 and parts[-1].casefold() == "who":
        return _parse_antecedent(parts[:-1], state)
    for index, part in enumerate(parts):
        tokens = part.split()
        while tokens and tokens[0].casefold() in _CONJUNCTIONS:
            tokens = tokens[1:]
        if not tokens:
            continue
        found = _find_name(
            tokens,
            verb_first=candidate.verb_first,
            # a lone capitalised word opening the sentence is a name only when
            # something is set off after it: "Dilnoza, 25, said" but not "Trainers said"
            initial=candidate.initial and index == 0 and index + 1 == len(parts),
            known=state.people,
        )
        if found is None:
            if candidate.verb_first and role_words(tokens) is None:
                return None
            continue
        role = role_after(parts[index + 1 :]) or found.role
        if role is None and index:
            words = parts[index - 1].split()
            role = role_words(words) if words else None
        return state.complete(found, role)
    return None


def _parse_antecedent(parts: Sequence[str], state: _State) -> Speaker | None:
    """The speaker of "..., A B, Role, who said:": the last name before the roles."""
    for index in range(len(parts) - 1, -1, -1):
        tokens = parts[index].split()
        found = _find_last_name(tokens, state.people) if tokens else None
        if found is not None:
            return state.complete(found, role_after(parts[index + 1 :]) or found.role)
        if not tokens or role_words(tokens) is None:
            return None
    return None


def _parse_reference(words: Sequence[str], state: _State) -> Speaker | None:
    """Whom "the Ambassador" or "the Head of Mission" refers to: the latest speaker or subject.

    Every word of the reference but small ones ("the", "of") must stand in the
    person's title or role: "the Head of Mission" is the latest speaker whose
    role is "Head of the OSCE Mission to C", else the person the latest
    sentence was about.
    """
    wanted = {_fold(word) for word in words if word.casefold() not in _SMALL_WORDS}
    if not wanted:
        return None
    last = state.last
    if last is not None and wanted <= _held(last.title, last.role):
        return last
    focus = state.people.focus(*state.at)
    if focus is not None and focus[0] > state.last_at:
        entry = focus[1]
        if wanted <= _held(*entry.titles, *entry.roles):
            return state.speaker(entry)
    return None


def _fold(word: str) -> str:
    return word.casefold().strip(".,").replace("coordinator", "co-ordinator")


def _held(*texts: str | None) -> set[str]:
    """The words of titles and roles, as `_parse_reference` compares them."""
    return {_fold(word) for text in texts if text for word in text.split()}


def _resolve(
    candidate: _Candidate, state: _State, current: Speaker | None
) -> tuple[Speaker | None, int]:
    """The speaker a candidate names, and how strongly (`_NAMED`, `_WEAK` or `_NONE`).

    Pronouns ("he", "she", "she later") give the document's latest speaker; an
    attribution with no subject of its own (", and added:") keeps the
    paragraph's current speaker; "the Ambassador" gives the latest speaker when it
    matches; anything else must hold a name.
    """
    words = candidate.text.strip(_JUNK + ".").split()
    if not words:
        if not candidate.verb_first and current is not None:
            return current, _WEAK
        return None, _NONE
    first = words[0].casefold()
    if all(word.casefold() in _SAME_SUBJECT for word in words):
        return (current, _WEAK) if current is not None else (None, _NONE)
    if first in ("he", "she") and len(words) <= 3 and all(w.islower() for w in words[1:]):
        speaker = state.pronoun()
        return (speaker, _WEAK) if speaker is not None else (None, _NONE)
    if first == "the" and len(words) <= _MAX_REFERENCE:
        speaker = _parse_reference(words, state)
        if speaker is not None:
            return speaker, _WEAK
    speaker = _parse_speaker(candidate, state)
    return (speaker, _NAMED) if speaker is not None else (None, _NONE)


def _parse_after(text: str, span: _Span, quoted: str, limit: int) -> list[_Candidate]:
    """Read the attribution after a quote: `“...,” said A B, Role.`, `“...,” A B said.`.

    Rule: the quote ends in punctuation (or a comma follows the closing mark), and
    a verb of saying stands in the rest of the sentence; the words between the
    mark and the verb are the speaker, or, when there are none, the words after
    the verb. A new sentence after a quote ending in a full stop may introduce the
    next quote instead ("“A.” B C said: “D.”"): then it is not read here.
    """
    if not span.closed:
        return []
    high = min(limit, span.close + _WINDOW)
    window = text[span.close : high]
    lead = window.lstrip()
    ending = quoted.rstrip()[-1:]
    if (
        not (ending and ending in _ATTRIBUTION_PUNCT)
        and not lead.startswith((",", "–", "—"))
        and not _verb_follows(text, span, lead, quoted)
    ):
        return []
    new_sentence = ending in _FINAL and lead[:1].isupper()
    stop = first_end(window)
    sentence = window if stop is None else window[:stop]
    if len(sentence) == len(window):
        if new_sentence and sentence.rstrip().endswith(":"):
            return []
        if high < limit:  # cut off by the window: drop the last, perhaps partial, part
            sentence = _drop_partial(sentence, at_end=True)
    end = span.close + len(sentence)
    found: list[_Candidate] = []
    for count, match in enumerate(VERB.finditer(sentence)):
        if count == _MAX_VERBS:
            break
        before = sentence[: match.start()].strip(_JUNK)
        if before and not match.group().casefold().startswith("according"):
            found.append(_new_candidate((before, False, new_sentence, end)))
        else:
            found.append(_new_candidate((sentence[match.end() :], True, False, end)))
            break
    if not found and (ending == "," or lead.startswith(",")) and _is_apposition(sentence, quoted):
        found.append(_Candidate(sentence, True, False, end))
    return found


def _verb_follows(text: str, span: _Span, lead: str, quoted: str) -> bool:
    """Whether a verb of saying follows a quote that ends without punctuation.

    `“... hand in hand” said A B`: a sentence of at least three words, not a
    label ("the “Safe Home” said to be ..."), followed at once by the verb.
    """
    if len(quoted.split()) < 3 or not VERB.match(lead):
        return False
    before = text[max(0, span.open - 20) : span.open].split()
    return not before or before[-1].casefold() not in _LABEL_LEADS


def _is_apposition(sentence: str, quoted: str) -> bool:
    """Whether the sentence after a quote names its speaker with no verb at all.

    `«...», A B, co-founder of the C NGO.`: the quote is a sentence of at least
    three words ending in a comma, and what follows it is a name (with a title
    perhaps) and nothing else, then a role set off by a comma, and nothing but
    the role to the sentence's end (`«...», A B, head of C, presented it.` is a
    title presented, not a quote).
    """
    parts = [part.strip() for part in PART.split(sentence)]
    parts = [part for part in parts if part]
    if len(quoted.split()) < 3 or len(parts) < 2 or not opens_role(parts[1].split()):
        return False
    if role_after(parts[1:]) != tidy_role(", ".join(parts[1:])):
        return False
    tokens = parts[0].split()
    kinds = list(map(token_kind, tokens))
    spans = list(runs(kinds))
    if len(spans) != 1 or spans[0][1] != len(tokens):
        return False
    start, end = spans[0]
    return split_title(tokens, start)[0] == 0 and 2 <= kinds[start:end].count(NAME) <= 4


def _drop_partial(text: str, *, at_end: bool) -> str:
    """`text` without its part (or word) at the end or start where a window cut it.

    An attribution is never as long as the window, so what stands there is at
    best the tail of one; reading half a name from it would invent a speaker.
    """
    if at_end:
        cut = max(text.rfind(","), text.rfind(";"))
        return text[:cut] if cut >= 0 else text[: max(text.rfind(" "), 0)]
    cut = max(text.find(","), text.find(";"))
    if cut < 0:
        cut = text.find(" ")
    return text[cut + 1 :] if cut >= 0 else ""


def _introduces(rest: str) -> bool:
    """Whether the words after a verb lead into a quote: ":", ",", "that", "at the forum:"."""
    rest = rest.strip()
    return not rest or rest in (",", ":", "that") or rest.endswith((":", " that", " that,"))


def _parse_before(
    text: str, span: _Span, low: int, low_starts_sentence: bool, quoted: str = ""
) -> list[_Candidate]:
    """Read the attribution before a quote: `A B, Role, said: “...”`, `According to A B, “...”`.

    Rule: in the sentence before the opening mark, a verb of saying is followed
    only by words that lead into the quote (a colon, a comma, "that"); the words
    before the verb are the speaker ("according to" takes the words after it).
    Failing that, a quoted fragment inside reported speech ("A B said the course
    “is an investment”") is the speaker's when `_is_fragment` allows it.
    """
    begin = max(low, span.open - _WINDOW)
    if VERB.search(text, begin, span.open) is None:
        return []
    window = text[begin : span.open]
    cut = last_start(window)
    sentence = window[cut:]
    if not cut and begin > low:  # cut off by the window: drop the first, perhaps partial, part
        sentence = _drop_partial(sentence, at_end=False)
    initial = cut > 0 or (begin == low and low_starts_sentence)
    verbs = list(VERB.finditer(sentence))[-_MAX_VERBS:]
    found: list[_Candidate] = []
    for match in reversed(verbs):
        rest = sentence[match.end() :]
        if match.group().casefold().startswith("according"):
            if rest.rstrip().endswith((",", ":")):
                found.append(_new_candidate((rest, True, False, span.close)))
            continue
        if _introduces(rest):
            found.append(_new_candidate((sentence[: match.start()], False, initial, span.close)))
    if not found and verbs and _is_fragment(sentence[verbs[-1].end() :], quoted):
        found.append(_Candidate(sentence[: verbs[-1].start()], False, initial, span.close))
    return found


def _is_fragment(between: str, quoted: str) -> bool:
    """Whether quoted words after "A B said ..." are a fragment of speech, not a label.

    A fragment holds at least two words, not all capitalised (that is a title:
    "said the “Safe Home” project"), stands in the same clause as the verb (at
    most a dozen words away, no colon), and the word before it is not one that
    introduces a name or label ("the", "so-called", "of", "as", "called").
    """
    words = between.split()
    if not words or len(words) > 12 or ":" in between or len(quoted.split()) < 2:
        return False
    if all(word[:1].isupper() for word in quoted.split() if word[:1].isalpha()):
        return False
    return words[-1].casefold().strip(",;") not in _LABEL_LEADS


def _attribute(
    text: str,
    span: _Span,
    raw: str,
    limit: int,
    previous: tuple[int, bool],
    state: _State,
    current: Speaker | None,
) -> tuple[Speaker | None, int, bool]:
    """Pick a quote's speaker: a name after the quote, a name before it, then a pronoun.

    The attribution before the quote is only read when the one after it names
    nobody, which spares most quotes half the work.

    Returns:
        The speaker (or None), where the attribution ends (-1 when it stands
        before the quote), and whether any attribution was there at all, even
        one that names nobody.
    """
    best: tuple[Speaker | None, int] = (None, -1)
    best_strength = _NONE
    after = _parse_after(text, span, raw, limit)
    for candidate in after:
        speaker, strength = _resolve(candidate, state, current)
        if strength == _NAMED:
            return speaker, candidate.end, True
        if strength > best_strength:
            best, best_strength = (speaker, candidate.end), strength
    before = _parse_before(text, span, *previous, _clean(raw))
    for candidate in before:
        speaker, strength = _resolve(candidate, state, current)
        if strength == _NAMED:
            return speaker, -1, True
        if strength > best_strength:
            best, best_strength = (speaker, -1), strength
    return best[0], best[1], bool(after or before)


# --------------------------------------------------------------------------- paragraphs


class _Carry(NamedTuple):
    """What a paragraph passes on to the next: a speaker whose words may go on.

    Attributes:
        speaker: Who spoke last in the paragraph.
        kind: "open" (a quote left open at its end), "closed" (its last quote was
            attributed, or, in a paragraph without quotes, its last sentence
            reports what someone said: `_reports`), or "intro" (it ends by
            introducing a quote: "A B said:").
    """

    speaker: Speaker
    kind: str


def _continues(text: str, span: _Span, quoted: str, gap_start: int, previous_close: int) -> bool:
    """Whether an unattributed quote goes on in the voice of the paragraph's speaker.

    It must open a sentence or clause (punctuation or a closing mark before it,
    not a word as in "the so-called “safe harbour”"), hold at least two words,
    and no verb of saying may stand between it and the previous attribution.
    """
    at = span.open - 1
    while at >= previous_close and text[at].isspace():
        at -= 1
    if at >= previous_close and text[at] not in ".!?…:;,–—":
        return False
    if VERB.search(text, gap_start, span.open):
        return False
    return " " in quoted


def _carries_over(text: str, span: _Span, carry: _Carry | None) -> Speaker | None:
    """The speaker of a paragraph's first quote when it continues the previous paragraph."""
    if carry is None or text[: span.open].strip():
        return None
    if carry.kind == "closed" and (not span.closed or any(c.isalnum() for c in text[span.close :])):
        return None
    return carry.speaker


def _read_paragraph(
    text: str, index: int, state: _State, carry: _Carry | None, found: list[Quote]
) -> _Carry | None:
    """Append the attributed quotes of one paragraph to `found`; return what carries over."""
    spans = _scan(text)
    current: Speaker | None = None
    gap_start = 0
    previous_close = 0
    previous_final = True
    last_speaker: Speaker | None = None
    for position, span in enumerate(spans):
        raw = text[span.start : span.end]
        quoted = _clean(raw)
        speaker: Speaker | None = None
        if quoted and not _is_title(quoted):
            state.at = (index, span.open)
            limit = spans[position + 1].open if position + 1 < len(spans) else len(text)
            previous = (previous_close, previous_final)
            speaker, end, attempted = _attribute(text, span, raw, limit, previous, state, current)
            if speaker is None and attempted:
                current = None  # an attribution that names nobody: nobody's words go on
            elif speaker is None:
                end = -1
                if current is not None:
                    if _continues(text, span, quoted, gap_start, previous_close):
                        speaker = current
                elif position == 0:
                    speaker = _carries_over(text, span, carry)
                if speaker is None:
                    speaker = _reported(text, span, quoted, state)
            if speaker is not None:
                found.append(Quote(text=quoted, speaker=speaker, block=index))
                state.remember(speaker)
                current = speaker
                gap_start = max(end, span.close)
        last_speaker = speaker
        previous_close = span.close
        previous_final = raw.rstrip()[-1:] in _FINAL
    tail_start = spans[-1].close if spans else 0
    if text.rstrip().endswith(":"):
        intro = _Span(len(text), len(text), len(text), len(text), closed=False)
        for candidate in _parse_before(text, intro, tail_start, previous_final):
            speaker, _ = _resolve(candidate, state, current)
            if speaker is not None:
                return _Carry(speaker, "intro")
        return None
    if last_speaker is None:
        return None
    last = spans[-1]
    return _Carry(last_speaker, "closed" if last.closed else "open")


def _reported(text: str, span: _Span, quoted: str, state: _State) -> Speaker | None:
    """The speaker of a quote that follows a sentence reporting what someone said.

    "A B said the Mission monitors the situation. “We work with every partner.”":
    the quote is a sentence of its own (`_is_sentence`), and the sentence before
    it, without quotation marks, has a person of the index for its subject and
    a verb of saying.
    """
    end = span.open
    low = max(0, end - _WINDOW)
    while end > low and text[end - 1].isspace():
        end -= 1
    if end == low or text[end - 1] not in ".!?…:" or not _is_sentence(text, span, quoted):
        return None
    start = last_start(text, low, end - 1)
    if _MARK.search(text, start, span.open) or not VERB.search(text, start, span.open):
        return None
    entry = state.people.subject_between(state.at[0], start, span.open)
    return state.speaker(entry) if entry is not None else None


def _is_sentence(text: str, span: _Span, quoted: str) -> bool:
    """Whether a quote is a sentence of its own, not a label inside one.

    It holds at least two words and ends the sentence: with final punctuation
    inside the marks, or just after them, or at the paragraph's end ("“Be safe
    abroad” leaflets were handed out" is no sentence).
    """
    if " " not in quoted:
        return False
    if quoted[-1] in _FINAL:
        return True
    after = _NEXT.match(text, span.close)
    return after is None or after.group(1) in _FINAL


def _reports(text: str, index: int, state: _State) -> _Carry | None:
    """What a paragraph without quotes passes on: the speaker of its last sentence, if it reports.

    "A B said the Mission monitors the situation." then a paragraph that is
    nothing but “We work with every partner.”: the quote is A B's. The last
    sentence must have a person of the index for its subject and a verb of saying.
    """
    if state.people.subject_between(index, 0, len(text)) is None:
        return None  # the common case, decided without reading the sentences
    body = text.rstrip()
    if not body or body[-1] not in _FINAL:
        return None
    start = last_start(body[:-1])
    if not VERB.search(body, start):
        return None
    entry = state.people.subject_between(index, start, len(body))
    return _Carry(state.speaker(entry), "closed") if entry is not None else None


def find_quotes(body: Body) -> tuple[Quote, ...]:
    """Every attributed quote of a body, in order, with its speaker and block.

    Args:
        body: The document's body; a quote's `block` is a block's index in it.
            Its index of people (`Body.people`) resolves short references
            ("Koval", "Ms. Koval"), and the speakers found join it.

    Returns:
        The quotes, each without its quotation marks and without the comma that
        leads into its attribution. Quoted words that nothing attributes to a
        person (scare quotes, names of campaigns) are left out; see the module's
        documentation for the rules. Each speaker's name is the name of a person
        of `body.people`, in its fullest form.
    """
    state = _State(body.people)
    found: list[Quote] = []
    carry: _Carry | None = None
    for index, text in enumerate(body.texts):
        if not _has_mark(text) and not text.rstrip().endswith(":"):
            carry = _reports(text, index, state)
            continue
        carry = _read_paragraph(text, index, state, carry, found)
    state.people.settle()
    return tuple(_named(quote, state) for quote in found)


def _named(quote: Quote, state: _State) -> Quote:
    """The quote with its speaker named as the index names the person at the end.

    A person first known by surname ("Mr. Brandt") may be named in full later.
    """
    name = state.entries[quote.speaker.name].name
    if name == quote.speaker.name:
        return quote
    return Quote(text=quote.text, speaker=attrs.evolve(quote.speaker, name=name), block=quote.block)
