"""zielsystem — goal steering (Zielsteuerung) of Berlin district offices, with a Rust core.

Load a target system and its report sheets, validate them against the rule catalogue, consolidate a
tertial report and evaluate goal attainment::

    import datetime
    import zielsystem as zs

    system = zs.TargetSystem.from_file("examples/mitte-2022/target-system.json")
    sheet = zs.ReportSheet.from_file("examples/mitte-2022/sheets/2022-T1/A01.json")
    zs.validate_sheet(sheet, system).valid
    report = zs.consolidate(system, [sheet], "2022-T1", datetime.date(2022, 6, 15))
    report.to_markdown()
    table = zs.attainment_table(system, [sheet])

The Berichtsblatt as an office form: ``system.write_form("2022-T2", goal="A01")`` gives the
pre-filled XLSX workbook; ``zs.read_form(path_or_bytes, system)`` reads a filled one (XLSX or ODS)
back into ``(sheet or None, result)``, each finding with its ``cell``.

A draft report moves through its lifecycle with ``report.decide(day, "52/VI")`` and
``decided.note(day, "0297/VI")`` (refused with :class:`LifecycleError`), and goes to the Bezirksamt
as a paper (:class:`Paper`, the Bezirksamtsvorlage) with ``report.to_paper()``, checked by
``validate_paper``.

Documents are immutable; every class converts to and from JSON (``from_json``/``to_json``) and
dicts (``from_dict``/``to_dict``), compares by value and pickles. A document that is not of its
shape raises :class:`ParseError` (also a :class:`ValueError`) with every finding at once.

Across years: ``zs.lineage([system_2021, system_2022, system_2023])`` follows each goal through
its predecessors (:class:`Lineage`: rows, problems, transitions and year-end results across years);
``system.next_year(t3_sheets)`` drafts next year's system and lists what was not carried.

Supported: CPython ≥ 3.9 (one abi3 wheel).
"""

from __future__ import annotations

import os

from typing import Any, Dict, Iterable, List, Mapping, Sequence, Tuple, Union

from zielsystem._exceptions import LifecycleError, ParseError, ReviewRefused, ZielsystemError
from zielsystem._table import Table, Transitions
from zielsystem._rows import (
    AccuracyRowDict,
    AttainmentRowDict,
    Dimension,
    ReminderDict,
    ReturnLetterDict,
    ReviewEvent,
    ReviewStatus,
    StatusOverviewDict,
    SummaryDict,
    TransitionCellDict,
    ValidationResultDict,
)
from zielsystem._types import (
    CouncilNoteDict,
    CouncilOutcome,
    EffectsDict,
    FindingDict,
    Forecast,
    GoalDict,
    Light,
    PaperDict,
    PaperKind,
    Perspective,
    ReportSheetDict,
    ReviewEntryDict,
    ReviewLogDict,
    Severity,
    Stage,
    StaffRepresentationDict,
    TargetSystemDict,
    TertialReportDict,
)
from zielsystem import _zielsystem
from zielsystem._calendar import Tertial
from zielsystem._zielsystem import (
    SCHEMA_VERSION,
    Finding,
    Paper,
    ReportSheet,
    ReviewLog,
    TargetSystem,
    TertialReport,
    ValidationResult,
    __version__,
    consolidate,
    read_form,
    read_forms,
    reminders,
    return_letter,
    validate_paper,
    validate_report,
    status,
    validate_review_log,
    validate_sheet,
    validate_sheets,
    validate_system,
    working_days_after,
)

# Goals across years and the carry-over.
from zielsystem._rows import (
    LineageDict,
    LineageProblemDict,
    LineageRowDict,
    NotCarriedDict,
    ResultAcrossRowDict,
)
from zielsystem._zielsystem import Lineage, lineage, next_year

__all__ = [
    "SCHEMA_VERSION",
    "AccuracyRowDict",
    "AttainmentRowDict",
    "CouncilNoteDict",
    "Dimension",
    "EffectsDict",
    "Finding",
    "FindingDict",
    "Forecast",
    "GoalDict",
    "LifecycleError",
    "Light",
    "Paper",
    "PaperDict",
    "PaperKind",
    "CouncilOutcome",
    "PaperLike",
    "ParseError",
    "Perspective",
    "ReportLike",
    "ReportSheet",
    "ReportSheetDict",
    "ReviewEntryDict",
    "ReviewEvent",
    "ReviewLog",
    "ReviewLogDict",
    "ReviewLogLike",
    "ReviewRefused",
    "ReviewStatus",
    "Severity",
    "StatusOverviewDict",
    "SheetLike",
    "StaffRepresentationDict",
    "Stage",
    "SummaryDict",
    "SystemLike",
    "Table",
    "TargetSystem",
    "TargetSystemDict",
    "Tertial",
    "TertialReport",
    "TertialReportDict",
    "TransitionCellDict",
    "Transitions",
    "ValidationResult",
    "ValidationResultDict",
    "ZielsystemError",
    "__version__",
    "attainment_table",
    "consolidate",
    "forecast_accuracy",
    "status",
    "read_form",
    "read_forms",
    "ReminderDict",
    "ReturnLetterDict",
    "reminders",
    "return_letter",
    "summary_by",
    "transitions",
    "validate_paper",
    "validate_report",
    "validate_review_log",
    "validate_sheet",
    "validate_sheets",
    "validate_system",
    "working_days_after",
    "Lineage",
    "LineageDict",
    "LineageProblemDict",
    "LineageRowDict",
    "NotCarriedDict",
    "ResultAcrossRowDict",
    "lineage",
    "next_year",
]

