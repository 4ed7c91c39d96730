"""The native module of ``zielsystem`` (built from the Rust crate ``zielsystem-py``).

Import from :mod:`zielsystem`, not from here.
"""

import datetime
import os
from typing import Any, Iterable, Literal, Mapping, Sequence, TypedDict, Union, final

from zielsystem._calendar import Tertial
from zielsystem._rows import (
    AccuracyRowDict,
    AttainmentRowDict,
    LineageDict,
    LineageProblemDict,
    LineageRowDict,
    NotCarriedDict,
    ResultAcrossRowDict,
    ReminderDict,
    ReturnLetterDict,
    StatusOverviewDict,
    TransitionsDict,
    ValidationResultDict,
)
from zielsystem._types import (
    ContributionDict,
    CouncilNoteDict,
    CouncilOutcome,
    CountermeasureDict,
    DeclaredGoalCountsDict,
    EffectsDict,
    FindingDict,
    Forecast,
    GoalDict,
    IndicatorValueDict,
    Light,
    MemberDict,
    OrgUnitDict,
    PaperDict,
    PaperKind,
    PortfolioDict,
    ReportingDict,
    ReportReviewDict,
    ReportCountermeasureDict,
    ReportGoalDict,
    ReportSheetDict,
    ResolutionDict,
    ReviewEntryDict,
    ReviewLogDict,
    RiskDict,
    Severity,
    Stage,
    StaffRepresentationDict,
    TargetSystemDict,
    TertialReportDict,
)

__all__ = [
    "SCHEMA_VERSION",
    "__version__",
    "ATTAINMENT_COLUMNS",
    "TRANSITION_COLUMNS",
    "ACCURACY_COLUMNS",
    "_Tertial",
    "_register_tertial_class",
    "TargetSystem",
    "ReportSheet",
    "Paper",
    "ReviewLog",
    "Finding",
    "ValidationResult",
    "TertialReport",
    "validate_system",
    "validate_sheet",
    "validate_sheets",
    "validate_report",
    "validate_paper",
    "validate_review_log",
    "status",
    "working_days_after",
    "reminders",
    "return_letter",
    "read_form",
    "read_forms",
    "consolidate",
    "attainment_table",
    "summary_by",
    "summary_columns",
    "transitions",
    "forecast_accuracy",
    "ArrowTable",
    "Corpus",
    "load_corpus",
    "labels_de",
    "Lineage",
    "lineage",
    "next_year",
]

SCHEMA_VERSION: str
__version__: str
ATTAINMENT_COLUMNS: tuple[str, ...]
TRANSITION_COLUMNS: tuple[str, ...]
ACCURACY_COLUMNS: tuple[str, ...]

_Json = Union[str, bytes]
_Path = Union[str, "os.PathLike[str]"]
_SystemLike = Union["TargetSystem", str, bytes, Mapping[str, Any]]
_SheetLike = Union["ReportSheet", str, bytes, Mapping[str, Any]]
_ReportLike = Union["TertialReport", str, bytes, Mapping[str, Any]]
_PaperLike = Union["Paper", str, bytes, Mapping[str, Any]]
_ReviewLogLike = Union["ReviewLog", str, bytes, Mapping[str, Any]]

class _TransitionsResult(TypedDict):
    from_tertial: str
    to_tertial: str
    improved: int
    worsened: int
    unchanged: int
    cells: ArrowTable

