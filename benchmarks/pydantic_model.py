"""The report sheet and target system as pydantic v2 models, with the sheet rules as validators.

This is what a competent pydantic user would write instead of using zielsystem: strict models of
the JSON contract (unknown keys forbidden, closed vocabularies as ``Literal``, dates exactly
``YYYY-MM-DD``, tertials by pattern) and a model validator that checks a sheet against its target
system, passed in the validation context, with the rules RS01–RS18 of the catalogue
(``docs/rules.md``). The system is validated once and indexed (goals, members, units by id) so
that checking a sheet costs dictionary look-ups, as it would in a service.

:func:`validate_sheet` returns the same information as ``zielsystem.validate_sheet``: every
schema-level problem (from pydantic) or every rule finding, each with code, severity, JSON Pointer
and a German message. It writes German messages only, where zielsystem writes German and English.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
import re
from typing import Annotated, Any, Literal, Optional

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    model_validator,
)

Forecast = Literal["achieved", "on_track", "at_risk", "unlikely", "not_achieved"]
Level = Literal["low", "medium", "high"]
TertialCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-T[1-3]$")]

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: Any) -> Any:
    # pydantic also reads "2022-05-02T00:00:00" and numbers as dates; the contract does not.
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ValueError("ein Datum der Form JJJJ-MM-TT wird erwartet")
    return dt.date.fromisoformat(value)


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]

ID_MAX_CHARS = 64
NAME_MAX_CHARS = 300
TEXT_MAX_CHARS = 10_000

LABELS = {
    "achieved": "Ziel erreicht",
    "on_track": "Zielerreichung nicht gefährdet",
    "at_risk": "Zielerreichung gefährdet",
    "unlikely": "Zielerreichung unwahrscheinlich",
    "not_achieved": "Ziel nicht erreicht",
}
AT_RISK = frozenset({"at_risk", "unlikely"})


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- target system ---------------------------------------------------------------------------


class Resolution(Strict):
    number: str
    decided_on: IsoDate


class DeclaredGoalCounts(Strict):
    mandate_target_groups: int = Field(ge=0)
    administration_internal: int = Field(ge=0)


class Portfolio(Strict):
    id: str
    name: str


class Term(Strict):
    portfolio: str
    role: Literal["mayor", "councillor"]
    from_: IsoDate = Field(alias="from")
    until: Optional[IsoDate] = None

    def covers(self, day: dt.date) -> bool:
        return self.from_ <= day and (self.until is None or day <= self.until)


class Member(Strict):
    id: str
    name: Optional[str] = None
    terms: list[Term]


class OrgUnit(Strict):
    id: str
    name: str
    kind: Literal["steering_service", "office", "service_unit", "staff_unit", "other"]
    portfolio: str


class Origin(Strict):
    kind: Literal["new", "continued"]
    predecessor: Optional[str] = None


class Indicator(Strict):
    id: str
    name: str
    unit: str
    baseline: float
    target: float
    direction: Literal["increase", "decrease"]


class Goal(Strict):
    id: str
    perspective: Literal["mandate_target_groups", "administration_internal"]
    title: str
    description: Optional[str] = None
    portfolio: str
    org_units: list[str]
    origin: Origin
    indicators: list[Indicator] = []


class Reporting(Strict):
    first_tertial: TertialCode


class TargetSystem(Strict):
    schema_version: str
    authority: str
    year: int
    resolution: Resolution
    mission_statement: str
    declared_goal_counts: Optional[DeclaredGoalCounts] = None
    portfolios: list[Portfolio]
    members: list[Member]
    org_units: list[OrgUnit]
    goals: list[Goal]
    reporting: Reporting

    _goals: dict[str, Goal] = PrivateAttr(default_factory=dict)
    _members: dict[str, Member] = PrivateAttr(default_factory=dict)
    _units: dict[str, str] = PrivateAttr(default_factory=dict)
    _indicators: dict[str, frozenset[str]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        self._goals = {goal.id: goal for goal in self.goals}
        self._members = {member.id: member for member in self.members}
        self._units = {}
        for unit in self.org_units:
            self._units.setdefault(unit.id, unit.portfolio)
        self._indicators = {
            goal.id: frozenset(ind.id for ind in goal.indicators) for goal in self.goals
        }

    def holder_on(self, portfolio: str, day: dt.date) -> Optional[str]:
        for member in self.members:
            for term in member.terms:
                if term.portfolio == portfolio and term.covers(day):
                    return member.id
        return None


# --- calendar ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def tertial_dates(code: str) -> tuple[int, int, dt.date, dt.date]:
    """(year, period, cut-off, deadline) of a tertial code such as ``2022-T1``."""
    year, period = int(code[:4]), int(code[-1])
    last_month = 4 * period
    cut_off = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    due_year, due_month = (year + 1, 1) if last_month == 12 else (year, last_month + 1)
    deadline = dt.date(due_year, due_month, calendar.monthrange(due_year, due_month)[1])
    return year, period, cut_off, deadline


def tertial_label(code: str) -> str:
    return f"{'I' * int(code[-1])}. Tertial {code[:4]}"


# --- report sheet ------------------------------------------------------------------------------


class Contribution(Strict):
    text: str
    org_unit: Optional[str] = None


class IndicatorValue(Strict):
    indicator: str
    value: float
    as_of: IsoDate


class Risk(Strict):
    description: str
    likelihood: Level
    impact: Level


class Countermeasure(Strict):
    description: str
    org_units: list[str]


Finding = dict[str, str]


def _finding(code: str, severity: str, path: str, message: str) -> Finding:
    return {"code": code, "severity": severity, "path": path, "message": message}


class ReportSheet(Strict):
    schema_version: str
    authority: str
    goal: str
    tertial: TertialCode
    reporting_member: str
    signed_by: Optional[str] = None
    submitted_on: IsoDate
    contributions: list[Contribution]
    indicator_values: list[IndicatorValue]
    risks: list[Risk]
    forecast: Forecast
    rationale: str
    countermeasures: list[Countermeasure]

    @model_validator(mode="after")
    def _rules(self, info: ValidationInfo) -> ReportSheet:
        context = info.context or {}
        system: Optional[TargetSystem] = context.get("system")
        if system is not None:
            context.setdefault("findings", []).extend(
                self.rule_findings(system, context.get("history", ()))
            )
        return self

    def rule_findings(self, system: TargetSystem, history: Any = ()) -> list[Finding]:
        out: list[Finding] = []
        error = lambda code, path, msg: out.append(_finding(code, "error", path, msg))  # noqa: E731
        warning = lambda code, path, msg: out.append(_finding(code, "warning", path, msg))  # noqa: E731
        year, period, cut_off, deadline = tertial_dates(self.tertial)
        label = LABELS[self.forecast]

        # RS01
        if self.schema_version != "1":
            error("RS01", "/schema_version", f"Schema-Version „{self.schema_version}“ wird nicht unterstützt.")
        if self.authority != system.authority:
            error("RS01", "/authority", f"Das Berichtsblatt gehört zu „{self.authority}“, das Zielsystem zu „{system.authority}“.")
        if year != system.year:
            error("RS01", "/tertial", f"Das Tertial {self.tertial} liegt nicht im Jahr {system.year} des Zielsystems.")
        elif self.tertial < system.reporting.first_tertial:
            error("RS01", "/tertial", f"Das Tertial {self.tertial} liegt vor dem ersten Berichtstertial {system.reporting.first_tertial}.")
        # RS02
        goal = system._goals.get(self.goal)
        if goal is None:
            error("RS02", "/goal", f"Das Ziel „{self.goal}“ existiert nicht im Zielsystem.")
        # RS03
        member = system._members.get(self.reporting_member)
        if member is None:
            error("RS03", "/reporting_member", f"„{self.reporting_member}“ ist kein Bezirksamtsmitglied im Zielsystem.")
        elif goal is not None:
            day = self.submitted_on
            if not any(t.portfolio == goal.portfolio and t.covers(day) for t in member.terms):
                holder = system.holder_on(goal.portfolio, day)
                who = f"berichten darf nur „{holder}“" if holder else "er ist an diesem Tag unbesetzt"
                error("RS03", "/reporting_member", f"„{member.id}“ hat am {day} den Geschäftsbereich {goal.portfolio} nicht inne; {who}.")
        # RS04, RS05
        if self.submitted_on < cut_off:
            warning("RS04", "/submitted_on", f"Eingereicht am {self.submitted_on}, vor dem Berichtsstichtag {cut_off}.")
        if self.submitted_on > deadline:
            warning("RS05", "/submitted_on", f"Eingereicht am {self.submitted_on}, nach der Berichtsfrist {deadline}.")
        # RS06
        if period == 3 and self.forecast in ("on_track", "at_risk", "unlikely"):
            error("RS06", "/forecast", f"Die Einschätzung „{label}“ ist im {tertial_label(self.tertial)} nicht zulässig.")
        at_risk = self.forecast in AT_RISK
        # RS07
        if at_risk and not self.risks:
            error("RS07", "/risks", f"Bei der Einschätzung „{label}“ muss mindestens ein Risiko genannt werden.")
        # RS08
        if self.forecast in ("achieved", "on_track") and self.countermeasures:
            warning("RS08", "/countermeasures", f"Aktivitäten zur Gegensteuerung sind bei gefährdeter Zielerreichung vorgesehen; bei „{label}“ ist keine Gegensteuerung nötig.")
        # RS09 (and RS16, reported after RS15)
        one_portfolio: list[tuple[int, str]] = []
        for i, cm in enumerate(self.countermeasures):
            distinct = len(set(cm.org_units))
            if distinct < 2:
                error("RS09", f"/countermeasures/{i}/org_units", f"Die Aktivität zur Gegensteuerung betrifft nur {distinct} Organisationseinheit(en).")
            for j, unit in enumerate(cm.org_units):
                if unit not in system._units:
                    error("RS09", f"/countermeasures/{i}/org_units/{j}", f"Die Organisationseinheit „{unit}“ existiert nicht im Zielsystem.")
            portfolios = {system._units.get(unit) for unit in cm.org_units}
            if distinct >= 2 and len(portfolios) == 1 and None not in portfolios:
                one_portfolio.append((i, portfolios.pop() or ""))
        # RS10
        if not self.contributions:
            warning("RS10", "/contributions", "Es ist kein im Berichtszeitraum realisierter Zielerreichungsbeitrag genannt.")
        # RS11
        if self.forecast == "on_track" and any(r.likelihood == "high" and r.impact == "high" for r in self.risks):
            warning("RS11", "/forecast", "„Zielerreichung nicht gefährdet“ trotz eines Risikos mit hoher Eintrittswahrscheinlichkeit und hoher Auswirkung.")
        elif self.forecast == "unlikely" and self.risks and all(r.likelihood == "low" and r.impact == "low" for r in self.risks):
            warning("RS11", "/forecast", "„Zielerreichung unwahrscheinlich“, obwohl nur geringe Risiken genannt sind.")
        # RS12
        indicators = system._indicators.get(self.goal)
        for i, value in enumerate(self.indicator_values):
            if indicators is not None and value.indicator not in indicators:
                error("RS12", f"/indicator_values/{i}/indicator", f"Die Kennzahl „{value.indicator}“ gehört nicht zum Ziel „{self.goal}“.")
            if not math.isfinite(value.value):
                error("RS12", f"/indicator_values/{i}/value", f"Der Wert der Kennzahl „{value.indicator}“ ist keine endliche Zahl.")
        # RS13
        if self.forecast != "achieved":
            earlier = [
                h.tertial
                for h in history
                if h.goal == self.goal
                and h.authority == self.authority
                and h.tertial[:4] == self.tertial[:4]
                and h.tertial < self.tertial
                and h.forecast == "achieved"
            ]
            if earlier:
                latest = max(earlier)
                warning("RS13", "/forecast", f"Das Ziel „{self.goal}“ wurde im {tertial_label(latest)} als erreicht gemeldet, jetzt als „{label}“.")
        # RS14
        texts: list[tuple[str, str, str, int, bool]] = [
            ("/authority", "Behörde", self.authority, NAME_MAX_CHARS, True),
            ("/goal", "Ziel", self.goal, ID_MAX_CHARS, False),
            ("/reporting_member", "Berichtendes Bezirksamtsmitglied", self.reporting_member, ID_MAX_CHARS, False),
        ]
        if self.signed_by is not None:
            texts.append(("/signed_by", "Unterzeichnet in Vertretung", self.signed_by, ID_MAX_CHARS, False))
        for i, c in enumerate(self.contributions):
            texts.append((f"/contributions/{i}/text", "Zielerreichungsbeitrag", c.text, TEXT_MAX_CHARS, True))
            if c.org_unit is not None:
                texts.append((f"/contributions/{i}/org_unit", "Organisationseinheit", c.org_unit, ID_MAX_CHARS, False))
        for i, v in enumerate(self.indicator_values):
            texts.append((f"/indicator_values/{i}/indicator", "Kennzahl", v.indicator, ID_MAX_CHARS, False))
        for i, r in enumerate(self.risks):
            texts.append((f"/risks/{i}/description", "Risiko", r.description, TEXT_MAX_CHARS, True))
        texts.append(("/rationale", "Begründung", self.rationale, TEXT_MAX_CHARS, True))
        for i, cm in enumerate(self.countermeasures):
            texts.append((f"/countermeasures/{i}/description", "Aktivität zur Gegensteuerung", cm.description, TEXT_MAX_CHARS, True))
            for j, unit in enumerate(cm.org_units):
                texts.append((f"/countermeasures/{i}/org_units/{j}", "Organisationseinheit", unit, ID_MAX_CHARS, False))
        for path, field, text, limit, required in texts:
            if required and not text.strip():
                error("RS14", path, f"Das Textfeld „{field}“ ist leer.")
            elif len(text) > limit:
                error("RS14", path, f"Das Textfeld „{field}“ hat {len(text)} Zeichen, erlaubt sind höchstens {limit}.")
        # RS15
        if self.signed_by is not None:
            signer = system._members.get(self.signed_by)
            if self.signed_by == self.reporting_member:
                error("RS15", "/signed_by", f"„{self.signed_by}“ ist selbst das berichtende Mitglied; „signed_by“ nennt nur eine Vertretung.")
            elif signer is None:
                error("RS15", "/signed_by", f"„{self.signed_by}“ (unterzeichnet in Vertretung) ist kein Bezirksamtsmitglied im Zielsystem.")
            elif not any(t.covers(self.submitted_on) for t in signer.terms):
                error("RS15", "/signed_by", f"„{self.signed_by}“ ist am {self.submitted_on} nicht im Amt und kann nicht in Vertretung unterzeichnen.")
        # RS16
        for i, portfolio in one_portfolio:
            warning("RS16", f"/countermeasures/{i}/org_units", f"Alle Organisationseinheiten der Aktivität zur Gegensteuerung gehören zum Geschäftsbereich {portfolio}.")
        # RS17
        for i, c in enumerate(self.contributions):
            if c.org_unit is not None and c.org_unit not in system._units:
                error("RS17", f"/contributions/{i}/org_unit", f"Die Organisationseinheit „{c.org_unit}“ des Zielerreichungsbeitrags existiert nicht im Zielsystem.")
        # RS18
        if period != 3 and self.forecast == "not_achieved":
            warning("RS18", "/forecast", f"„{label}“ schon im {tertial_label(self.tertial)}: die Begründung soll darlegen, warum das Ziel nicht mehr erreicht werden kann.")
        return out


_SCHEMA_CODES = {
    "missing": "SCHEMA_REQUIRED",
    "extra_forbidden": "SCHEMA_UNKNOWN_KEY",
    "literal_error": "SCHEMA_ENUM",
    "string_pattern_mismatch": "SCHEMA_FORMAT",
    "value_error": "SCHEMA_FORMAT",
    "json_invalid": "JSON_SYNTAX",
}


def _pointer(loc: tuple[Any, ...]) -> str:
    return "".join(f"/{part}" for part in loc)


def validate_sheet(
    raw: bytes | str, system: TargetSystem, history: Any = ()
) -> tuple[bool, list[Finding]]:
    """Every finding on a sheet given as JSON, and whether it is valid (no error)."""
    context: dict[str, Any] = {"system": system, "history": history, "findings": []}
    try:
        ReportSheet.model_validate_json(raw, context=context)
    except ValidationError as exc:
        findings = [
            _finding(
                _SCHEMA_CODES.get(err["type"], "SCHEMA_TYPE"),
                "error",
                _pointer(err["loc"]),
                err["msg"],
            )
            for err in exc.errors(include_url=False)
        ]
        return False, findings
    findings = context["findings"]
    return not any(f["severity"] == "error" for f in findings), findings
