"""Typed shapes of the JSON contract (DESIGN §6) as :class:`typing.TypedDict`\\ s and literals.

Everything the package returns as a dict (``to_dict()``, nested parts such as ``TargetSystem.goals``,
analytics rows) has one of these shapes: plain dicts at run time, typed for mypy and IDEs.
"""

from __future__ import annotations

from typing import Dict, List, Literal, Optional, TypedDict, Union

__all__ = [
    "AcceptedEntryDict",
    "AccuracyRowDict",
    "AttainmentRowDict",
    "ContributionDict",
    "CouncilNoteDict",
    "CountermeasureDict",
    "DeclaredGoalCountsDict",
    "Dimension",
    "Direction",
    "EffectsDict",
    "FindingDict",
    "GoalStatusDict",
    "Forecast",
    "GoalDict",
    "IndicatorDict",
    "IndicatorValueDict",
    "Level",
    "Light",
    "MemberDict",
    "MemberStatusDict",
    "OrgUnitDict",
    "OrgUnitKind",
    "OriginDict",
    "OriginKind",
    "PaperDict",
    "PaperKind",
    "Perspective",
    "PortfolioDict",
    "ReportCountermeasureDict",
    "ReportGoalDict",
    "ReportSheetDict",
    "ReportingDict",
    "ReportingStatus",
    "ResolutionDict",
    "ReceivedEntryDict",
    "ResubmittedEntryDict",
    "ReturnedEntryDict",
    "ReviewEntryDict",
    "ReviewEvent",
    "ReviewLogDict",
    "ReviewStatus",
    "RiskDict",
    "Role",
    "Severity",
    "StatusOverviewDict",
    "StaffRepresentationDict",
    "Stage",
    "SummaryDict",
    "TargetSystemDict",
    "TermDict",
    "TertialReportDict",
    "TransitionCellDict",
    "TransitionsDict",
    "ValidationResultDict",
]

# The literal aliases are unions of one-value literals: the same type for mypy as Literal["a", "b"],
# and a real Union at run time, which lets mypy's stubtest check them against the package.
Forecast = Union[Literal["achieved"], Literal["on_track"], Literal["at_risk"], Literal["unlikely"], Literal["not_achieved"]]
"""The risk-oriented forecast (DESIGN §3)."""
Light = Union[Literal["green"], Literal["yellow"], Literal["red"]]
"""The traffic light of a forecast."""
Perspective = Union[Literal["mandate_target_groups"], Literal["administration_internal"]]
"""The two perspectives of a target system."""
Severity = Union[Literal["error"], Literal["warning"]]
"""The severity of a finding."""
Level = Union[Literal["low"], Literal["medium"], Literal["high"]]
"""Likelihood or impact of a risk."""
Direction = Union[Literal["increase"], Literal["decrease"]]
"""Which way an indicator should move."""
Role = Union[Literal["mayor"], Literal["councillor"]]
"""The office in which a member holds a portfolio."""
OrgUnitKind = Union[Literal["steering_service"], Literal["office"], Literal["service_unit"], Literal["staff_unit"], Literal["other"]]
"""The kind of an organisational unit."""
OriginKind = Union[Literal["new"], Literal["continued"]]
"""Whether a goal is new or continued from the previous year."""
Dimension = Union[Literal["perspective"], Literal["portfolio"], Literal["tertial"]]
"""A dimension the attainment table can be summarised by."""
PaperKind = Union[Literal["decision"], Literal["information"]]
"""The kind of a Bezirksamtsvorlage: zur Beschlussfassung or zur Kenntnisnahme."""


class ResolutionDict(TypedDict):
    """The Bezirksamt's resolution: number (``"36/VI"``) and day of the decision (ISO date)."""

    number: str
    decided_on: str


class DeclaredGoalCountsDict(TypedDict):
    """Goal counts per perspective as declared in the resolution."""

    mandate_target_groups: int
    administration_internal: int


class PortfolioDict(TypedDict):
    """A portfolio (Geschäftsbereich): id ``"I"`` … ``"VI"`` and name."""

    id: str
    name: str


# "from" is a Python keyword, so the functional form declares this one.
TermDict = TypedDict(
    "TermDict",
    {"portfolio": str, "role": Role, "from": str, "until": Optional[str]},
)
TermDict.__doc__ = (
    "A dated term in which a member holds a portfolio (``until`` inclusive, ``None`` while open)."
)


class MemberDict(TypedDict):
    """A member of the Bezirksamt with dated terms; ``name`` is ``None`` where persons stay unnamed."""

    id: str
    name: Optional[str]
    terms: List[TermDict]


class OrgUnitDict(TypedDict):
    """An organisational unit and the portfolio it belongs to."""

    id: str
    name: str
    kind: OrgUnitKind
    portfolio: str


class _OriginRequired(TypedDict):
    kind: OriginKind