@final
class _Tertial:
    """The native tertial behind :class:`zielsystem.Tertial` (a ``str`` subclass); import that one."""

    def __new__(cls, code: str) -> _Tertial: ...
    @property
    def year(self) -> int:
        """The calendar year."""
    @property
    def period(self) -> Literal[1, 2, 3]:
        """Which of the three tertials: 1, 2 or 3."""
    @property
    def start(self) -> datetime.date:
        """The first day of the tertial."""
    @property
    def cut_off(self) -> datetime.date:
        """The cut-off (Berichtsstichtag): the tertial's last day."""
    @property
    def deadline(self) -> datetime.date:
        """The deadline (Berichtsfrist): the last day of the month after the cut-off."""
    @property
    def code(self) -> str:
        """The code, e.g. ``"2022-T1"``."""
    @property
    def label_de(self) -> str:
        """The German label, e.g. ``"I. Tertial 2022"``."""
    def contains(self, day: datetime.date) -> bool:
        """Whether ``day`` lies within the tertial (start and cut-off inclusive)."""
    def next(self) -> _Tertial:
        """The following tertial; ``OverflowError`` after 9999-T3."""
    def previous(self) -> _Tertial:
        """The preceding tertial; ``OverflowError`` before 0000-T1."""
    @classmethod
    def containing(cls, day: datetime.date) -> _Tertial:
        """The tertial containing ``day``."""
    @classmethod
    def of_year(cls, year: int) -> list[_Tertial]:
        """The three tertials of ``year``, in order."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __lt__(self, other: _Tertial, /) -> bool: ...
    def __le__(self, other: _Tertial, /) -> bool: ...
    def __gt__(self, other: _Tertial, /) -> bool: ...
    def __ge__(self, other: _Tertial, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

@final
class TargetSystem:
    """The target system (Zielsystem) of one authority and calendar year.

    Nested parts (goals, members, …) are returned as fresh dicts of their JSON shape.
    """

    @classmethod
    def from_json(cls, data: _Json) -> TargetSystem:
        """Parses a target system from JSON text; ``ParseError`` lists every problem."""
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TargetSystem:
        """Builds a target system from a dict of its JSON shape."""
    @classmethod
    def from_file(cls, path: _Path) -> TargetSystem:
        """Reads a target system from a JSON file."""
    @property
    def schema_version(self) -> str:
        """The version of the JSON contract, ``"1"``."""
    def sheet_schema(self) -> dict[str, Any]:
        """The report-sheet JSON Schema for this system's sheets: goals, members, org units,
        indicators and tertials as titled enumerations (for form generators)."""
    @property
    def authority(self) -> str:
        """The authority, e.g. ``"Bezirksamt Mitte von Berlin"``."""
    @property
    def year(self) -> int:
        """The calendar year the system is decided for."""
    @property
    def resolution(self) -> ResolutionDict:
        """The resolution that decided the system."""
    @property
    def mission_statement(self) -> str:
        """The mission statement (Leitbild)."""
    @property
    def declared_goal_counts(self) -> DeclaredGoalCountsDict | None:
        """The declared goal counts per perspective, or ``None``."""
    @property
    def portfolios(self) -> list[PortfolioDict]:
        """The portfolios (Geschäftsbereiche)."""
    @property
    def members(self) -> list[MemberDict]:
        """The members of the Bezirksamt with their dated terms."""
    @property
    def org_units(self) -> list[OrgUnitDict]:
        """The organisational units."""
    @property
    def goals(self) -> list[GoalDict]:
        """The goals, in the order of the resolution."""
    @property
    def reporting(self) -> ReportingDict:
        """The reporting plan."""
    @property
    def first_tertial(self) -> Tertial:
        """The first tertial reported on."""
    @property
    def reporting_tertials(self) -> list[Tertial]:
        """The tertials reported on in the system's year."""
    def goal(self, id: str) -> GoalDict | None:
        """The goal with this id, or ``None``."""
    def holder_on(self, portfolio: str, day: datetime.date) -> str | None:
        """The id of the member holding ``portfolio`` on ``day``, or ``None`` when vacant."""
    def next_year(
        self, final_sheets: Iterable[_SheetLike] | None = None
    ) -> tuple[TargetSystem, list[NotCarriedDict]]:
        """The draft of next year's system and what was not carried: every goal continued and
        linked to its predecessor, members with terms still running, the new year's reporting
        calendar, and — from ``final_sheets``, this year's T3 sheets — last year's final values as
        baselines."""
    def write_form(
        self,
        tertial: Tertial | str,
        *,
        goal: str | None = None,
        member: str | None = None,
        previous: Iterable[_SheetLike] | None = None,
        answers: Iterable[_SheetLike] | None = None,
    ) -> bytes:
        """The Berichtsblatt as a pre-filled XLSX form: of ``goal``, or of every goal ``member``
        reports on (a worksheet each), filled with ``answers``, ``previous`` shown for reference."""
    def to_dict(self) -> TargetSystemDict:
        """The system as a dict of its JSON shape."""
    def to_json(self, *, indent: int | None = None) -> str:
        """The system as JSON text; ``indent`` spaces per level when given."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int:
        """A hash consistent with ``==``: equal documents hash equally."""
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

@final
class ReportSheet:
    """The uniform report sheet (Berichtsblatt) on one goal for one tertial.

    Nested parts (risks, contributions, …) are returned as fresh dicts of their JSON shape.
    """

    @classmethod
    def from_json(cls, data: _Json) -> ReportSheet:
        """Parses a report sheet from JSON text; ``ParseError`` lists every problem."""
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReportSheet:
        """Builds a report sheet from a dict of its JSON shape."""
    @classmethod
    def from_file(cls, path: _Path) -> ReportSheet:
        """Reads a report sheet from a JSON file."""
    @property
    def schema_version(self) -> str:
        """The version of the JSON contract, ``"1"``."""
    @property
    def authority(self) -> str:
        """The authority whose target system the goal belongs to."""
    @property
    def goal(self) -> str:
        """The goal reported on, e.g. ``"A01"``."""
    @property
    def digest(self) -> str:
        """The sheet's digest, ``"sha256:…"`` of its canonical JSON: how the review log, the return
        letter and the tertial report name this version of the sheet."""
    @property
    def tertial(self) -> Tertial:
        """The tertial reported on."""
    @property
    def reporting_member(self) -> str:
        """The id of the member who reports."""
    @property
    def signed_by(self) -> str | None:
        """The id of the deputy who signed in representation of the reporting member, or ``None``."""
    @property
    def submitted_on(self) -> datetime.date:
        """The day of submission."""
    @property
    def contributions(self) -> list[ContributionDict]:
        """Contributions realised in the reporting period."""
    @property
    def indicator_values(self) -> list[IndicatorValueDict]:
        """Values of the goal's indicators."""
    @property
    def risks(self) -> list[RiskDict]:
        """Risks for the rest of the year."""
    @property
    def forecast(self) -> Forecast:
        """The risk-oriented forecast."""
    @property
    def light(self) -> Light:
        """The forecast's traffic light."""
    @property
    def rationale(self) -> str:
        """Why the forecast was given."""
    @property
    def countermeasures(self) -> list[CountermeasureDict]:
        """Proposed countermeasures."""
    @property
    def highest_risk_score(self) -> int:
        """The highest likelihood × impact of the risks, 1–9; 0 when none is named."""
    def to_dict(self) -> ReportSheetDict:
        """The sheet as a dict of its JSON shape."""
    def to_json(self, *, indent: int | None = None) -> str:
        """The sheet as JSON text; ``indent`` spaces per level when given."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int:
        """A hash consistent with ``==``: equal documents hash equally."""
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

@final
class Paper:
    """A Bezirksamtsvorlage (paper): the fixed form in which the Bezirksamt decides, and in which it
    passes reports to the council for information. Every section may be absent (``None``), so that
    ``validate_paper`` can report it (BV02). Immutable.

    Nested parts (staff representation, effects) are returned as fresh dicts of their JSON shape.
    """

    @classmethod
    def from_json(cls, data: _Json) -> Paper:
        """Parses a paper from JSON text; ``ParseError`` lists every problem."""
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Paper:
        """Builds a paper from a dict of its JSON shape."""
    @classmethod
    def from_file(cls, path: _Path) -> Paper:
        """Reads a paper from a JSON file."""
    @property
    def schema_version(self) -> str:
        """The version of the JSON contract, ``"1"``."""
    @property
    def number(self) -> str | None:
        """Number and electoral term (Vorlagen-Nr.), e.g. ``"36/VI"``; ``None`` until assigned."""
    @property
    def meeting_date(self) -> datetime.date | None:
        """The day of the Bezirksamt's session, or ``None`` while no date is set."""
    @property
    def kind(self) -> PaperKind | None:
        """``"decision"`` (zur Beschlussfassung), ``"information"`` (zur Kenntnisnahme) or
        ``"council_information"`` (zur Kenntnisnahme an die Bezirksverordnetenversammlung)."""
    @property
    def decision(self) -> ResolutionDict | None:
        """The Bezirksamt's decision a paper for the council reports, or ``None``."""
    @property
    def communication(self) -> list[str] | None:
        """What a paper for the council brings to its knowledge, paragraph by paragraph."""
    @property
    def subject(self) -> str | None:
        """1. Gegenstand der Vorlage (subject)."""
    @property
    def rapporteur(self) -> str | None:
        """2. Berichterstatter/in (rapporteur)."""
    @property
    def draft_resolution(self) -> list[str] | None:
        """3. Beschlussentwurf: the numbered items I., II., …"""
    @property
    def publication(self) -> bool | None:
        """Veröffentlichung: whether the paper is published."""
    @property
    def staff_representation(self) -> StaffRepresentationDict | None:
        """Beteiligung der Beschäftigtenvertretungen."""
    @property
    def justification(self) -> str | None:
        """4. Begründung (justification)."""
    @property
    def legal_basis(self) -> str | None:
        """5. Rechtsgrundlage (legal basis)."""
    @property
    def effects(self) -> EffectsDict | None:
        """6.–10. Auswirkungen (effects)."""
    @property
    def co_signatures(self) -> str | None:
        """11. Mitzeichnung(en) (co-signatures)."""
    def to_dict(self) -> PaperDict:
        """The paper as a dict of its JSON shape."""
    def to_json(self, *, indent: int | None = None) -> str:
        """The paper as JSON text; ``indent`` spaces per level when given."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int:
        """A hash consistent with ``==``: equal documents hash equally."""
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

@final
class ReviewLog:
    """The review log (Prüfprotokoll) of one authority's tertial: one entry per event on a sheet
    (``received``, ``returned``, ``resubmitted``, ``accepted``), each with date, goal and reviewer;
    versions are named by their digest. Immutable.

    The entries are returned as fresh dicts of their JSON shape.
    """

    @classmethod
    def from_json(cls, data: _Json) -> ReviewLog:
        """Parses a review log from JSON text; ``ParseError`` lists every problem."""
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReviewLog:
        """Builds a review log from a dict of its JSON shape."""
    @classmethod
    def from_file(cls, path: _Path) -> ReviewLog:
        """Reads a review log from a JSON file."""
    @property
    def schema_version(self) -> str:
        """The version of the JSON contract, ``"1"``."""
    @property
    def authority(self) -> str:
        """The authority whose sheets are reviewed."""
    @property
    def tertial(self) -> Tertial:
        """The tertial the sheets report on."""
    @property
    def entries(self) -> list[ReviewEntryDict]:
        """The events, in the order they happened."""
    def receive(self, sheet: _SheetLike, reviewer: str, date: datetime.date) -> ReviewLog:
        """The log with ``sheet`` recorded as come in on ``date``: ``resubmitted`` when the goal's
        sheet is returned, ``received`` otherwise; ``ReviewRefused`` when the rules refuse it."""
    def return_sheet(
        self,
        goal: str,
        reviewer: str,
        date: datetime.date,
        comment: str,
        due_on: datetime.date,
        findings: Sequence[str] | None = None,
    ) -> ReviewLog:
        """The log with the sheet of ``goal`` returned for ``findings`` (rule codes) with
        ``comment``, due again on ``due_on``; ``ReviewRefused`` when the rules refuse it."""
    def accept(
        self,
        goal: str,
        reviewer: str,
        date: datetime.date,
        system: _SystemLike | None = None,
        sheets: Iterable[_SheetLike] | None = None,
    ) -> ReviewLog:
        """The log with the latest sheet of ``goal`` accepted; with ``system`` and ``sheets`` an
        acceptance despite error findings is refused (RV02). ``ReviewRefused`` when refused."""
    def to_dict(self) -> ReviewLogDict:
        """The review log as a dict of its JSON shape."""
    def to_json(self, *, indent: int | None = None) -> str:
        """The review log as JSON text; ``indent`` spaces per level when given."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int:
        """A hash consistent with ``==``: equal documents hash equally."""
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

