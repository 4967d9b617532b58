"""JSON Schema of the document (stub: being written)."""

from __future__ import annotations

from typing import Any

__all__ = ["json_schema"]


def json_schema() -> dict[str, Any]:
    """Stub."""
    raise NotImplementedError
