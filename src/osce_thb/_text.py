"""Text helpers the extractors share: word lists as fast regexes, one scan over many blocks."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING, Final, TypeAlias

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

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
