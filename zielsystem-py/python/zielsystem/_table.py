"""Tables of analytics rows with optional export to pandas and polars."""

from __future__ import annotations

import copy
import importlib

from typing import TYPE_CHECKING, Any, Dict, Generic, Iterator, List, Optional, Sequence, TypeVar, overload

if TYPE_CHECKING:
    from zielsystem._rows import TransitionCellDict
    from zielsystem._types import Light
    from zielsystem._zielsystem import Tertial

__all__ = ["Table", "Transitions"]

Row = TypeVar("Row")


def _missing(package: str, error: ImportError) -> ImportError:
    message = (
        f"{package} ist nicht installiert / {package} is not installed: "
        f"pip install 'zielsystem[{package}]'"
    )
    missing = ImportError(message, name=package)
    missing.__cause__ = error
    return missing


class Table(Generic[Row]):
    """Rows of an analysis (each a dict of one shape), in a fixed column order.

    A ``Table`` is a read-only sequence of its rows; :meth:`to_pandas` and :meth:`to_polars` turn it
    into a DataFrame when the optional extra is installed (``pip install 'zielsystem[pandas]'``).
    """

    __slots__ = ("_columns", "_rows")

    def __init__(self, rows: Sequence[Row], columns: Sequence[str]) -> None:
        self._rows: List[Row] = list(rows)
        self._columns: List[str] = list(columns)

    @property
    def rows(self) -> List[Row]:
        """The rows as a new list of dicts."""
        return copy.deepcopy(self._rows)

    @property
    def columns(self) -> List[str]:
        """The column names, in order."""
        return list(self._columns)

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> List[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | List[Row]:
        return self.rows[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Table):
            return NotImplemented
        return bool(self._rows == other._rows and self._columns == other._columns)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self._rows)} rows, columns={self._columns!r})"

    def to_pandas(self) -> Any:
        """The rows as a ``pandas.DataFrame`` (needs ``pip install 'zielsystem[pandas]'``)."""
        try:
            pandas = importlib.import_module("pandas")
        except ImportError as error:
            raise _missing("pandas", error) from error
        return pandas.DataFrame.from_records(self.rows, columns=self._columns)

    def to_polars(self) -> Any:
        """The rows as a ``polars.DataFrame`` (needs ``pip install 'zielsystem[polars]'``)."""
        try:
            polars = importlib.import_module("polars")
        except ImportError as error:
            raise _missing("polars", error) from error
        rows = self.rows
        if not rows:
            return polars.DataFrame({column: [] for column in self._columns})
        return polars.DataFrame(rows).select(self._columns)


class Transitions(Table["TransitionCellDict"]):
    """The light → light transitions of every goal between two tertials: 16 cells (green, yellow,
    red, no sheet — ``None`` — before and after), with counts of goals improved, worsened and
    unchanged."""

    __slots__ = ("from_tertial", "improved", "to_tertial", "unchanged", "worsened")

    def __init__(
        self,
        cells: Sequence[TransitionCellDict],
        columns: Sequence[str],
        *,
        from_tertial: Tertial,
        to_tertial: Tertial,
        improved: int,
        worsened: int,
        unchanged: int,
    ) -> None:
        super().__init__(cells, columns)
        self.from_tertial = from_tertial
        """The earlier tertial."""
        self.to_tertial = to_tertial
        """The later tertial."""
        self.improved = improved
        """Goals whose light got better."""
        self.worsened = worsened
        """Goals whose light got worse."""
        self.unchanged = unchanged
        """Goals with the same light in both tertials."""

    def matrix(self) -> Dict[Optional[Light], Dict[Optional[Light], int]]:
        """The counts as ``{from_light: {to_light: count}}`` (``None``: no sheet)."""
        out: Dict[Optional[Light], Dict[Optional[Light], int]] = {}
        for cell in self._rows:
            out.setdefault(cell["from_light"], {})[cell["to_light"]] = cell["count"]
        return out

    def __repr__(self) -> str:
        return (
            f"Transitions({self.from_tertial} → {self.to_tertial}: improved={self.improved}, "
            f"worsened={self.worsened}, unchanged={self.unchanged})"
        )