@final
class Finding:
    """One problem found in a document."""

    @classmethod
    def from_json(cls, data: _Json) -> Finding:
        """Parses a finding from its JSON text."""
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Builds a finding from a dict of its JSON shape."""
    @classmethod
    def from_file(cls, path: _Path) -> Finding:
        """Reads a finding from a JSON file."""
    @property
    def code(self) -> str:
        """The stable rule code, e.g. ``"RS03"`` or ``"SCHEMA_REQUIRED"``."""
    @property
    def severity(self) -> Severity:
        """``"error"`` or ``"warning"``."""
    @property
    def path(self) -> str:
        """JSON Pointer of the offending value; ``""`` for the whole document."""
    @property
    def message(self) -> str:
        """The message in German."""
    @property
    def message_en(self) -> str:
        """The message in English."""
    @property
    def params(self) -> dict[str, str]:
        """The values that filled the message."""
    @property
    def is_error(self) -> bool:
        """Whether the finding makes its document invalid."""
    @property
    def cell(self) -> str | None:
        """The cell of a finding in a form (``"Berichtsblatt!C14"``), ``None`` elsewhere."""
    def to_dict(self) -> FindingDict:
        """The finding as a dict of its JSON shape."""
    def to_json(self, *, indent: int | None = None) -> str:
        """The finding as JSON text."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int:
        """A hash consistent with ``==``: equal documents hash equally."""
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

