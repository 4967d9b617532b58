"""Writing a document back to the raw text format (stub: being written)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from osce_thb.model import Document

__all__ = ["render"]


def render(document: Document, layout: Literal["page", "bare"] = "page") -> str:
    """Stub."""
    raise NotImplementedError
