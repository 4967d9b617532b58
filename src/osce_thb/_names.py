"""Names of people: which words can be one, the titles before it, the roles around it.

The grammar a careful reader applies to capitalised words, shared by the index
of a document's people (`osce_thb._people`) and the attribution of quotes
(`osce_thb._quotes`):

* a name word is capitalised (in any script), made of letters, hyphens and
  apostrophes, or is an initial; it is not an acronym ("OSCE"), a possessive,
  nor a word of an office, institution, place, date or sentence opening
  (`token_kind`);
* a title (an honorific such as "Ambassador", "Dr", "Ms."; or a rank or office
  such as "Minister", "Colonel") may stand just before a name (`title_before`);
* a role is the words set off after a name by commas or dashes ("Head of the
  Unit"), or the words of an office before it ("OSCE Secretary General")
  (`role_after`, `role_words`);
* the verbs of saying (`VERB`) are what makes a name an attribution.

Names of organisations that would otherwise read as names ("La Strada",
"Europol") are data: ``data/institutions.txt``, read on first use.

Cue words of the grammar (titles, articles, role nouns) are kept here as code.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from osce_thb import gazetteer

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --------------------------------------------------------------------------- patterns

VERB = re.compile(
    r"""
    (?<![\w-])                  # a whole word: nothing glued before it ...
    (?:                         # grouped by first letter, which `re` then tests once
        a(?:dd(?:ed|s)                                  # added, adds
          | nnounc(?:ed|es) | sk(?:ed|s) | ffirm(?:ed|s) | cknowledg(?:ed|es)
          | dmit(?:ted|s) | gre(?:ed|es) | rgu(?:ed|es)
          | ccording\s+to                               # the only one that puts the
        )                                               # speaker after it, always
      | According\s+to
      | b(?:eliev(?:ed|es))
      | c(?:omment(?:ed|s) | onclud(?:ed|es) | ontinu(?:ed|es) | onfirm(?:ed|s))
      | d(?:eclar(?:ed|es) | isagre(?:ed|es))
      | e(?:mphasi[sz](?:ed|es) | xplain(?:ed|s))
      | h(?:ighlight(?:ed|s))
      | i(?:nsist(?:ed|s))
      | m(?:ention(?:ed|s))
      | n(?:ot(?:ed|es))
      | o(?:bserv(?:ed|es))
      | p(?:oint(?:ed|s)\s+out)
      | r(?:emarked | ecall(?:ed|s) | eiterat(?:ed|es) | epli(?:ed|es) | espond(?:ed|s)
          | ecount(?:ed|s))
      | s(?:a(?:id|ys|y)                                # said, says, say
          | tress(?:ed|es) | tat(?:ed|es) | ummari[sz](?:ed|es) | umm(?:ed|s)\s+up
          | har(?:ed|es))
      | t(?:old | ells)
      | u(?:nderlin(?:ed|es) | nderscor(?:ed|es) | rg(?:ed|es))
      | w(?:arn(?:ed|s) | rote | rites | ent\s+on)
    )
    (?![\w-])                   # ... nor after it
    """,
    re.VERBOSE,
)
"""A verb of saying, as a whole word: "said", "added", "pointed out", "according to".

Every branch is a whole word (or words) between the two look-arounds, so their
order does not change what is found.
"""

PART = re.compile(
    r"""
    [,;]            # commas set a role off a name: "A B, Head of C, said"
  | \s[–—-]\s       # and so do spaced dashes: "A B – Head of C – said"
    """,
    re.VERBOSE,
)

INITIALS = re.compile(
    r"""
    (?:[^\W\d_]\.){1,3}     # "J." or "J.R." (a capital is checked separately)
    """,
    re.VERBOSE,
)


# --------------------------------------------------------------------------- lexicons

HONORIFIC, FUNCTIONAL = 1, 2

TITLES: Mapping[str, int] = {
    **dict.fromkeys(
        _words(
            """
            ambassador dr doctor prof professor mr mrs ms miss mx sir dame rev reverend father
            lord lady madam monsignor bishop archbishop imam rabbi sheikh
            """
        ),
        HONORIFIC,
    ),
    "his excellency": HONORIFIC,
    "her excellency": HONORIFIC,
    **dict.fromkeys(
        _words(
            """
            minister president judge general gen colonel col major maj captain capt lieutenant
            lt sergeant senator sen mayor governor gov chairperson chairman chairwoman
            """
        ),
        FUNCTIONAL,
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
        FUNCTIONAL,
    ),
}
"""Titles that may stand before a name, as casefolded words without their periods.