@final
class ValidationResult:
    """The outcome of validating one document: ``valid`` and every finding."""

    @classmethod
    def from_json(cls, data: _Json) -> ValidationResult:
        """Parses a result from its JSON text."""
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ValidationResult:
        """Builds a result from a dict of its JSON shape."""
    @classmethod
    def from_file(cls, path: _Path) -> ValidationResult:
        """Reads a result from a JSON file."""
    @property
    def valid(self) -> bool:
        """False exactly when a finding of severity ``error`` exists."""
    @property
    def findings(self) -> list[Finding]:
        """Every finding, in the order the rules ran."""
    @property
    def errors(self) -> list[Finding]:
        """The findings of severity ``error``."""
    @property
    def warnings(self) -> list[Finding]:
        """The findings of severity ``warning``."""
    @property
    def codes(self) -> list[str]:
        """The codes found, in order, with repetitions."""
    def has(self, code: str) -> bool:
        """Whether a finding of this code exists."""
    def __bool__(self) -> bool:
        """``valid``: ``if result:`` holds exactly when no finding of severity ``error`` exists
        (warnings do not make a result false)."""
    def to_dict(self) -> ValidationResultDict:
        """The result as a dict of its JSON shape."""
    def to_json(self, *, indent: int | None = None) -> str:
        """The result as JSON text."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int:
        """A hash consistent with ``==``: equal documents hash equally."""
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

@final
class TertialReport:
    """The consolidated report of one tertial (Tertialbericht). Immutable."""

    @classmethod
    def from_json(cls, data: _Json) -> TertialReport:
        """Parses a tertial report from JSON text; ``ParseError`` lists every problem."""
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TertialReport:
        """Builds a tertial report from a dict of its JSON shape."""
    @classmethod
    def from_file(cls, path: _Path) -> TertialReport:
        """Reads a tertial report from a JSON file."""
    @property
    def authority(self) -> str:
        """The authority whose target system is reported on."""
    @property
    def tertial(self) -> Tertial:
        """The tertial reported on."""
    @property
    def as_of(self) -> datetime.date:
        """The day the report was consolidated."""
    @property
    def stage(self) -> Stage:
        """The lifecycle stage: ``draft``, ``decided`` or ``noted``."""
    @property
    def decision(self) -> ResolutionDict | None:
        """The Bezirksamt's decision (number, day), once decided; else ``None``."""
    @property
    def council(self) -> CouncilNoteDict | None:
        """The council taking note (day, printed-paper number, outcome), once noted; else ``None``."""
    @property
    def review(self) -> ReportReviewDict | None:
        """The steering service's review of the sheets (every version's digest, the goals not yet
        accepted) when consolidated with a review log; else ``None``."""
    @property
    def goals(self) -> list[ReportGoalDict]:
        """Every goal of the target system with reporting status, forecast and light."""
    @property
    def missing_goals(self) -> list[str]:
        """The goals without a sheet."""
    @property
    def countermeasures(self) -> list[ReportCountermeasureDict]:
        """The countermeasures proposed, with their goals."""
    @property
    def findings(self) -> list[Finding]:
        """The findings of TR01–TR06 the report carries."""
    def validate(self) -> ValidationResult:
        """TR01–TR06 recomputed on the report as it stands."""
    def decide(
        self,
        system: _SystemLike,
        decided_on: datetime.date,
        number: str,
        not_adopted: Sequence[int] | None = None,
    ) -> TertialReport:
        """The report decided by the Bezirksamt on ``decided_on`` with resolution ``number``
        (e.g. ``"52/VI"``), its sheets re-checked against ``system``. Every countermeasure is
        adopted unless its position is in ``not_adopted``. ``LifecycleError`` with the findings
        when refused (not a draft, or the decided report would have an error: TR01, TR02, TR04,
        TR05; a missing sheet is a TR03 warning and does not refuse it)."""
    def note(
        self,
        noted_on: datetime.date,
        number: str | None = None,
        result: CouncilOutcome | None = None,
    ) -> TertialReport:
        """The decided report passed to the council, which dealt with it on ``noted_on`` as printed
        paper ``number`` (e.g. ``"0297/VI"``, ``None`` without one) with ``result``;
        ``LifecycleError`` with the findings when refused (not decided, or the noted report would
        have an error); ``ValueError`` for an unknown ``result``."""
    def to_paper(self) -> Paper:
        """The Bezirksamtsvorlage zur Beschlussfassung (number and meeting date are the
        decision's once decided)."""
    def to_council_paper(self) -> Paper | None:
        """The Vorlage zur Kenntnisnahme for the council once decided; else ``None``."""
    def to_markdown(self, *, example: bool = False) -> str:
        """The Bezirksamtsvorlage zur Beschlussfassung with the report as Anlage, as Markdown
        (German); ``example`` marks it "Beispiel"."""
    def to_html(self, *, example: bool = False) -> str:
        """The same as a self-contained HTML page (German)."""
    def to_council_markdown(self, *, example: bool = False) -> str | None:
        """The Vorlage zur Kenntnisnahme for the council as Markdown; ``None`` before the decision."""
    def to_council_html(self, *, example: bool = False) -> str | None:
        """The Vorlage zur Kenntnisnahme for the council as HTML; ``None`` before the decision."""
    def to_svg(self) -> str:
        """The traffic-light matrix as SVG."""
    def to_oparl(
        self,
        *,
        main_file: _OparlFile,
        written_at: datetime.datetime,
        auxiliary_files: Sequence[_OparlFile] = ...,
        config: bytes | None = None,
        base_url: str | None = None,
        body_url: str | None = None,
        originator_url: str | None = None,
        council_url: str | None = None,
        meeting_url: str | None = None,
        web_url: str | None = None,
        paper_file_name: str = ...,
        web_file_name: str | None = None,
    ) -> dict[str, Any]:
        """The Vorlage zur Kenntnisnahme of the decided report as an OParl 1.1 ``oparl:Paper``
        (a dict of its JSON shape). Files are ``(file_name, name, mime_type, content)``; size and
        checksums come from ``content``. URLs given here win over those of ``config`` (the bytes of
        a configuration file, as ``zielsystem paper --config`` reads it). ``ValueError`` for a
        draft, an unreadable ``config`` or a missing required URL (named, never invented)."""
    def to_pdf(
        self,
        kind: Literal["decision", "council_information"] | None = None,
        *,
        example: bool = False,
    ) -> bytes:
        """A paper of the report as PDF bytes (PDF/A-2a, PDF/UA-1): ``"decision"``,
        ``"council_information"`` or ``None`` for the current paper (the council's once decided)."""
    def to_dict(self) -> TertialReportDict:
        """The report as a dict of its JSON shape."""
    def to_json(self, *, indent: int | None = None) -> str:
        """The report as JSON text."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int:
        """A hash consistent with ``==``: equal documents hash equally."""
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

def validate_system(system: _SystemLike, previous: _SystemLike | None = None) -> ValidationResult:
    """Validates a target system against TS01–TS13 (and its shape, when given as JSON); ``previous`` is
    an earlier year's system of the same authority, usually the previous year's: predecessors of its
    year must exist there (TS08); one of the same or a later year, or of another authority, is a TS13
    finding."""

def validate_sheet(
    sheet: _SheetLike, system: _SystemLike, history: Iterable[_SheetLike] | None = None
) -> ValidationResult:
    """Validates a report sheet against RS01–RS18 (and its shape, when given as JSON)."""

def validate_sheets(
    sheets: Iterable[_SheetLike], system: _SystemLike, history: Iterable[_SheetLike] | None = None
) -> list[ValidationResult]:
    """Validates many sheets against one system without holding the GIL while the rules run."""

def validate_report(report: _ReportLike) -> ValidationResult:
    """Re-checks a tertial report against TR01–TR06 as it stands (and its shape, when given as JSON)."""

def validate_paper(paper: _PaperLike, system: _SystemLike | None = None) -> ValidationResult:
    """Checks a paper (either kind) against BV01–BV04 (and its shape, when given as JSON); its
    number against the numbering pattern of ``system`` when given, else the default form."""

def validate_review_log(
    log: _ReviewLogLike,
    system: _SystemLike | None = None,
    sheets: Iterable[_SheetLike] | None = None,
) -> ValidationResult:
    """Checks a review log against RV01–RV04 (and its shape, when given as JSON); ``system`` (RV02)
    and ``sheets`` (the sheets whose digests the log names) are optional."""

def status(
    system: _SystemLike,
    tertial: Tertial | str,
    as_of: datetime.date,
    sheets: Iterable[_SheetLike],
    log: _ReviewLogLike | None = None,
    grace_working_days: int = 5,
) -> StatusOverviewDict:
    """Where every goal's sheet of ``tertial`` stands on ``as_of``: per member the goals with due
    date, ``reporting_status``, ``review_status`` from ``log``, working days overdue, and the
    escalations past ``grace_working_days``."""

def working_days_after(start: datetime.date, end: datetime.date) -> int:
    """The working days in Berlin after ``start`` up to and including ``end``."""

def reminders(
    system: _SystemLike,
    tertial: Tertial | str,
    as_of: datetime.date,
    sheets: Iterable[_SheetLike],
    log: _ReviewLogLike | None = None,
    grace_working_days: int = 5,
    sender: str = "Steuerungsdienst",
    example: bool = False,
) -> list[ReminderDict]:
    """The reminder letters of the status on ``as_of``: one per member with a sheet still awaited,
    signed by ``sender``, in Markdown and HTML; ``example`` marks them as examples."""

def return_letter(
    log: _ReviewLogLike,
    goal: str,
    system: _SystemLike,
    sheets: Iterable[_SheetLike],
    sender: str | None = None,
    attachment: str | None = None,
    example: bool = False,
) -> ReturnLetterDict:
    """The return letter for the latest return of ``goal``'s sheet in ``log``: the findings in plain
    words with their field, the reviewer's comment and the new due date, in Markdown and HTML.
    Raises ``ValueError`` when the log records no return of the goal's sheet."""

