"""Quotes: the words a release puts in someone's mouth, and who that someone is.

A quotation mark alone proves nothing: releases put campaign names and scare
quotes ("the so-called “safe harbour”") between the same marks as speech. A quote
is therefore only kept when something attributes it to a person. The
attributions read::

    “...,” said Ambassador A B, OSCE Project Co-ordinator in Ukraine.   verb first
    “...,” A B, a consultant on the hotline, said.                      speaker first
    “...,” according to A B.
    OSCE Secretary General A B said: “...”                              before, with ":"
    A B said that “...”   /   According to A B, “...”
    The course was opened by A B, who said: “...”
    A B said the course “is an investment”.                             a fragment
    “...,” she added.   /   “...,” the Ambassador said.                 a reference

A named attribution after the quote wins over one before it, and either wins
over a reference: "he" or "she" is the most recent speaker of the document (no
quote at all when there is none yet), and "the Ambassador" is the most recent
speaker when his or her title or role holds the word. How a name, its title
and its role are told apart is the business of `_find_name` and `_parse_speaker`.

A quote with no attribution of its own is kept only as a continuation:

* in the same paragraph, after an attributed quote, when it opens a sentence or
  clause (the text before it ends in punctuation), holds at least two words, and
  no verb of saying stands between it and the previous attribution
  (``“A,” said X. “B.”`` gives two quotes by X; ``said X of the “safe harbour”``
  gives one);
* at the start of the next paragraph, when the previous paragraph's last quote
  was attributed and either was left open at the paragraph's end (the usual way
  to run a quote over several paragraphs), or the new paragraph is nothing but
  that quote; also after a paragraph that ends by introducing a quote
  ("X said:"). A paragraph that quotes among other words of its own, or one
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

from osce_thb.model import Quote, Speaker

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from osce_thb._body import Body

__all__ = ["find_quotes"]

_WINDOW = 300
"""How far before or after a quote its attribution may stand, in characters."""

_MAX_VERBS = 4
"""How many verbs of saying are tried in one window (the rest is never an attribution)."""

# --------------------------------------------------------------------------- patterns

_MARK = re.compile(
    r"""
    ["“”«»„]        # straight, curly, guillemets and the low-9 opening mark
    """,
    re.VERBOSE,
)

_VERB = re.compile(
    r"""
    (?<![\w-])                  # a whole word: nothing glued before it ...
    (?:
        sa(?:id|ys|y)           # said, says, say
      | add(?:ed|s)
      | not(?:ed|es)
      | stress(?:ed|es)
      | emphasi[sz](?:ed|es)
      | explain(?:ed|s)
      | stat(?:ed|es)
      | underlin(?:ed|es)
      | underscor(?:ed|es)
      | comment(?:ed|s)
      | point(?:ed|s)\s+out
      | conclud(?:ed|es)
      | highlight(?:ed|s)
      | remarked
      | observ(?:ed|es)
      | declar(?:ed|es)
      | announc(?:ed|es)
      | told | tells
      | ask(?:ed|s)
      | warn(?:ed|s)
      | urg(?:ed|es)
      | insist(?:ed|s)
      | recall(?:ed|s)
      | reiterat(?:ed|es)
      | affirm(?:ed|s)
      | acknowledg(?:ed|es)
      | admit(?:ted|s)
      | continu(?:ed|es)
      | agre(?:ed|es)
      | disagre(?:ed|es)
      | argu(?:ed|es)
      | believ(?:ed|es)
      | mention(?:ed|s)
      | confirm(?:ed|s)
      | repli(?:ed|es)
      | respond(?:ed|s)
      | summari[sz](?:ed|es)
      | summ(?:ed|s)\s+up
      | wrote | writes
      | went\s+on
      | shar(?:ed|es)
      | recount(?:ed|s)
      | [Aa]ccording\s+to       # the only one that puts the speaker after it, always
    )
    (?![\w-])                   # ... nor after it
    """,
    re.VERBOSE,
)

_STOP = re.compile(
    r"""
    [.!?…]+         # a run of sentence-final punctuation; _ends_sentence decides
    """,
    re.VERBOSE,
)

_PART = re.compile(
    r"""
    [,;]            # commas set a role off a name: "A B, Head of C, said"
  | \s[–—-]\s       # and so do spaced dashes: "A B – Head of C – said"
    """,
    re.VERBOSE,
)

_INITIALS = re.compile(
    r"""
    (?:[^\W\d_]\.){1,3}     # "J." or "J.R." (a capital is checked separately)
    """,
    re.VERBOSE,
)

_OPENING = '“"«„'
_CLOSING_ANY = '”"»“'
_FINAL = ".!?…"
_ATTRIBUTION_PUNCT = ",.!?…;:—–-"
"""What a quote ends with when an attribution follows it (scare quotes end in a word)."""
_JUNK = " \t\n,;:–—-"
"""What surrounds the speaker in an attribution without being part of it."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --------------------------------------------------------------------------- lexicons

_HONORIFIC, _FUNCTIONAL = 1, 2

_TITLES: Mapping[str, int] = {
    **dict.fromkeys(
        _words(
            """
            ambassador dr doctor prof professor mr mrs ms miss mx sir dame rev reverend father
            lord lady madam monsignor bishop archbishop imam rabbi sheikh
            """
        ),
        _HONORIFIC,
    ),
    "his excellency": _HONORIFIC,
    "her excellency": _HONORIFIC,
    **dict.fromkeys(
        _words(
            """
            minister president judge general gen colonel col major maj captain capt lieutenant
            lt sergeant senator sen mayor governor gov chairperson chairman chairwoman
            """
        ),
        _FUNCTIONAL,
    ),
    **dict.fromkeys(
        (
            "deputy minister",
            "prime minister",
            "deputy prime minister",
            "vice president",
            "vice-president",
            "lieutenant colonel",
            "lieutenant general",
            "major general",
            "brigadier general",
        ),
        _FUNCTIONAL,
    ),
}
"""Titles that may stand before a name, as casefolded words without their periods.

Honorifics are titles wherever they stand; ranks and offices ("Minister",
"General") only when nothing precedes them, since "OSCE Secretary General" and
"Interior Minister" are roles.
"""

_TITLE_WORDS = frozenset(word for key in _TITLES for word in key.split())

_ARTICLES = _words("a an the")

_FUNCTION_WORDS = _words(
    """
    a an the and or but nor as at by for from in into of on onto to with without within
    under over about after before during since until while when where whereas which who
    whom whose that this these those there here however also then thus so yet if because
    although though meanwhile moreover furthermore finally first second third next last
    according speaking addressing opening closing welcoming noting adding following
    thanks thanking he she it we they i you his her its our their my your him them us me
    one two three both all many some several most other others each every any no not
    today yesterday tomorrow now new said says
    """
)
"""Small words that can be capitalised at a sentence's start without being a name."""

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

_PRONOUNS = _words("he she it we they i you his her its our their my your him them us me")

_CONJUNCTIONS = _words("and but while whereas then also so")
"""Words that may lead a clause of attribution: ", and A B added: “...”"."""

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

_ROLE_NOUNS = _words(
    """
    head deputy chief director co-ordinator coordinator representative secretary minister
    officer official adviser advisor assistant expert consultant manager president member
    spokesperson spokesman spokeswoman leader inspector investigator lawyer attorney
    prosecutor judge ombudsman ombudsperson envoy ambassador chair chairperson chairman
    psychologist trainer specialist analyst researcher activist survivor victim mother
    father teacher student journalist volunteer worker nurse doctor social-worker
    founder co-founder coordinator staff unit department office mission programme project
    ngo team participant resident graduate colleague rapporteur commissioner monitor observer
    mediator facilitator moderator organizer organiser author editor reporter correspondent
    commander superintendent clerk advocate defender parliamentarian legislator diplomat
    attaché attache counsellor counselor councillor administrator agent detective
    """
)
"""Lowercase nouns that name a role, so may stand before a name or open a role."""

_ROLE_WORDS = _ROLE_NOUNS | _words(
    """
    ministry centre center council committee commission commissioner agency service services
    police prosecutor's office bureau authority inspectorate guard force forces army corps
    division section board foundation institute university fund strategy plan secretariat
    presence embassy consul consulate court tribunal supreme senior executive acting vice
    parliament parliamentary assembly government state states national regional international
    interior justice foreign affairs social policy labour labor health education youth family
    internal border migration human rights trafficking anti-trafficking beings institutions
    democratic democratization security co-operation cooperation organization organisation
    osce chairmanship chairpersonship special permanent delegation administration
    municipality municipal oblast region district city province town village republic
    federation kingdom union united nations europe european conference forum meeting workshop
    seminar training campaign hotline network association club school academy programme
    program project office mission team coordinating co-ordinating prime first general
    unit department ministerial public civil society local strada caritas winrock high
    europol interpol frontex eurojust amnesty oxfam world
    personal principal focal point liaison speaker chancellor premier secretary-general
    director-general under-secretary undersecretary ombudsperson's ombudsman's
    """
)
"""Capitalised words of offices and institutions: never part of a person's name."""

_PLACES = _words(
    """
    albania albanian andorra armenia armenian austria austrian azerbaijan azerbaijani belgium
    belgian belarus belarusian bosnia herzegovina bulgaria bulgarian canada canadian croatia
    croatian cyprus cypriot czechia czech denmark danish estonia estonian finland finnish
    france french georgia georgian germany german greece greek hungary hungarian iceland
    icelandic ireland irish italy italian kazakhstan kazakh kyrgyzstan kyrgyz latvia latvian
    liechtenstein lithuania lithuanian luxembourg malta maltese moldova moldovan monaco
    mongolia mongolian montenegro montenegrin netherlands dutch macedonia macedonian norway
    norwegian poland polish portugal portuguese romania romanian russia russian serbia serbian
    slovakia slovak slovenia slovenian spain spanish sweden swedish switzerland swiss
    tajikistan tajik turkey türkiye turkish turkmenistan turkmen ukraine ukrainian uzbekistan
    uzbek kosovo america american britain british england afghanistan afghan australia japan
    korea thailand algeria egypt israel jordan morocco tunisia vienna kyiv kiev moscow minsk
    chisinau tbilisi yerevan baku astana almaty bishkek dushanbe ashgabat tashkent belgrade
    pristina skopje tirana sarajevo podgorica warsaw odesa odessa donetsk kharkiv lviv
    """
)
"""Countries, their adjectives and the OSCE's capitals: they end roles, not start names."""

_CALENDAR = _words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """
)

_COMMON_CAPS = _words(
    """
    participants experts officials organizers organisers trainers students victims survivors
    representatives delegates members speakers authorities people women men children girls
    boys families parents judges prosecutors lawyers journalists teachers police ngos
    several such further thanks
    """
)
"""Common words that open a sentence capitalised: "Participants said: “...”"."""

_NOT_NAMES = _FUNCTION_WORDS | _ROLE_WORDS | _TITLE_WORDS | _PLACES | _CALENDAR | _COMMON_CAPS

_PARTICLES = _words(
    "de da di du del della der den van von ten ter la le bin ibn al el zu y dos das"
)

_ABBREVIATIONS = _words(
    "dr mr mrs ms prof rev st no jr sr gen col lt capt maj gov sen hon amb mt vs etc approx dept"
    " co inc ltd fr nr"
)
"""Words whose period does not end a sentence ("Dr. A B", "No. 5")."""

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
            spans.append(_Span(start, at + 1, start + 1, at, True))
            opener = ""
    if opener:
        spans.append(_Span(start, len(text), start + 1, len(text), False))
    return spans


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
    capitalised = 0
    for word in quoted.split():
        if word.casefold() in _SMALL_WORDS or not word[:1].isalpha():
            continue
        if not word[:1].isupper():
            return False
        capitalised += 1
    return capitalised >= 2


# --------------------------------------------------------------------------- sentences


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether the punctuation at `text[start:end]` ends a sentence.

    A period ends one when a space and a non-lowercase word, a quotation mark,
    or the text's end follows it, or a capitalised word follows it with no space
    ("in Baku.The project"), unless it closes an initial ("J.") or a known
    abbreviation ("Dr.").
    """
    size = len(text)
    if end < size:
        following = text[end]
        if following.isspace():
            ahead = end
            while ahead < size and ahead < end + 4 and text[ahead].isspace():
                ahead += 1
            if ahead < size and text[ahead].islower():
                return False
        elif following.isupper():
            if not (end + 1 < size and text[end + 1].islower()):
                return False
        elif following not in _CLOSING_ANY and following not in "«„)":
            return False
    if end - start == 1 and text[start] == ".":
        word_start = start
        while word_start > 0 and word_start > start - 8 and text[word_start - 1].isalpha():
            word_start -= 1
        word = text[word_start:start]
        if len(word) == 1 and word.isupper():
            return False
        if word.casefold() in _ABBREVIATIONS:
            return False
    return True


def _first_sentence(text: str) -> str:
    """`text` up to the end of its first sentence, the final punctuation excluded."""
    for match in _STOP.finditer(text):
        if _ends_sentence(text, match.start(), match.end()):
            return text[: match.start()]
    return text


def _last_sentence_start(text: str) -> int:
    """The offset where the last sentence of `text` starts (0 when it has one sentence)."""
    start = 0
    for match in _STOP.finditer(text):
        if _ends_sentence(text, match.start(), match.end()):
            start = match.end()
    return start


# --------------------------------------------------------------------------- speakers


_NAME, _PARTICLE, _OTHER = 0, 1, 2


@functools.lru_cache(maxsize=4096)
def _token_kind(token: str) -> int:
    """Whether a word can be part of a person's name, a particle inside one, or neither.

    A name word is capitalised (in any script, so "Gӧran" with a Cyrillic
    letter counts), made of letters, hyphens, apostrophes (straight, curly or
    the backtick some copies use) or is an initial; it is not an acronym, a
    possessive, nor a word of an office, place, date or sentence opening.
    """
    if token in _PARTICLES:
        return _PARTICLE
    first = token[0]
    if first.islower():
        glued = token[:3] in ("al-", "el-") or token[:2] in ("d'", "d’")
        at = 3 if token[:1] != "d" else 2
        return _NAME if glued and len(token) > at and token[at].isupper() else _OTHER
    if not first.isupper():
        return _OTHER
    if _INITIALS.fullmatch(token):
        return _NAME
    key = token.casefold().rstrip(".")
    if key in _NOT_NAMES or key.endswith(("'s", "’s", "`s")):
        return _OTHER
    if "-" in key and any(piece in _NOT_NAMES for piece in key.split("-")):
        return _OTHER
    letters = token.replace("-", "").replace("'", "").replace("’", "").replace("`", "")
    if not letters.isalpha():
        return _OTHER
    if letters.isupper() or (letters.endswith("s") and letters[:-1].isupper()):
        return _OTHER  # "OSCE", "NGOs"
    return _NAME


def _title_before(tokens: Sequence[str], end: int) -> tuple[int, int] | None:
    """The start and kind of a title of one to three words ending just before `end`."""
    if not end or tokens[end - 1].casefold().rstrip(".") not in _TITLE_WORDS:
        return None  # the common case, decided with one lookup
    for size in (3, 2, 1):
        begin = end - size
        if begin < 0 or not tokens[begin][:1].isupper():
            continue
        key = " ".join(token.casefold().rstrip(".") for token in tokens[begin:end])
        kind = _TITLES.get(key)
        if kind:
            return begin, kind
    return None


def _may_precede_name(token: str) -> bool:
    """Whether a word may stand just before a name: an article, a role, a capitalised word."""
    key = token.casefold()
    if key in _ARTICLES or key in _ROLE_NOUNS:
        return True
    return token[:1].isupper() and key not in _FUNCTION_WORDS


def _starts_role(word: str) -> bool:
    """Whether a role may begin with `word` ("Head", "OSCE", "consultant"; not "In", "Asked")."""
    key = word.casefold()
    if key in _ROLE_WORDS:
        return True
    return word[:1].isupper() and key not in _FUNCTION_WORDS and not key.endswith(("ing", "ed"))


def _tidy_role(text: str) -> str | None:
    """A role without its leading article and its final period; None when nothing is left."""
    words = text.split()
    if words and words[0].casefold() in _ARTICLES:
        words = words[1:]
    role = " ".join(words).rstrip(" .,;:")
    return role or None


def _role_words(words: Sequence[str]) -> str | None:
    """The words before a name as its role, when they read as one."""
    lead = words[1] if words[0].casefold() in _ARTICLES and len(words) > 1 else words[0]
    if not _starts_role(lead) or any(word.casefold() in _PRONOUNS for word in words):
        return None
    return _tidy_role(" ".join(words))


def _role_after(parts: Sequence[str]) -> str | None:
    """The role in the comma-separated parts after a name, up to the first that is none.

    A part is a role when it opens with an article, a capitalised word or a role
    noun ("a consultant on ...", "OSCE Project Co-ordinator ...", "head of ...");
    "who ...", "adding ...", "at the conference" and "and C D" end the role.
    An age ("A B, 25, said") is skipped.
    """
    kept: list[str] = []
    for part in parts:
        words = part.split()
        if not words:
            continue
        if "".join(words).isdigit():
            continue
        lead = words[0]
        if lead.casefold() in _ARTICLES or _starts_role(lead):
            kept.append(" ".join(words))
        else:
            break
    return _tidy_role(", ".join(kept)) if kept else None


class _Name(NamedTuple):
    """A name found in a part of an attribution, with its title and the role before it."""

    title: str | None
    name: tuple[str, ...]
    role: str | None
    single: bool


def _runs(kinds: Sequence[int]) -> Iterator[tuple[int, int]]:
    """The start and end of each run of name words (particles allowed only inside)."""
    size = len(kinds)
    at = 0
    while at < size:
        if kinds[at] != _NAME:
            at += 1
            continue
        last = scan = at
        while scan < size and kinds[scan] != _OTHER:
            if kinds[scan] == _NAME:
                last = scan
            scan += 1
        yield at, last + 1
        at = scan


def _find_name(
    tokens: Sequence[str], *, verb_first: bool, initial: bool, known: Mapping[str, Speaker]
) -> _Name | None:
    """The first run of name words in `tokens` that reads as a person's name.

    Rules, for a run of capitalised words (particles such as "van" allowed inside):

    * a title just before it is split off ("Ambassador", "Dr.", "His Excellency"),
      several honorifics together ("Prof. Dr."); a rank or office after other
      words joins the role instead ("OSCE Secretary General");
    * the word before must be an article, a role or capitalised: "thanked A B" and
      "trained by A B" are not attributions to A B; a run of three or more after
      such a word ("Mayor of Odesa A B") keeps its last two words;
    * two to four words; or one, when it has a title, is already known from an
      earlier quote, follows a role noun ("the survivor Dilnoza") or starts its
      part without opening the sentence (a capitalised "Trainers said" is no name);
    * before a verb ("A B also said"), only adverbs, prepositional phrases and
      brackets may follow it.
    """
    kinds = [_token_kind(token) for token in tokens]
    for start, end in _runs(kinds):
        found = _read_run(tokens, kinds, start, end, verb_first, initial, known)
        if found is not None:
            return found
    return None


def _find_last_name(tokens: Sequence[str], known: Mapping[str, Speaker]) -> _Name | None:
    """The last run of name words in `tokens`, wherever it stands ("opened by A B").

    For the antecedent of "who" in "the course was opened by A B, who said:": the
    name may be the object of another verb, so the word before it is not checked.
    """
    kinds = [_token_kind(token) for token in tokens]
    found: _Name | None = None
    for start, end in _runs(kinds):
        found = _read_run(tokens, kinds, start, end, True, False, known, loose=True) or found
    return found


def _read_run(
    tokens: Sequence[str],
    kinds: Sequence[int],
    start: int,
    end: int,
    verb_first: bool,
    initial: bool,
    known: Mapping[str, Speaker],
    *,
    loose: bool = False,
) -> _Name | None:
    """Check one run of name words against the rules of `_find_name`.

    `loose` drops the rules on the word before the name (see `_find_last_name`).
    """
    title_start, title_kind = start, 0
    hit = _title_before(tokens, start)
    while hit is not None:
        title_start, title_kind = hit
        if title_kind != _HONORIFIC:
            break
        hit = _title_before(tokens, title_start)
        if hit is not None and hit[1] != _HONORIFIC:
            break
    prefix = list(tokens[:title_start])
    if title_kind == _FUNCTIONAL and prefix and prefix[-1].casefold() not in _ARTICLES:
        title_start, title_kind, prefix = start, 0, list(tokens[:start])
    count = kinds[start:end].count(_NAME)
    if prefix and not loose and not _may_precede_name(prefix[-1]):
        if title_kind or count < 3:
            return None
        while count > 2:  # "of Odesa A B": the place ends the role
            start += 1
            while kinds[start] != _NAME:
                start += 1
            count -= 1
        title_start, prefix = start, list(tokens[:start])
    if count > 4:
        return None
    if (
        count == 1
        and not title_kind
        and tokens[start].casefold() not in known
        and (initial or (prefix and not loose and prefix[-1].casefold() not in _ROLE_NOUNS))
    ):
        return None  # a lone word is a name only where nothing else could be
    trailer = tokens[end:]
    if trailer and not verb_first and not _trails(trailer[0]):
        return None
    while prefix and prefix[0].casefold() in _CONJUNCTIONS:
        prefix = prefix[1:]
    title = " ".join(tokens[title_start:start]) or None
    role = _role_words(prefix) if prefix else None
    return _Name(title, tuple(tokens[start:end]), role, single=count == 1)


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


_NONE, _WEAK, _NAMED = 0, 1, 2
"""How an attribution names its speaker: not at all, by pronoun or reference, by name."""


class _State:
    """What the document has said so far about its speakers."""

    __slots__ = ("by_name", "by_word", "last")

    def __init__(self) -> None:
        self.last: Speaker | None = None
        self.by_name: dict[str, Speaker] = {}
        self.by_word: dict[str, Speaker] = {}

    def remember(self, speaker: Speaker) -> None:
        """Make `speaker` the one pronouns refer to, and findable by each word of the name."""
        if speaker is self.last:
            return
        self.last = speaker
        self.by_name[speaker.name.casefold()] = speaker
        for word in speaker.name.split():
            if _token_kind(word) == _NAME and not _INITIALS.fullmatch(word):
                self.by_word[word.casefold()] = speaker

    def complete(self, found: _Name, role: str | None) -> Speaker:
        """The speaker for a name found in an attribution, merged with what is known.

        A lone surname or first name ("Jarbussynova added") is the earlier speaker
        of that name; a full name repeated without title or role takes them from
        its earlier attribution in the same document.
        """
        name = " ".join(found.name)
        if found.single:
            earlier = self.by_word.get(name.casefold())
            if earlier is not None:
                return earlier
        earlier = self.by_name.get(name.casefold())
        if earlier is not None:
            return Speaker(name=name, title=found.title or earlier.title, role=role or earlier.role)
        return Speaker(name=name, title=found.title, role=role)


def _parse_speaker(candidate: _Candidate, state: _State) -> Speaker | None:
    """Read a speaker from the words of an attribution split at commas and dashes.

    The first part holding a name gives name and title; the role is what follows
    the name (`_role_after`), else the words before it in its part ("OSCE
    Secretary General A B"), else the part just before it ("the Head of the
    Office in C, Ambassador A B"). After the verb, only roles may come before
    the name: "said, after a long pause, A B" is too loose to trust.
    """
    parts = [part.strip() for part in _PART.split(candidate.text)]
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
            known=state.by_word,
        )
        if found is None:
            if candidate.verb_first and _role_words(tokens) is None:
                return None
            continue
        role = _role_after(parts[index + 1 :]) or found.role
        if role is None and index:
            words = parts[index - 1].split()
            role = _role_words(words) if words else None
        return state.complete(found, role)
    return None


