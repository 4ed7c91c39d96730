"""The tertial: a ``str`` of its code (``"2022-T1"``) with the calendar of the procedure.

A tertial *is* its code. As a ``str`` subclass it equals and hashes like ``"2022-T1"`` and orders
like it (the code's four-digit year and period sort chronologically), so a column of tertial codes
in pandas, polars or DuckDB filters with a :class:`Tertial` as with the text — ``df[df.tertial >=
zs.Tertial("2022-T2")]`` — and tertials serialise to JSON as their code. Dates and navigation come
from the Rust core (the native ``_Tertial``); nothing is computed here.
"""

from __future__ import annotations

import datetime
from typing import Any, List, Literal, Tuple

from zielsystem import _zielsystem

__all__ = ["Tertial"]


class Tertial(str):
    """A tertial of a calendar year, written ``"2022-T1"``: I January–April, II May–August,
    III September–December. Immutable; equal to, hashed and ordered like its code.

    ``Tertial("2022-T4")`` raises :class:`ParseError` (a ``SCHEMA_FORMAT`` finding).
    """

    __slots__ = ()

    def __new__(cls, code: str) -> Tertial:
        native = _zielsystem._Tertial(code)
        return str.__new__(cls, native.code)

    def _native(self) -> _zielsystem._Tertial:
        return _zielsystem._Tertial(str(self))

    @property
    def year(self) -> int:
        """The calendar year."""
        return self._native().year

    @property
    def period(self) -> Literal[1, 2, 3]:
        """Which of the three tertials: 1, 2 or 3."""
        return self._native().period

    @property
    def start(self) -> datetime.date:
        """The first day of the tertial."""
        return self._native().start

    @property
    def cut_off(self) -> datetime.date:
        """The cut-off (Berichtsstichtag): the tertial's last day."""
        return self._native().cut_off

    @property
    def deadline(self) -> datetime.date:
        """The deadline (Berichtsfrist): the last day of the month after the cut-off."""
        return self._native().deadline

    @property
    def code(self) -> str:
        """The code as a plain ``str``, e.g. ``"2022-T1"``."""
        return str(self)

    @property
    def label_de(self) -> str:
        """The German label, e.g. ``"I. Tertial 2022"``."""
        return self._native().label_de

    def contains(self, day: datetime.date) -> bool:
        """Whether ``day`` lies within the tertial (start and cut-off inclusive)."""
        return self._native().contains(day)

    def next(self) -> Tertial:
        """The following tertial; ``OverflowError`` after 9999-T3."""
        return Tertial(self._native().next().code)

    def previous(self) -> Tertial:
        """The preceding tertial; ``OverflowError`` before 0000-T1."""
        return Tertial(self._native().previous().code)

    @classmethod
    def containing(cls, day: datetime.date) -> Tertial:
        """The tertial containing ``day``."""
        return cls(_zielsystem._Tertial.containing(day).code)

    @classmethod
    def of_year(cls, year: int) -> List[Tertial]:
        """The three tertials of ``year``, in order."""
        return [cls(t.code) for t in _zielsystem._Tertial.of_year(year)]

    def __repr__(self) -> str:
        return f"Tertial({str.__repr__(self)})"

    def __reduce__(self) -> Tuple[Any, Tuple[str]]:
        return (Tertial, (str(self),))


# Tertials the core returns (a sheet's tertial, a system's reporting tertials, …) are built as
# this class.
_zielsystem._register_tertial_class(Tertial)