Honorifics are titles wherever they stand; ranks and offices ("Minister",
"General") only when nothing precedes them, since "OSCE Secretary General" and
"Interior Minister" are roles.
"""

TITLE_WORDS = frozenset(word for key in TITLES for word in key.split())

ARTICLES = _words("a an the")

FUNCTION_WORDS = _words(
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


PRONOUNS = _words("he she it we they i you his her its our their my your him them us me")

ROLE_NOUNS = _words(
    """
    head deputy chief director co-ordinator coordinator representative secretary minister
    officer official adviser advisor assistant expert consultant manager president member
    spokesperson spokesman spokeswoman leader inspector investigator lawyer attorney
    prosecutor judge ombudsman ombudsperson envoy ambassador chair chairperson chairman
    psychologist trainer specialist analyst researcher activist survivor victim mother
    father teacher student journalist volunteer worker nurse doctor social-worker chargé charge
    founder co-founder coordinator staff unit department office mission programme project
    d’affaires d'affaires rector vice-rector dean speaker chancellor
    ngo team participant resident graduate colleague rapporteur commissioner monitor observer
    mediator facilitator moderator organizer organiser author editor reporter correspondent
    commander superintendent clerk advocate defender parliamentarian legislator diplomat
    attaché attache counsellor counselor councillor administrator agent detective
    """
)
"""Lowercase nouns that name a role, so may stand before a name or open a role."""

ROLE_WORDS = ROLE_NOUNS | _words(
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
    unit department ministerial public civil society local high world
    personal principal focal point liaison speaker chancellor premier secretary-general
    director-general under-secretary undersecretary ombudsperson's ombudsman's
    directorate senate chamber alliance coalition platform initiative shelter hospital bank
    college faculty cabinet prosecution commissariat
    """
)
"""Capitalised words of offices and institutions: never part of a person's name."""