class OriginDict(_OriginRequired, total=False):
    """Whether a goal is new or continued; a continued goal names its predecessor (``"2021/A03"``)."""

    predecessor: str


class IndicatorDict(TypedDict):
    """An indicator (Kennzahl) of a goal."""

    id: str
    name: str
    unit: str
    baseline: float
    target: float
    direction: Direction


class _GoalRequired(TypedDict):
    id: str
    perspective: Perspective
    title: str
    portfolio: str
    org_units: List[str]
    origin: OriginDict


class GoalDict(_GoalRequired, total=False):
    """A goal of the target system (``description`` and ``indicators`` only where given)."""

    description: str
    indicators: List[IndicatorDict]


class ReportingDict(TypedDict):
    """The reporting plan."""

    first_tertial: str


class _TargetSystemRequired(TypedDict):
    schema_version: str
    authority: str
    year: int
    resolution: ResolutionDict
    mission_statement: str
    portfolios: List[PortfolioDict]
    members: List[MemberDict]
    org_units: List[OrgUnitDict]
    goals: List[GoalDict]
    reporting: ReportingDict


class TargetSystemDict(_TargetSystemRequired, total=False):
    """A target system as a dict (``TargetSystem.to_dict()``)."""

    declared_goal_counts: DeclaredGoalCountsDict


class _ContributionRequired(TypedDict):
    text: str


class ContributionDict(_ContributionRequired, total=False):
    """A contribution realised in the reporting period, with the unit that realised it if named."""

    org_unit: str


class IndicatorValueDict(TypedDict):
    """The value of an indicator on a day (ISO date)."""

    indicator: str
    value: float
    as_of: str


class RiskDict(TypedDict):
    """A risk for the rest of the year."""

    description: str
    likelihood: Level
    impact: Level


class CountermeasureDict(TypedDict):
    """A proposed countermeasure and the org units whose coordination it needs."""

    description: str
    org_units: List[str]


class ReportSheetDict(TypedDict):
    """A report sheet as a dict (``ReportSheet.to_dict()``)."""

    schema_version: str
    authority: str
    goal: str
    tertial: str
    reporting_member: str
    submitted_on: str
    contributions: List[ContributionDict]
    indicator_values: List[IndicatorValueDict]
    risks: List[RiskDict]
    forecast: Forecast
    rationale: str
    countermeasures: List[CountermeasureDict]


class _FindingRequired(TypedDict):
    code: str
    severity: Severity
    path: str
    message: str
    message_en: str


class FindingDict(_FindingRequired, total=False):
    """A finding as a dict (``params`` only where the message has any)."""

    params: Dict[str, str]


class ValidationResultDict(TypedDict):
    """A validation result as a dict."""

    valid: bool
    findings: List[FindingDict]


class AttainmentRowDict(TypedDict):
    """One row of the attainment table: one goal in one tertial."""

    goal: str
    perspective: Perspective
    portfolio: str
    tertial: str
    forecast: Forecast
    light: Light
    risk_count: int
    highest_risk_score: int
    countermeasure_count: int
    indicator_attainment_percent: Optional[float]


class _SummaryRequired(TypedDict):
    sheets: int
    green: int
    yellow: int
    red: int
    achieved: int
    on_track: int
    at_risk: int
    unlikely: int
    not_achieved: int
    share_at_risk: float
    mean_indicator_attainment_percent: Optional[float]


class SummaryDict(_SummaryRequired, total=False):
    """One group of a summary; only the dimensions summarised by are present."""

    perspective: Perspective
    portfolio: str
    tertial: str


class TransitionCellDict(TypedDict):
    """One cell of the transition matrix (``None``: no sheet in that tertial)."""

    from_light: Optional[Light]
    to_light: Optional[Light]
    count: int
    goals: List[str]


class TransitionsDict(TypedDict):
    """The transitions between two tertials as a dict."""

    from_tertial: str
    to_tertial: str
    cells: List[TransitionCellDict]
    improved: int
    worsened: int
    unchanged: int


class AccuracyRowDict(TypedDict):
    """How well the T1 or T2 forecasts of one perspective were borne out by the T3 result."""

    perspective: Perspective
    tertial: str
    forecasts: int
    borne_out: int
    green_forecasts: int
    green_borne_out: int
    yellow_red_forecasts: int
    yellow_red_borne_out: int
    unresolved: int
    accuracy_percent: Optional[float]


ReportingStatus = Union[
    Literal["submitted_on_time"], Literal["submitted_late"], Literal["missing"], Literal["overdue"]
]
"""Whether and when a goal's sheet came in (DESIGN §6)."""
Stage = Union[Literal["draft"], Literal["decided"], Literal["noted"]]
"""The lifecycle stage of a tertial report."""


