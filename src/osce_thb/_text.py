"""Text helpers the extractors share: word lists as regexes, one scan of many blocks, sentences."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING, Final, TypeAlias

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

_Trie: TypeAlias = dict[str, "_Trie"]
"""A node of a character trie: the next characters; "" marks the end of a word."""


def alternation(words: Iterable[str]) -> str:
    """A regex for any of `words`, factored on shared prefixes.

    `re` tries the branches of an alternation one after the other. Sharing
    prefixes ("s(?:even(?:teen|ty)?|ix...)") lets it give up on most words after
    reading one letter once. Longer words win over their prefixes ("seventeen"
    before "seven").
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(trie)


def _render(node: _Trie) -> str:
    branches = [re.escape(char) + _render(child) for char, child in node.items() if char]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group


BLOCK_SEPARATOR: Final = " \xb6 "
"""Joins the blocks for one scan. The pilcrow is neither a word, a digit nor a
space, so no phrase, hedge or date reads across from one block into the next."""


def joined(blocks: Sequence[str]) -> tuple[str, list[int]]:
    """The blocks as one text after a space, and where each block starts in it.

    One scan over the whole body costs far less than one scan per block. The
    leading space lets a pattern that starts with a space match at the very start;
    `BLOCK_SEPARATOR` keeps every match inside its block.
    """
    text = " " + BLOCK_SEPARATOR.join(blocks)
    steps = (len(block) + len(BLOCK_SEPARATOR) for block in blocks[:-1])
    return text, list(accumulate(steps, initial=1))


def block_at(starts: list[int], position: int) -> tuple[int, int]:
    """The index of the block `position` (in the joined text) falls in, and the offset."""
    block = bisect_right(starts, position) - 1
    return block, position - starts[block]


# --------------------------------------------------------------------------- sentences

_STOP = re.compile(
    r"""
    [.!?…]+         # a run of sentence-final punctuation; ends_sentence decides
    """,
    re.VERBOSE,
)

_CLOSING_MARKS = '”"»“'


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ABBREVIATIONS = _words(
    "dr mr mrs ms prof rev st no jr sr gen col lt capt maj gov sen hon amb mt vs etc approx dept"
    " co inc ltd fr nr"
)
"""Words whose period does not end a sentence ("Dr. A B", "No. 5")."""


def ends_sentence(text: str, start: int, end: int) -> bool:
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
        elif following not in _CLOSING_MARKS and following not in "«„)":
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


def first_sentence(text: str) -> str:
    """`text` up to the end of its first sentence, the final punctuation excluded."""
    for match in _STOP.finditer(text):
        if ends_sentence(text, match.start(), match.end()):
            return text[: match.start()]
    return text


def last_sentence_start(text: str) -> int:
    """The offset where the last sentence of `text` starts (0 when it has one sentence)."""
    start = 0
    for match in _STOP.finditer(text):
        if ends_sentence(text, match.start(), match.end()):
            start = match.end()
    return start


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """The start and end of each sentence of `text`, its final punctuation included."""
    start = 0
    for match in _STOP.finditer(text):
        if ends_sentence(text, match.start(), match.end()):
            yield start, match.end()
            start = match.end()
    if start < len(text):
        yield start, len(text)