def read_form(
    form: bytes | _Path,
    system: _SystemLike,
    *,
    tertial: Tertial | str | None = None,
    history: Iterable[_SheetLike] | None = None,
) -> tuple[ReportSheet | None, ValidationResult]:
    """Reads a filled form (XLSX or ODS) of one goal: the sheet, or ``None`` when the form could not
    be read into one, and every finding, each with its ``cell``."""

def read_forms(
    form: bytes | _Path,
    system: _SystemLike,
    *,
    tertial: Tertial | str | None = None,
    history: Iterable[_SheetLike] | None = None,
) -> list[tuple[str, ReportSheet | None, ValidationResult]]:
    """Reads every form worksheet of a workbook: ``(worksheet, sheet or None, result)`` each."""

def consolidate(
    system: _SystemLike,
    sheets: Iterable[_SheetLike],
    tertial: Tertial | str,
    as_of: datetime.date,
    previous: Iterable[_SheetLike] | None = None,
    review_log: _ReviewLogLike | None = None,
) -> TertialReport:
    """Consolidates the sheets of ``tertial`` into a draft report as it stands on ``as_of``;
    ``previous`` holds sheets of earlier tertials of the year. With a ``review_log`` the accepted
    version of each goal's sheet counts, superseded versions are dropped, and the report's
    ``review`` lists every version's digest and the goals not yet accepted."""

