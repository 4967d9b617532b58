"""The whole job on one page: read it, then extract what its body says.

``parse(text) == extract(read(text))``; `parse_bytes` and `parse_file` decode
first. This module only joins the reader (`osce_thb._parser`) and the
extraction (`osce_thb._extract`), which know nothing of each other.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from osce_thb._extract import extract
from osce_thb._parser import decode, read

if TYPE_CHECKING:
    from osce_thb.model import Document

__all__ = ["parse", "parse_bytes", "parse_file"]


def parse(text: str) -> Document:
    """Parse the raw text of an OSCE page into a `Document`, with all extraction.

    The same as ``extract(read(text))``: see `read` for the page formats it
    reads and `extract` for what it derives from the body.

    Args:
        text: The page's text.

    Returns:
        The document, with every non-menu line kept somewhere in it.

    Raises:
        ParseError: The text is empty, holds NUL bytes, ends inside the
            navigation menu, or holds nothing but a kind line or chrome.
        TypeError: `text` is not a `str`.
    """
    return extract(read(text))


def parse_bytes(data: bytes, *, name: str | None = None) -> Document:
    """Decode UTF-8 bytes (a BOM and CRLF line ends are fine) and parse them.

    Args:
        data: The page's bytes.
        name: What to call the input in error messages (a path, "<stdin>").

    Raises:
        ParseError: The bytes are not UTF-8 (the message gives the byte offset,
            line and column), or the text cannot be parsed (see `parse`).
    """
    return parse(decode(data, name=name))


def parse_file(path: str | os.PathLike[str]) -> Document:
    """Read a page from a UTF-8 file (a BOM and CRLF line ends are fine) and parse it.

    Raises:
        ParseError: The bytes are not UTF-8 (the message gives the byte offset,
            line and column), or the text cannot be parsed (see `parse`).
        OSError: The file cannot be read.
    """
    with open(path, "rb") as handle:  # noqa: PTH123  # a str or PathLike, as the caller gave it
        data = handle.read()
    return parse_bytes(data, name=os.fspath(path))