SystemLike = Union[TargetSystem, str, bytes, Mapping[str, Any]]
"""A target system, or its JSON text, bytes or dict (any mapping)."""
SheetLike = Union[ReportSheet, str, bytes, Mapping[str, Any]]
"""A report sheet, or its JSON text, bytes or dict (any mapping)."""
ReportLike = Union[TertialReport, str, bytes, Mapping[str, Any]]
"""A tertial report, or its JSON text, bytes or dict (any mapping)."""
PaperLike = Union[Paper, str, bytes, Mapping[str, Any]]
"""A Bezirksamtsvorlage, or its JSON text, bytes or dict (any mapping)."""
ReviewLogLike = Union[ReviewLog, str, bytes, Mapping[str, Any]]
"""A review log, or its JSON text, bytes or dict (any mapping)."""

ATTAINMENT_COLUMNS: Tuple[str, ...] = _zielsystem.ATTAINMENT_COLUMNS
"""The columns of :func:`attainment_table` (the core's row type, in field order)."""
TRANSITION_COLUMNS: Tuple[str, ...] = _zielsystem.TRANSITION_COLUMNS
"""The columns of the cells of :func:`transitions`."""
ACCURACY_COLUMNS: Tuple[str, ...] = _zielsystem.ACCURACY_COLUMNS
"""The columns of :func:`forecast_accuracy`."""


def attainment_table(system: SystemLike, sheets: Iterable[SheetLike]) -> Table[AttainmentRowDict]:
    """The attainment table: one row per goal and tertial with a sheet that counts.

    Columns: authority, year, goal, title, perspective, portfolio, member, tertial, submitted_on,
    deadline, days_late, reporting_status, forecast, light, risk_count, highest_risk_score (likelihood × impact, 1–9; 0 without risks), countermeasure_count,
    indicator_attainment_percent (mean of ``(value − baseline) / (target − baseline) × 100`` over
    the sheet's indicator values; ``None`` where undefined).

    A sheet counts when its authority, year and goal belong to ``system``; of several sheets on one
    goal and tertial the one submitted last counts. Rows are ordered by tertial, then goal order.
    """
    return Table(_zielsystem.attainment_table(system, sheets))


def summary_by(
    system: SystemLike,
    sheets: Iterable[SheetLike],
    by: Union[Dimension, Sequence[Dimension]] = "tertial",
) -> Table[SummaryDict]:
    """Summaries of the attainment table grouped by ``by``: ``"perspective"``, ``"portfolio"``,
    ``"tertial"`` (``"authority"`` and ``"year"`` are allowed and form one group here; they tell
    groups apart in :meth:`Corpus.summary_by`), or a sequence of them (``()``: one group of
    everything).

    Each group counts its sheets per light and per forecast, the share at risk
    (``(at_risk + unlikely) / sheets``) and the mean indicator attainment. Raises ``ValueError``
    for an unknown dimension.
    """
    dimensions = [by] if isinstance(by, str) else list(by)
    return Table(_zielsystem.summary_by(system, sheets, dimensions))


def transitions(
    system: SystemLike,
    sheets: Iterable[SheetLike],
    from_tertial: Union[Tertial, str],
    to_tertial: Union[Tertial, str],
) -> Transitions:
    """How every goal's light changed from ``from_tertial`` to ``to_tertial`` (both in the
    system's year, else ``ValueError``): a 4 × 4 matrix of green, yellow, red and no sheet
    (``None``), with the goals in each cell, and counts of goals improved, worsened, unchanged."""
    result = _zielsystem.transitions(system, sheets, from_tertial, to_tertial)
    return Transitions(
        result["cells"],
        from_tertial=Tertial(result["from_tertial"]),
        to_tertial=Tertial(result["to_tertial"]),
        improved=result["improved"],
        worsened=result["worsened"],
        unchanged=result["unchanged"],
    )