@final
class ArrowTable:
    """A table of an analysis held in Rust as one Arrow record batch."""

    def __len__(self) -> int: ...
    def row(self, index: int) -> Any:
        """The row at ``index`` as a dict of its JSON shape."""
    def rows(self, start: int, stop: int) -> list[Any]:
        """The rows from ``start`` up to ``stop`` as dicts."""
    @property
    def columns(self) -> list[str]:
        """The column names, in order."""
    @property
    def title_de(self) -> str:
        """The German name of the table."""
    def categories(self) -> list[tuple[str, list[str]]]:
        """The values of each dictionary column, in their order."""
    def __arrow_c_schema__(self) -> object: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...
    def write(self, path: _Path, format: str, partition: bool = False) -> int:
        """Writes the table as ``parquet``, ``csv``, ``csv-excel`` or ``xlsx``."""

@final
class Corpus:
    """Systems and sheets of many authorities and years, grouped by (authority, year)."""

    def attainment_table(self) -> ArrowTable: ...
    def summary_by(self, by: str | Sequence[str]) -> ArrowTable: ...
    def countermeasure_table(self) -> ArrowTable: ...
    def indicator_table(self) -> ArrowTable: ...
    def risk_table(self) -> ArrowTable: ...
    def punctuality_table(self) -> ArrowTable: ...
    def problems(self) -> ArrowTable: ...
    @property
    def groups(self) -> list[tuple[str, int]]: ...
    @property
    def sheets_read(self) -> int: ...
    @property
    def sheets_placed(self) -> int: ...
    @property
    def unplaced_count(self) -> int: ...

