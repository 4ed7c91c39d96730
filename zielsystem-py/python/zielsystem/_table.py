"""Tables of analytics rows: typed Arrow columns built in Rust, read by pyarrow, polars, pandas and
DuckDB through the Arrow PyCapsule interface without a copy."""

from __future__ import annotations

import importlib
import os

from typing import TYPE_CHECKING, Any, Dict, Generic, Iterator, List, Optional, TypeVar, Union, overload

from zielsystem import _zielsystem

if TYPE_CHECKING:
    from zielsystem._rows import TransitionCellDict
    from zielsystem._types import Light
    from zielsystem._calendar import Tertial

__all__ = ["Table", "Transitions"]

Row = TypeVar("Row")

_PathLike = Union[str, "os.PathLike[str]"]


def _missing(package: str, error: ImportError) -> ImportError:
    message = (
        f"{package} ist nicht installiert / {package} is not installed: "
        f"pip install 'zielsystem[{package}]'"
    )
    missing = ImportError(message, name=package)
    missing.__cause__ = error
    return missing


def _import(package: str) -> Any:
    try:
        return importlib.import_module(package)
    except ImportError as error:
        raise _missing(package, error) from error


class Table(Generic[Row]):
    """Rows of an analysis in a fixed column order, held in Rust as one Arrow record batch.

    - a read-only sequence: ``len(table)``, ``table[i]`` (a fresh dict of the row's JSON shape,
      built for that row only), slices, iteration, ``.rows``;
    - an Arrow table: ``__arrow_c_stream__`` lets ``pyarrow.table(t)``, ``polars.DataFrame(t)``,
      ``duckdb.sql("select … from t")`` read the typed columns without a copy or a Python loop;
      :meth:`to_arrow`, :meth:`to_pandas` and :meth:`to_polars` are conveniences;
    - exports: :meth:`to_parquet`, :meth:`to_csv`, :meth:`to_xlsx`.

    Columns are typed: dates ``date32``, counts integers, tertials and the vocabularies
    (forecast, light, perspective, reporting status, …) ordered dictionaries in the order of their
    scale (``red`` > ``yellow`` > ``green``); an empty table has the same schema.
    """

    __slots__ = ("_native",)

    def __init__(self, native: _zielsystem.ArrowTable) -> None:
        self._native = native

    @property
    def rows(self) -> List[Row]:
        """The rows as a new list of dicts."""
        rows: List[Row] = self._native.rows(0, len(self._native))
        return rows

    @property
    def columns(self) -> List[str]:
        """The column names, in order."""
        return list(self._native.columns)

    @property
    def title_de(self) -> str:
        """The German name of the table (the XLSX sheet's name)."""
        return self._native.title_de

    def categories(self) -> Dict[str, List[str]]:
        """The values of each ordered dictionary column, in their order."""
        return dict(self._native.categories())

    def __len__(self) -> int:
        return len(self._native)

    def __iter__(self) -> Iterator[Row]:
        native = self._native
        size = len(native)
        step = 1024
        for start in range(0, size, step):
            yield from native.rows(start, min(start + step, size))

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> List[Row]: ...
    def __getitem__(self, index: Union[int, slice]) -> Union[Row, List[Row]]:
        size = len(self._native)
        if isinstance(index, slice):
            start, stop, step = index.indices(size)
            if step == 1:
                rows: List[Row] = self._native.rows(start, max(start, stop))
                return rows
            return [self._native.row(i) for i in range(start, stop, step)]
        position = index + size if index < 0 else index
        if not 0 <= position < size:
            raise IndexError("Zeile außerhalb der Tabelle / table index out of range")
        row: Row = self._native.row(position)
        return row

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Table):
            return NotImplemented
        return bool(self.columns == other.columns and self.rows == other.rows)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} rows, columns={self.columns!r})"

    # --- Arrow ----------------------------------------------------------------------------------

    def __arrow_c_schema__(self) -> object:
        """The Arrow schema as a PyCapsule (Arrow PyCapsule interface)."""
        return self._native.__arrow_c_schema__()

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The table as an Arrow C stream in a PyCapsule (Arrow PyCapsule interface)."""
        return self._native.__arrow_c_stream__(requested_schema)

    def to_arrow(self) -> Any:
        """The table as a ``pyarrow.Table`` (needs ``pip install 'zielsystem[arrow]'``)."""
        pyarrow = _import("pyarrow")
        return pyarrow.table(self)

    def to_pandas(self) -> Any:
        """The table as a ``pandas.DataFrame`` (needs ``pip install 'zielsystem[pandas]'``, which
        brings pyarrow): vocabularies and tertials as ordered ``Categorical``s, dates as
        ``datetime64``, counts as integers."""
        _import("pandas")
        return self.to_arrow().to_pandas(date_as_object=False)

    def to_polars(self) -> Any:
        """The table as a ``polars.DataFrame`` (needs ``pip install 'zielsystem[polars]'``):
        vocabularies and tertials as ``polars.Enum`` in their order, dates as ``Date``."""
        polars = _import("polars")
        frame = polars.DataFrame(self)
        categories = self.categories()
        if not categories:
            return frame
        return frame.with_columns(
            [polars.col(name).cast(polars.Enum(values)) for name, values in categories.items()]
        )

    # --- Exports --------------------------------------------------------------------------------

    def to_parquet(self, path: _PathLike, *, partition: bool = False) -> int:
        """Writes Parquet; with ``partition``, a folder with one file per authority and year
        (``authority=…/year=…/part-0.parquet``, the layout DuckDB and Spark read as one table).
        Returns the number of files written."""
        return self._native.write(os.fspath(path), "parquet", partition)

    def to_csv(self, path: _PathLike, *, excel: bool = False) -> None:
        """Writes CSV: UTF-8 with commas and the JSON names and values, or with ``excel`` the
        variant German Excel opens correctly (byte-order mark, semicolons, German headers, labels,
        dates and decimal commas). Free texts starting with ``=``, ``+``, ``-``, ``@``, a tab or a
        carriage return get a leading ``'`` so no spreadsheet runs them as formulas."""
        self._native.write(os.fspath(path), "csv-excel" if excel else "csv", False)

    def to_xlsx(self, path: _PathLike) -> None:
        """Writes an XLSX workbook: German headers (frozen, with a filter) and labels, dates as
        dates, numbers as numbers, texts as text cells (never formulas)."""
        self._native.write(os.fspath(path), "xlsx", False)


class Transitions(Table["TransitionCellDict"]):
    """The light → light transitions of every goal between two tertials: 16 cells (green, yellow,
    red, no sheet — ``None`` — before and after), with counts of goals improved, worsened and
    unchanged."""

    __slots__ = ("from_tertial", "improved", "to_tertial", "unchanged", "worsened")

    def __init__(
        self,
        cells: _zielsystem.ArrowTable,
        *,
        from_tertial: Tertial,
        to_tertial: Tertial,
        improved: int,
        worsened: int,
        unchanged: int,
    ) -> None:
        super().__init__(cells)
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
        for cell in self:
            out.setdefault(cell["from_light"], {})[cell["to_light"]] = cell["count"]
        return out

    def __repr__(self) -> str:
        return (
            f"Transitions({self.from_tertial} → {self.to_tertial}: improved={self.improved}, "
            f"worsened={self.worsened}, unchanged={self.unchanged})"
        )