PLACES = _words(
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

CALENDAR = _words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """
)

COMMON_CAPS = _words(
    """
    participants experts officials organizers organisers trainers students victims survivors
    representatives delegates members speakers authorities people women men children girls
    boys families parents judges prosecutors lawyers journalists teachers police ngos
    several such further thanks
    """
)
"""Common words that open a sentence capitalised: "Participants said: “...”"."""

_ROLE_CUES = ROLE_NOUNS | ROLE_WORDS | TITLE_WORDS

PERSON_NOUNS = (ROLE_NOUNS | TITLE_WORDS) - _words(
    "unit department office mission programme project ngo team staff"
)
"""Nouns for people in a role ("head", "adviser", "minister"), not for their offices."""

NOT_NAMES = FUNCTION_WORDS | ROLE_WORDS | TITLE_WORDS | PLACES | CALENDAR | COMMON_CAPS

PARTICLES = _words("de da di du del della der den van von ten ter la le bin ibn al el zu y dos das")


# --------------------------------------------------------------------------- names


NAME, PARTICLE, OTHER = 0, 1, 2


@functools.lru_cache(maxsize=4096)
def token_kind(token: str) -> int:
    """Whether a word can be part of a person's name, a particle inside one, or neither.

    A name word is capitalised (in any script, so "Gӧran" with a Cyrillic
    letter counts), made of letters, hyphens, apostrophes (straight, curly or
    the backtick some copies use) or is an initial; it is not an acronym, a
    possessive, nor a word of an office, place, date or sentence opening.
    """
    if token in PARTICLES:
        return PARTICLE
    first = token[0]
    if first.islower():
        glued = token[:3] in ("al-", "el-") or token[:2] in ("d'", "d’")
        at = 3 if token[:1] != "d" else 2
        return NAME if glued and len(token) > at and token[at].isupper() else OTHER
    if not first.isupper():
        return OTHER
    if INITIALS.fullmatch(token):
        return NAME
    key = token.casefold().rstrip(".")
    if key in NOT_NAMES or key.endswith(("'s", "’s", "`s")) or key in _organisation_words():
        return OTHER
    if "-" in key and any(piece in NOT_NAMES for piece in key.split("-")):
        return OTHER
    letters = token.replace("-", "").replace("'", "").replace("’", "").replace("`", "")
    if not letters.isalpha():
        return OTHER
    if letters.isupper() or (letters.endswith("s") and letters[:-1].isupper()):
        return OTHER  # "OSCE", "NGOs"
    return NAME


def title_before(tokens: Sequence[str], end: int) -> tuple[int, int] | None:
    """The start and kind of a title of one to three words ending just before `end`."""
    if not end or tokens[end - 1].casefold().rstrip(".") not in TITLE_WORDS:
        return None  # the common case, decided with one lookup
    for size in (3, 2, 1):
        begin = end - size
        if begin < 0 or not tokens[begin][:1].isupper():
            continue
        key = " ".join(token.casefold().rstrip(".") for token in tokens[begin:end])
        kind = TITLES.get(key)
        if kind:
            return begin, kind
    return None


def split_title(tokens: Sequence[str], start: int) -> tuple[int, int]:
    """Where the title before the name at `start` begins, and its kind (0 when none).

    Several honorifics go together ("Prof. Dr."); a rank or office after a word
    of an office or a capitalised word is part of a role, not a title ("OSCE
    Secretary General A B", "Interior Minister A B"): then there is no title.
    """
    title_start, title_kind = start, 0
    hit = title_before(tokens, start)
    while hit is not None:
        title_start, title_kind = hit
        if title_kind != HONORIFIC:
            break
        hit = title_before(tokens, title_start)
        if hit is not None and hit[1] != HONORIFIC:
            break
    if title_kind == FUNCTIONAL and title_start and _qualifies(tokens[title_start - 1]):
        return start, 0
    return title_start, title_kind


def _qualifies(word: str) -> bool:
    """Whether a word before a rank or office makes them a role: "Interior", "OSCE"."""
    key = word.casefold()
    if key in ARTICLES:
        return False
    return key in ROLE_WORDS or (word[:1].isupper() and key not in FUNCTION_WORDS)


def may_precede_name(token: str) -> bool:
    """Whether a word may stand just before a name: an article, a role, a capitalised word."""
    key = token.casefold()
    if key in ARTICLES or key in ROLE_NOUNS:
        return True
    return token[:1].isupper() and key not in FUNCTION_WORDS


@functools.lru_cache(maxsize=8192)
def starts_role(word: str) -> bool:
    """Whether a role may begin with `word` ("Head", "OSCE", "consultant"; not "In", "Asked")."""
    key = word.casefold()
    if key in ROLE_WORDS:
        return True
    return word[:1].isupper() and key not in FUNCTION_WORDS and not key.endswith(("ing", "ed"))


def opens_role(words: Sequence[str]) -> bool:
    """Whether words set off after a name give a person's role: "the Head of ...", "adviser to ...".

    The first word is an article, a word of an office or role ("OSCE", "head",
    "co-founder"), a capitalised word or an adjective ("former", "independent";
    not a verb or a small word), and the role is a person's
    (`is_persons_role`): "the Chairperson of the Senate", "OSCE Special
    Representative"; not "the General Prosecutor’s Office", "Open Gate".
    """
    if not words:
        return False
    first = words[0].casefold()
    if first in ARTICLES or first in _ROLE_CUES or starts_role(words[0]) or _modifies(first):
        return is_persons_role(words)
    return False


def _modifies(word: str) -> bool:
    """Whether a lowercase word may open a role: "former", "independent"; not "who", "says"."""
    if word in FUNCTION_WORDS or word.endswith(("ed", "ing", "s", "ly")):
        return False
    return VERB.match(word) is None


def is_persons_role(words: Sequence[str]) -> bool:
    """Whether the words of a role name a person's, not an office's.

    The head of the phrase, its last word before a preposition ("Head" in "Head
    of the Unit", "Manager" in "Security and Co-operation Programme Manager"),
    is a noun for a person: "the General Prosecutor’s Office" is an office's.
    """
    head = ""
    for word in words[:_MAX_HEAD]:
        key = word.casefold()
        if key in _PREPOSITIONS and head:
            break
        head = word
    return bool(head) and is_person_noun(possessive_stem(head) or head)


_MAX_HEAD = 12
"""How far into a role its head noun may stand."""

_PREPOSITIONS = _words("of in at for to on from with within under by between among over")


@functools.lru_cache(maxsize=8192)
def is_person_noun(word: str) -> bool:
    """Whether a word is a noun for a person in a role: "head", "Adviser", "co-founder"."""
    key = word.casefold()
    return key in PERSON_NOUNS or key.rpartition("-")[2] in PERSON_NOUNS


def tidy_role(text: str) -> str | None:
    """A role without its leading article and its final period; None when nothing is left."""
    words = text.split()
    if words and words[0].casefold() in ARTICLES:
        words = words[1:]
    role = " ".join(words).rstrip(" .,;:")
    return role or None


def role_words(words: Sequence[str]) -> str | None:
    """The words before a name as its role, when they read as one."""
    lead = words[1] if words[0].casefold() in ARTICLES and len(words) > 1 else words[0]
    if not starts_role(lead) or any(word.casefold() in PRONOUNS for word in words):
        return None
    return tidy_role(" ".join(words))


def role_after(parts: Iterable[str]) -> str | None:
    """The role in the comma-separated parts after a name, up to the first that is none.

    A part is a role when it opens with an article, a capitalised word or a role
    noun ("a consultant on ...", "OSCE Project Co-ordinator ...", "head of ...");
    "who ...", "adding ...", "at the conference" and "and C D" end the role,
    and so does a verb of saying ("Head of C said"). An age ("A B, 25, said")
    is skipped.
    """
    kept: list[str] = []
    for part in parts:
        verb = VERB.search(part)
        words = part[: verb.start()].split() if verb else part.split()
        if not words:
            break
        if "".join(words).isdigit():
            continue
        lead = words[0]
        if (
            lead.casefold() in ARTICLES
            or starts_role(lead)
            or (_modifies(lead) and is_persons_role(words))
        ):
            kept.append(" ".join(words))
        else:
            break
        if verb:
            break
    return tidy_role(", ".join(kept)) if kept else None


def runs(kinds: Sequence[int]) -> Iterator[tuple[int, int]]:
    """The start and end of each run of name words (particles allowed only inside)."""
    size = len(kinds)
    at = 0
    while at < size:
        if kinds[at] != NAME:
            at += 1
            continue
        last = scan = at
        while scan < size and kinds[scan] != OTHER:
            if kinds[scan] == NAME:
                last = scan
            scan += 1
        yield at, last + 1
        at = scan


# --------------------------------------------------------------------------- keys

_LOOKALIKES = str.maketrans(
    "АВЕКМНОРСТХаеорсухіјѕӧ",
    "ABEKMHOPCTXaeopcyxijsö",
)
"""Cyrillic letters that copies put into Latin names by mistake ("Olеna" with a Cyrillic е)."""


@functools.lru_cache(maxsize=4096)
def name_key(word: str) -> str:
    """How a name word is compared: without case, accents, script lookalikes or a possessive.

    "Šuković", "Sukovic" and "SUKOVIC’s" have one key, so that a spelling or
    script variant of a name finds the person it names.
    """
    word = word.translate(_LOOKALIKES)
    for suffix in ("'s", "’s", "`s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            word = word[: -len(suffix)]
            break
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@functools.lru_cache(maxsize=8192)
def possessive_stem(token: str) -> str | None:
    """The name in a possessive ("Koval’s", "Koval's", "Jones’"), or None for other words."""
    for suffix in ("'s", "’s", "`s"):
        if token.endswith(suffix) and len(token) > len(suffix) + 1:
            return token[: -len(suffix)]
    return None


# --------------------------------------------------------------------------- data


@functools.cache
def _organisation_words() -> frozenset[str]:
    """The words of organisations' names that read as names ("Strada", "Europol").

    Read from ``data/institutions.txt`` (one name a line, ``#`` for comments) on
    first use. Small words ("the", "of") and words already known as words of
    institutions are left out.
    """
    words = set()
    for name in gazetteer.institutions():
        for word in name.split():
            key = word.casefold()
            if word[:1].isupper() and key not in NOT_NAMES:
                words.add(key)
    return frozenset(words)