def forecast_accuracy(system: SystemLike, sheets: Iterable[SheetLike]) -> Table[AccuracyRowDict]:
    """How many T1 and T2 forecasts the year-end (T3) result bore out, per perspective.

    The T3 sheet states the result (``achieved`` or ``not_achieved``; otherwise the goal is
    unresolved). A green forecast (``achieved``, ``on_track``) is borne out by ``achieved``, a yellow
    or red one (``at_risk``, ``unlikely``) by ``not_achieved``. ``accuracy_percent`` is borne-out ÷
    resolved forecasts × 100 (``None`` when nothing is resolved). One row per perspective and
    forecasting tertial.
    """
    return Table(_zielsystem.forecast_accuracy(system, sheets))


class Corpus:
    """Target systems and report sheets of many authorities and years, checked and grouped by
    (authority, year). Load one with :func:`load_corpus`.

    Every table covers every group; rows carry ``authority`` and ``year``. Documents that could
    not be placed (not a document, no system for their authority and year, a goal the system does
    not have, a second system of the same authority and year) are counted in
    :attr:`unplaced_count` and listed by :meth:`problems` with their reason, together with placed
    documents that have error findings.
    """

    __slots__ = ("_native",)

    def __init__(self, native: _zielsystem.Corpus) -> None:
        self._native = native

    @property
    def groups(self) -> List[Tuple[str, int]]:
        """(authority, year) of every target system, in order."""
        return self._native.groups

    @property
    def sheets_read(self) -> int:
        """Sheets read."""
        return self._native.sheets_read

    @property
    def sheets_placed(self) -> int:
        """Sheets placed with the system of their authority and year."""
        return self._native.sheets_placed

    @property
    def unplaced_count(self) -> int:
        """Documents that could not be placed."""
        return self._native.unplaced_count

    def attainment_table(self) -> Table[AttainmentRowDict]:
        """One row per authority, year, goal and tertial with a sheet that counts."""
        return Table(self._native.attainment_table())

    def summary_by(self, by: Union[Dimension, Sequence[Dimension]]) -> Table[SummaryDict]:
        """Summaries of the attainment table by ``authority``, ``year``, ``tertial``,
        ``perspective`` and/or ``portfolio`` (a name or a sequence; empty: one group of
        everything). Portfolios keep the order of their own target system."""
        return Table(self._native.summary_by(by))

    def countermeasure_table(self) -> Table[Dict[str, Any]]:
        """Countermeasures × org units of the sheets that count."""
        return Table(self._native.countermeasure_table())

    def indicator_table(self) -> Table[Dict[str, Any]]:
        """Indicator values of the sheets that count, against baseline and target."""
        return Table(self._native.indicator_table())

    def risk_table(self) -> Table[Dict[str, Any]]:
        """Risks named on the sheets that count."""
        return Table(self._native.risk_table())

    def punctuality_table(self) -> Table[Dict[str, Any]]:
        """Per member and tertial: sheets, on time, late, days late."""
        return Table(self._native.punctuality_table())

    def problems(self) -> Table[Dict[str, Any]]:
        """Every document not placed (``placed`` false) or with error findings, with the reason."""
        return Table(self._native.problems())

    def __repr__(self) -> str:
        return repr(self._native)


def load_corpus(
    *paths: Union[str, "os.PathLike[str]"],
    systems: Sequence[Union[str, "os.PathLike[str]"]] = (),
    valid_only: bool = False,
) -> Corpus:
    """Loads target systems and report sheets of many authorities and years.

    Each path is a folder — with ``systems.jsonl`` and ``sheets.jsonl`` as ``zielsystem-gen``
    writes them, or a tree of JSON files where ``target-system.json`` files (and files in a
    ``systems`` folder) are target systems and every other ``.json`` file a report sheet — or a
    ``.json`` / ``.jsonl`` file of sheets; ``systems`` adds files or folders of target systems.
    Sheets are checked against the system of their authority and year (RS01–RS18); with
    ``valid_only`` those with error findings are left out of the tables (and still listed). The GIL
    is released while loading.
    """
    return Corpus(
        _zielsystem.load_corpus(
            [os.fspath(p) for p in paths], [os.fspath(p) for p in systems], valid_only
        )
    )


def labels_de() -> Dict[str, Dict[str, str]]:
    """The German labels of the vocabulary columns: ``{column: {value: label}}``, e.g.
    ``labels_de()["light"]["red"] == "rot"``; with pandas
    ``frame["light"].cat.rename_categories(labels_de()["light"])``."""
    return _zielsystem.labels_de()


__all__ += ["Corpus", "labels_de", "load_corpus"]