def load_corpus(paths: Sequence[_Path], systems: Sequence[_Path] = ..., valid_only: bool = False) -> Corpus:
    """Loads, checks and groups the systems and sheets of many authorities and years."""

def labels_de() -> dict[str, dict[str, str]]:
    """The German labels of the vocabulary columns: ``{column: {value: label}}``."""

def attainment_table(system: _SystemLike, sheets: Iterable[_SheetLike]) -> ArrowTable:
    """The attainment table: one row per goal and tertial with a sheet that counts."""

def summary_by(system: _SystemLike, sheets: Iterable[_SheetLike], by: str | Sequence[str]) -> ArrowTable:
    """Summaries of the attainment table by the given dimensions."""

def summary_columns(by: str | Sequence[str]) -> list[str]:
    """The columns of a summary by the given dimensions: the dimensions, then the counts."""

def transitions(
    system: _SystemLike,
    sheets: Iterable[_SheetLike],
    from_tertial: Tertial | str,
    to_tertial: Tertial | str,
) -> _TransitionsResult:
    """The light → light transitions of every goal between two tertials (cells as a table)."""

def forecast_accuracy(system: _SystemLike, sheets: Iterable[_SheetLike]) -> ArrowTable:
    """The forecast accuracy at year end, per perspective and forecasting tertial."""

