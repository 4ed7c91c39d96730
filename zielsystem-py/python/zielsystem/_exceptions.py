"""Exceptions of the package ``zielsystem``.

Validation problems are data (:class:`~zielsystem.Finding`), not exceptions. An exception is raised
only when a value cannot be produced at all — above all when a typed constructor such as
:meth:`TargetSystem.from_json <zielsystem.TargetSystem.from_json>` gets a document that is not of
its shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List

if TYPE_CHECKING:
    from zielsystem._types import FindingDict
    from zielsystem._zielsystem import Finding, ValidationResult

__all__ = ["ParseError", "ZielsystemError"]


class ZielsystemError(Exception):
    """Base class of every exception raised by ``zielsystem``."""


class ParseError(ZielsystemError, ValueError):
    """A document (or a tertial code) is not of the expected shape.

    Like pydantic's ``ValidationError`` it carries every problem at once: :attr:`result` is the
    :class:`~zielsystem.ValidationResult` of the schema-level checks, :meth:`errors` lists its
    findings as dicts. It is also a :class:`ValueError`, so ``except ValueError`` catches it.
    """

    def __init__(self, message: str, result: ValidationResult) -> None:
        super().__init__(message, result)
        self.message = message
        self.result = result

    def __str__(self) -> str:
        return self.message

    @property
    def findings(self) -> List[Finding]:
        """The findings that say why the document is not of its shape."""
        return self.result.findings

    def errors(self) -> List[FindingDict]:
        """The findings as dicts (code, severity, path, message, message_en, params)."""
        return [finding.to_dict() for finding in self.result.findings]


# Shown and pickled as ``zielsystem.ParseError``, where users import them from.
ZielsystemError.__module__ = "zielsystem"
ParseError.__module__ = "zielsystem"
