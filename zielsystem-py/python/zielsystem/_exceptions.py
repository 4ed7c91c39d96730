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

__all__ = ["LifecycleError", "ParseError", "ReviewRefused", "ZielsystemError"]


class ZielsystemError(Exception):
    """Base class of every exception raised by ``zielsystem``."""


class _FindingsError(ZielsystemError):
    """An exception that carries the findings behind it as a :class:`~zielsystem.ValidationResult`."""

    def __init__(self, message: str, result: ValidationResult) -> None:
        super().__init__(message, result)
        self.message = message
        self.result = result

    def __str__(self) -> str:
        return self.message

    @property
    def findings(self) -> List[Finding]:
        """The findings behind the exception."""
        return self.result.findings

    def errors(self) -> List[FindingDict]:
        """The findings as dicts (code, severity, path, message, message_en, params)."""
        return [finding.to_dict() for finding in self.result.findings]


class ParseError(_FindingsError, ValueError):
    """A document (or a tertial code) is not of the expected shape.

    Like pydantic's ``ValidationError`` it carries every problem at once: :attr:`result` is the
    :class:`~zielsystem.ValidationResult` of the schema-level checks, :attr:`findings` its findings,
    :meth:`errors` the same as dicts. It is also a :class:`ValueError`, so ``except ValueError``
    catches it.
    """


class LifecycleError(_FindingsError):
    """A tertial report refused a lifecycle step (:meth:`TertialReport.decide
    <zielsystem.TertialReport.decide>`, :meth:`TertialReport.note <zielsystem.TertialReport.note>`).

    :attr:`result` is the :class:`~zielsystem.ValidationResult` that forbids it — a ``TR04``
    finding for a step from the wrong stage, or every error the report would have after the step
    (``TR05`` for a sheet with an error, ``TR04`` for a decision before the cut-off, …);
    :attr:`findings` are its findings, :meth:`errors` the same as dicts. The report itself is
    unchanged (reports are immutable).
    """


class ReviewRefused(_FindingsError):
    """A review log refused an event (:meth:`ReviewLog.receive <zielsystem.ReviewLog.receive>`,
    :meth:`ReviewLog.return_sheet <zielsystem.ReviewLog.return_sheet>`,
    :meth:`ReviewLog.accept <zielsystem.ReviewLog.accept>`).

    :attr:`result` holds the findings about the new event (``RV01``–``RV04``); the log itself is
    unchanged (logs are immutable).
    """


# Shown and pickled as ``zielsystem.ParseError``, where users import them from.
ZielsystemError.__module__ = "zielsystem"
ParseError.__module__ = "zielsystem"
LifecycleError.__module__ = "zielsystem"
ReviewRefused.__module__ = "zielsystem"