class ReportGoalDict(TypedDict):
    """One goal of a tertial report (the keys consumers may rely on; the dict carries more)."""

    goal: str
    perspective: Perspective
    portfolio: str
    reporting_status: ReportingStatus
    forecast: Optional[Forecast]
    light: Optional[Light]
    sheet_digest: Optional[str]


class ReportCountermeasureDict(TypedDict):
    """A countermeasure of a tertial report, with its goal."""

    goal: str
    description: str
    org_units: List[str]


class CouncilNoteDict(TypedDict):
    """The council (BVV) taking note of a report: day (ISO date), printed-paper number
    (``"0297/VI"``) and the recorded outcome, if any."""

    noted_on: str
    number: str
    outcome: Optional[str]


class TertialReportDict(TypedDict):
    """A tertial report as a dict: the keys of DESIGN §6 consumers may rely on (the dict also carries
    counts, light changes, history, context and the sheets themselves)."""

    schema_version: str
    authority: str
    tertial: str
    as_of: str
    stage: Stage
    decision: Optional[ResolutionDict]
    council: Optional[CouncilNoteDict]
    goals: List[ReportGoalDict]
    missing_goals: List[str]
    countermeasures: List[ReportCountermeasureDict]
    findings: List[FindingDict]


class StaffRepresentationDict(TypedDict):
    """Beteiligung der Beschäftigtenvertretungen: whether any is involved, and each one's part
    (``None`` where not involved)."""

    involved: bool
    staff_council: Optional[str]
    womens_representative: Optional[str]
    disability_representative: Optional[str]
    youth_representation: Optional[str]


class EffectsDict(TypedDict):
    """The effects of sections 6–10 of a paper; a section that does not apply says ``"keine"``."""

    budget: Optional[str]
    staff: Optional[str]
    gender_equality: Optional[str]
    disability: Optional[str]
    integration: Optional[str]
    social_space: Optional[str]


class PaperDict(TypedDict):
    """A Bezirksamtsvorlage as a dict (``Paper.to_dict()``); every section is ``None`` when absent."""

    schema_version: str
    number: Optional[str]
    meeting_date: Optional[str]
    kind: Optional[PaperKind]
    subject: Optional[str]
    rapporteur: Optional[str]
    draft_resolution: Optional[List[str]]
    publication: Optional[bool]
    staff_representation: Optional[StaffRepresentationDict]
    justification: Optional[str]
    legal_basis: Optional[str]
    effects: Optional[EffectsDict]
    co_signatures: Optional[str]


ReviewEvent = Union[Literal["received"], Literal["returned"], Literal["resubmitted"], Literal["accepted"]]
"""The kinds of event in a review log."""


class ReceivedEntryDict(TypedDict):
    """A sheet came in (``digest``: its ``sha256:…`` digest)."""

    event: Literal["received"]
    date: str
    goal: str
    reviewer: str
    digest: str


class ReturnedEntryDict(TypedDict):
    """The sheet was returned with the codes of its findings, a comment and a new due date."""

    event: Literal["returned"]
    date: str
    goal: str
    reviewer: str
    findings: List[str]
    comment: str
    due_on: str


class ResubmittedEntryDict(TypedDict):
    """A corrected sheet came in (``digest``) for the returned version (``replaces``)."""

    event: Literal["resubmitted"]
    date: str
    goal: str
    reviewer: str
    digest: str
    replaces: str


class AcceptedEntryDict(TypedDict):
    """The latest version of the sheet was accepted."""

    event: Literal["accepted"]
    date: str
    goal: str
    reviewer: str


ReviewEntryDict = Union[ReceivedEntryDict, ReturnedEntryDict, ResubmittedEntryDict, AcceptedEntryDict]
"""One entry of a review log."""


class ReviewLogDict(TypedDict):
    """A review log as a dict (``ReviewLog.to_dict()``)."""

    schema_version: str
    authority: str
    tertial: str
    entries: List[ReviewEntryDict]


ReviewStatus = Union[Literal["under_review"], Literal["returned"], Literal["accepted"]]
"""Where a sheet stands in the steering service's review."""


class GoalStatusDict(TypedDict):
    """One goal's sheet on the day of a status overview."""

    goal: str
    title: str
    member: Optional[str]
    due_on: str
    reporting_status: ReportingStatus
    submitted_on: Optional[str]
    review_status: Optional[ReviewStatus]
    overdue_working_days: int
    escalate: bool


class MemberStatusDict(TypedDict):
    """The goals one member is responsible for (``member`` is ``None`` for vacant portfolios)."""

    member: Optional[str]
    name: Optional[str]
    goals: List[GoalStatusDict]


class StatusOverviewDict(TypedDict):
    """The status overview of a tertial on a day (``zielsystem.status``)."""

    authority: str
    tertial: str
    as_of: str
    deadline: str
    grace_working_days: int
    members: List[MemberStatusDict]
    escalations: List[GoalStatusDict]