_OparlFile = tuple[str, str, str, bytes]

@final
class Lineage:
    """The lineage of the goals of several target systems: each goal's predecessors resolved over
    the years, with its lineage id (the root of its chain) and generation. Immutable."""

    @property
    def rows(self) -> list[LineageRowDict]:
        """One dict per goal and year: by authority, year, then goal order."""
    @property
    def problems(self) -> list[LineageProblemDict]:
        """The references that could not be followed."""
    @property
    def authorities(self) -> list[str]:
        """The authorities, in the order first given."""
    def to_dict(self) -> LineageDict:
        """``{"rows": …, "problems": …}``."""
    def ancestors_in(
        self, year: int, goal: str, at_year: int, *, authority: str | None = None
    ) -> list[str]:
        """The goals of ``at_year`` that ``goal`` of ``year`` descends from."""
    def transitions(
        self,
        sheets: Iterable[_SheetLike],
        from_tertial: Tertial | str,
        to_tertial: Tertial | str,
        *,
        authority: str | None = None,
    ) -> TransitionsDict:
        """The light → light transitions between two tertials of any years, goals followed
        through their predecessors (the goals named are the later ones)."""
    def results(
        self,
        sheets: Iterable[_SheetLike],
        from_year: int,
        to_year: int,
        *,
        authority: str | None = None,
    ) -> list[ResultAcrossRowDict]:
        """Each goal of ``to_year`` descending from a goal of ``from_year``: its year-end result
        against its predecessor's."""
    def __len__(self) -> int: ...

def lineage(systems: Iterable[_SystemLike]) -> Lineage:
    """The lineage of the goals of ``systems`` (any years, any authorities, any order)."""

def next_year(
    system: _SystemLike, final_sheets: Iterable[_SheetLike] | None = None
) -> tuple[TargetSystem, list[NotCarriedDict]]:
    """The draft of next year's system and what was not carried (see
    :meth:`TargetSystem.next_year`)."""

def _register_tertial_class(cls: type[Tertial]) -> None:
    """Registers the class tertials are returned as (the package calls it once at import)."""
