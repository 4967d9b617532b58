"""The library's error types: each one a `ValueError`, each one saying what and where.

Three things can be wrong, and each has its own type so that callers can catch
exactly what they expect:

* `ModelError`: a model was built with an impossible value.
* `ParseError`: raw text could not be read as a page.
* `JsonError`: JSON does not describe a valid document.
"""

from __future__ import annotations

__all__ = ["JsonError", "ModelError", "ParseError", "os_message"]


class ModelError(ValueError):
    """A model was constructed with an impossible value.

    Attributes:
        field: The dotted name of the offending field, e.g. ``"NrmPhase.start"``.
        value: The value that was rejected.
        reason: What is wrong with it, in words (the message without the field).
    """

    def __init__(self, field: str, value: object, reason: str) -> None:
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field}: {reason}")


class ParseError(ValueError):
    """Raw text could not be read as an OSCE page.

    `str()` gives the message, then the offending line and a ``~~~^`` marker
    under the column, so that a person sees at once what went wrong and where.

    Attributes:
        message: What went wrong, in words.
        line: The 1-based line number, or ``None`` when the whole text is at fault.
        column: The 1-based column within that line, or ``None``.
        snippet: The text of the offending line (shortened when very long), or ``""``.
        offset: For undecodable files, the byte offset of the first bad byte.
    """

    _SNIPPET_WIDTH = 80

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        snippet: str = "",
        offset: int | None = None,
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.snippet, self._marker_column = _shorten(snippet, column, self._SNIPPET_WIDTH)
        self.offset = offset
        super().__init__(message)

    def __str__(self) -> str:
        if not self.snippet:
            return self.message
        text = f"{self.message}\n    {self.snippet}"
        if self._marker_column is None:
            return text
        return f"{text}\n    {' ' * (self._marker_column - 1)}^"

    def __reduce__(self) -> tuple[object, ...]:  # keep keyword-only fields through pickling
        return (
            _rebuild_parse_error,
            (self.message, self.line, self.column, self.snippet, self.offset),
        )


def _rebuild_parse_error(
    message: str, line: int | None, column: int | None, snippet: str, offset: int | None
) -> ParseError:
    return ParseError(message, line=line, column=column, snippet=snippet, offset=offset)


def _shorten(text: str, column: int | None, width: int) -> tuple[str, int | None]:
    """Cut `text` to about `width` characters around `column`, keeping the column in step."""
    shown = text.replace("\t", " ").replace("\x00", "\u2400")  # a visible NUL, same width
    if len(shown) <= width:
        return shown, column
    start = max(0, min((column or 1) - 1 - width // 2, len(shown) - width))
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(shown) else ""
    marker = None if column is None else column - start + len(prefix)
    return prefix + shown[start : start + width] + suffix, marker


def os_message(error: OSError) -> str:
    """An I/O error in the words of the library's errors: short, lower case, no errno.

    ``"no such file"``, ``"permission denied"``...: how `ParseError` (of a page
    that cannot be read) and the command line say what the system refused.
    """
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or str(error)).lower()


class JsonError(ValueError):
    """JSON (or a dict from it) does not describe a valid document.

    The message lists every problem, one per line, each with its JSON path:
    ``$.regions[2].code: unknown region code 'UA-99'``.

    Attributes:
        problems: The problems, each as ``"$.path: what is wrong"``.
    """

    def __init__(self, problems: list[str] | tuple[str, ...]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"invalid document: {count} problem{'' if count == 1 else 's'}"
        super().__init__(head + "".join(f"\n  {p}" for p in self.problems))
