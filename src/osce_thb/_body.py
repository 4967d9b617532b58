"""One view of a document's body, built once and shared by every extractor.

Extractors read the body through a `Body`: the block texts, one scan text that
joins them (with offsets back to the block and the offset in it), the same
text lower-cased, the sentences of each block (from the one splitter in
`osce_thb._sentences`), the index of the people it names, and the document's
date and dateline. Each derived
view is computed on first use and then shared, so that no extractor pays for
one it does not read, and none builds its own.

`group_mentions` is the one way matches become entities: one key a entity,
in the order of first mention, with a `Mention` for every match.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING, Final, TypeVar

from osce_thb import _sentences
from osce_thb.model import Mention

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Hashable, Iterable, Sequence

    from osce_thb._people import People
    from osce_thb.model import Document

__all__ = ["BLOCK_SEPARATOR", "WINDOW", "Body", "group_mentions", "starts_word"]

BLOCK_SEPARATOR: Final = " \xb6 "
"""Joins the blocks for one scan. The pilcrow is neither a word, a digit nor a
space, so no phrase, hedge or date reads across from one block into the next."""

WINDOW: Final = 300
"""How far from a cue (a verb of funding, a quotation mark) an extractor reads, in
characters: past any sentence a release writes, and a bound on the work per cue."""

_Key = TypeVar("_Key", bound="Hashable")


class Body:
    """The body of one document as the extractors read it.

    Attributes:
        texts: The text of each block; a text's index is its block's index.
        published: The document's date, if known: statuses and relative years
            are read against it.
        dateline: The block the dateline leads and the dateline's length, if
            there is one: it says where and when a story was filed.
    """

    def __init__(
        self,
        texts: Sequence[str],
        *,
        published: dt.date | None = None,
        dateline: tuple[int, int] | None = None,
    ) -> None:
        self.texts: tuple[str, ...] = tuple(texts)
        self.published = published
        self.dateline = dateline
        self._sentences: dict[int, list[tuple[int, int]]] = {}  # by block, on first use

    @classmethod
    def of(cls, document: Document) -> Body:
        """The body of `document`, with its date and dateline."""
        texts = [block.text for block in document.body]
        dateline = None
        if document.dateline is not None:
            lead = document.dateline.text
            dateline = next(
                ((i, len(lead)) for i, text in enumerate(texts) if text.startswith(lead)), None
            )
        return cls(texts, published=document.published, dateline=dateline)

    @functools.cached_property
    def scan(self) -> str:
        """The blocks joined by `BLOCK_SEPARATOR` after a leading space.

        One scan over the whole body costs far less than one scan per block. The
        leading space lets a pattern that starts with a space match at the very
        start; the separator keeps every match inside its block.
        """
        return " " + BLOCK_SEPARATOR.join(self.texts)

    @functools.cached_property
    def starts(self) -> list[int]:
        """Where each block starts in `scan`."""
        steps = (len(text) + len(BLOCK_SEPARATOR) for text in self.texts[:-1])
        return list(accumulate(steps, initial=1))

    @functools.cached_property
    def lower(self) -> str:
        """`scan` lower-cased, offset for offset.

        Block by block: `str.lower` is several times faster on ASCII-only text,
        which many blocks are and the joined text (with its pilcrows) never is.
        "İ" is the one letter whose lower case is longer: it becomes "i".
        """
        return " " + BLOCK_SEPARATOR.join(
            [text.replace("\u0130", "I").lower() for text in self.texts]
        )

    def locate(self, position: int) -> tuple[int, int]:
        """The block a position in `scan` falls in, and the offset in that block."""
        starts = self.starts
        block = bisect_right(starts, position) - 1
        return block, position - starts[block]

    def sentences(self, block: int) -> list[tuple[int, int]]:
        """The sentences of block `block`, as (start, end) offsets in its text."""
        found = self._sentences.get(block)
        if found is None:
            found = self._sentences[block] = _sentences.spans(self.texts[block])
        return found

    @functools.cached_property
    def people(self) -> People:
        """The index of the people the body names (`osce_thb._people`), read on first use.

        The attribution of quotes resolves short references against it ("Koval",
        "Ms. Koval"), and the speakers it finds join it; `People.persons` gives
        the model's people at the end.
        """
        from osce_thb._people import find_people  # the grammar of names loads on first use

        return find_people(self)


def starts_word(text: str, at: int) -> bool:
    """Whether `text[at]` starts a word: nothing alphanumeric right before it."""
    return at == 0 or not text[at - 1].isalnum()


def group_mentions(matches: Iterable[tuple[_Key, int, int, str]]) -> dict[_Key, list[Mention]]:
    """Matches (key, block, start, surface) grouped by key, in the order of first mention."""
    grouped: dict[_Key, list[Mention]] = {}
    for key, block, start, surface in matches:
        mention = Mention(text=surface, block=block, start=start)
        found = grouped.get(key)
        if found is None:
            grouped[key] = [mention]
        else:
            found.append(mention)
    return grouped
