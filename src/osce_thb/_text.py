"""Word lists as fast regexes: one alternation factored on shared prefixes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from collections.abc import Iterable

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
