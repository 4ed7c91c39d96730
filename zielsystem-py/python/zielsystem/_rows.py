"""Typed shapes that have no JSON Schema of their own: the rows of the analytics functions, the
status overview of the steering service and the validation result as dicts. Hand-written; the shapes of the documents are generated into
``zielsystem._types`` from ``schemas/`` (``scripts/gen-types``).
"""

from __future__ import annotations

from typing import List, Literal, Optional, TypedDict, Union

from zielsystem._types import (
    FindingDict,
    Forecast,
    Light,
    OriginKind,
    Perspective,
    ReportingStatus,
)

__all__ = [
    "AccuracyRowDict",
    "AttainmentRowDict",
    "Dimension",
    "GoalStatusDict",
    "MemberStatusDict",
    "ReminderDict",
    "ReturnLetterDict",
    "ReviewEvent",
    "ReviewStatus",
    "StatusOverviewDict",
    "SummaryDict",
    "TransitionCellDict",
    "TransitionsDict",
    "ValidationResultDict",
    "LineageDict",
    "LineageProblemDict",
    "LineageRowDict",
    "NotCarriedDict",
    "ResultAcrossRowDict",
]

Dimension = Union[
    Literal["authority"], Literal["year"], Literal["perspective"], Literal["portfolio"], Literal["tertial"]
]
"""A dimension the attainment table can be summarised by."""


class ValidationResultDict(TypedDict):
    """A validation result as a dict."""

    valid: bool
    findings: List[FindingDict]


class AttainmentRowDict(TypedDict):
    """One row of the attainment table: one goal in one tertial."""

    authority: str
    year: int
    goal: str
    title: str
    perspective: Perspective
    portfolio: str
    member: str
    tertial: str
    submitted_on: str
    deadline: str
    days_late: int
    reporting_status: ReportingStatus
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

    authority: str
    year: int
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


ReviewEvent = Union[Literal["received"], Literal["returned"], Literal["resubmitted"], Literal["accepted"]]
"""The kinds of event in a review log (the ``event`` of each ``ReviewEntryDict`` variant)."""


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
    office: Optional[str]
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


# Goals across years (zielsystem.lineage) and the carry-over (TargetSystem.next_year).


class LineageRowDict(TypedDict):
    """One goal of one year in the lineage."""

    authority: str
    year: int
    goal: str
    title: str
    perspective: Perspective
    portfolio: str
    kind: OriginKind
    predecessors: List[str]
    lineage: str
    roots: List[str]
    generation: int


class LineageProblemDict(TypedDict):
    """A reference the lineage could not follow."""

    kind: Literal["malformed", "not_earlier", "dangling", "duplicate_system"]
    authority: str
    year: int
    goal: str
    predecessor: str
    message: str
    message_en: str


class LineageDict(TypedDict):
    """The lineage as a dict."""

    rows: List[LineageRowDict]
    problems: List[LineageProblemDict]


class ResultAcrossRowDict(TypedDict):
    """A goal's year-end result against its predecessor's."""

    perspective: Perspective
    year: int
    goal: str
    predecessor: str
    predecessor_result: Optional[Forecast]
    result: Optional[Forecast]
    change: Literal["improved", "worsened", "same", "unresolved"]


class NotCarriedDict(TypedDict):
    """Something the carry-over did not take into next year's draft."""

    kind: Literal["resolution", "declared_goal_counts", "term", "member", "baseline"]
    path: str
    message: str
    message_en: str
class ReminderDict(TypedDict):
    """A reminder letter (``zielsystem.reminders``); ``member`` is ``None`` for vacant portfolios."""

    member: Optional[str]
    markdown: str
    html: str


class ReturnLetterDict(TypedDict):
    """A return letter (``zielsystem.return_letter``): the goal, the member it goes to, the new due
    date, the digest of the returned version, and the letter."""

    goal: str
    member: Optional[str]
    due_on: str
    digest: str
    markdown: str
    html: str