def _parse_antecedent(parts: Sequence[str], state: _State) -> Speaker | None:
    """The speaker of "..., A B, Role, who said:": the last name before the roles."""
    for index in range(len(parts) - 1, -1, -1):
        tokens = parts[index].split()
        found = _find_last_name(tokens, state.by_word) if tokens else None
        if found is not None:
            return state.complete(found, _role_after(parts[index + 1 :]) or found.role)
        if not tokens or _role_words(tokens) is None:
            return None
    return None


def _parse_reference(words: Sequence[str], state: _State) -> Speaker | None:
    """The latest speaker, when "the Ambassador" or "the Co-ordinator" names their title or role."""
    last = state.last
    if last is None:
        return None
    held = f"{last.title or ''} {last.role or ''}".casefold().replace("coordinator", "co-ordinator")
    word = words[-1].casefold().replace("coordinator", "co-ordinator")
    return last if word in held.split() else None


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
        return (state.last, _WEAK) if state.last is not None else (None, _NONE)
    if first == "the" and len(words) <= 3:
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
    if not (ending and ending in _ATTRIBUTION_PUNCT) and not lead.startswith((",", "–", "—")):
        return []
    new_sentence = ending in _FINAL and lead[:1].isupper()
    sentence = _first_sentence(window)
    if len(sentence) == len(window):
        if new_sentence and sentence.rstrip().endswith(":"):
            return []
        if high < limit:  # cut off by the window: drop the last, perhaps partial, part
            sentence = _drop_partial(sentence, at_end=True)
    end = span.close + len(sentence)
    found: list[_Candidate] = []
    for count, match in enumerate(_VERB.finditer(sentence)):
        if count == _MAX_VERBS:
            break
        before = sentence[: match.start()].strip(_JUNK)
        if before and not match.group().casefold().startswith("according"):
            found.append(_Candidate(before, False, new_sentence, end))
        else:
            found.append(_Candidate(sentence[match.end() :], True, False, end))
            break
    return found


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
    if _VERB.search(text, begin, span.open) is None:
        return []
    window = text[begin : span.open]
    cut = _last_sentence_start(window)
    sentence = window[cut:]
    if not cut and begin > low:  # cut off by the window: drop the first, perhaps partial, part
        sentence = _drop_partial(sentence, at_end=False)
    initial = cut > 0 or (begin == low and low_starts_sentence)
    verbs = list(_VERB.finditer(sentence))[-_MAX_VERBS:]
    found: list[_Candidate] = []
    for match in reversed(verbs):
        rest = sentence[match.end() :]
        if match.group().casefold().startswith("according"):
            if rest.rstrip().endswith((",", ":")):
                found.append(_Candidate(rest, True, False, span.close))
            continue
        if _introduces(rest):
            found.append(_Candidate(sentence[: match.start()], False, initial, span.close))
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
            attributed), or "intro" (it ends by introducing a quote: "A B said:").
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
    if _VERB.search(text, gap_start, span.open):
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
            limit = spans[position + 1].open if position + 1 < len(spans) else len(text)
            previous = (previous_close, previous_final)
            speaker, end, attempted = _attribute(text, span, raw, limit, previous, state, current)
            if speaker is None and attempted:
                current = None  # an attribution that names nobody: nobody's words go on
            elif speaker is None:
                if current is not None:
                    if _continues(text, span, quoted, gap_start, previous_close):
                        speaker, end = current, -1
                elif position == 0:
                    speaker, end = _carries_over(text, span, carry), -1
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


def find_quotes(body: Body) -> tuple[Quote, ...]:
    """Every attributed quote of a body, in order, with its speaker and block.

    Args:
        body: The document's body; a quote's `block` is a block's index in it.

    Returns:
        The quotes, each without its quotation marks and without the comma that
        leads into its attribution. Quoted words that nothing attributes to a
        person (scare quotes, names of campaigns) are left out; see the module's
        documentation for the rules.
    """
    state = _State()
    found: list[Quote] = []
    carry: _Carry | None = None
    for index, text in enumerate(body.texts):
        if _MARK.search(text) is None and not text.rstrip().endswith(":"):
            carry = None
            continue
        carry = _read_paragraph(text, index, state, carry, found)
    return tuple(found)
