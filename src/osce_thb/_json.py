"""JSON form of the model (stub: being written)."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from osce_thb.model import Document

__all__ = ["dump_jsonl", "from_dict", "from_json", "load_jsonl", "to_dict", "to_json"]


def to_dict(document: Document) -> dict[str, Any]:
    """Stub."""
    raise NotImplementedError


def from_dict(data: Any) -> Document:
    """Stub."""
    raise NotImplementedError


def to_json(document: Document, *, indent: int | None = None) -> str:
    """Stub."""
    raise NotImplementedError


def from_json(text: str | bytes) -> Document:
    """Stub."""
    raise NotImplementedError


def dump_jsonl(documents: Iterable[Document], file: IO[str]) -> int:
    """Stub."""
    raise NotImplementedError


def load_jsonl(file: IO[str]) -> Iterator[Document]:
    """Stub."""
    raise NotImplementedError
