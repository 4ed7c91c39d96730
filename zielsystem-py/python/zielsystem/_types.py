"""Typed shapes of the JSON contract (docs/procedure.md) as :class:`typing.TypedDict`\\ s and literals.

Generated from ``schemas/*.schema.json`` by ``scripts/gen-types``; do not edit by hand (a test fails
when this file is stale). Everything the package returns as a dict (``to_dict()``, nested parts such
as ``TargetSystem.goals``) has one of these shapes: plain dicts at run time, typed for mypy and IDEs.
Keys a schema does not require are not required here; ``Optional`` marks values that may be
``None``. Shapes without a schema of their own (analytics rows, the validation result) are in
``zielsystem._rows``.
"""

from __future__ import annotations

from typing import Dict, List, Literal, Optional, TypedDict, Union

__all__ = [
    "ChangeDirection",
    "Code",
    "ContributionDict",
    "CouncilNoteDict",
    "CouncilOutcome",
    "CountermeasureDict",
    "CountsDict",
    "DeclaredGoalCountsDict",
    "Direction",
    "EffectsDict",
    "FindingDict",
    "Forecast",
    "ForecastCountDict",
    "GoalDict",
    "GoalIndicatorsDict",
    "GoalReviewDict",
    "HistoryEntryDict",
    "IndicatorDict",
    "IndicatorValueDict",
    "LegalBasisDict",
    "Level",
    "Light",
    "LightChangeDict",
    "MemberDict",
    "NumberingDict",
    "OrgUnitDict",
    "OrgUnitKind",
    "OriginDict",
    "OriginKind",
    "PaperDict",
    "PaperKind",
    "Perspective",
    "PortfolioCountDict",
    "PortfolioDict",
    "ReportContextDict",
    "ReportCountermeasureDict",
    "ReportGoalDict",
    "ReportReviewDict",
    "ReportSheetDict",
    "ReportingDict",
    "ReportingStatus",
    "ResolutionDict",
    "ReviewEntryAcceptedDict",
    "ReviewEntryDict",
    "ReviewEntryReceivedDict",
    "ReviewEntryResubmittedDict",
    "ReviewEntryReturnedDict",
    "ReviewLogDict",
    "ReviewStatus",
    "RiskDict",
    "Role",
    "Severity",
    "SheetVersionDict",
    "StaffRepresentationDict",
    "Stage",
    "TargetSystemDict",
    "TermDict",
    "TertialReportDict",
]

ChangeDirection = Union[Literal["worse"], Literal["better"]]
"""Richtung der Veränderung: Ob sich die Ampel eines Ziels verschlechtert oder verbessert hat."""
Code = Union[
    Literal["JSON_SYNTAX"],
    Literal["SCHEMA_TYPE"],
    Literal["SCHEMA_REQUIRED"],
    Literal["SCHEMA_UNKNOWN_KEY"],
    Literal["SCHEMA_FORMAT"],
    Literal["SCHEMA_ENUM"],
    Literal["SCHEMA_DUPLICATE_KEY"],
    Literal["SCHEMA_LIMIT"],
    Literal["TS01"],
    Literal["TS02"],
    Literal["TS03"],
    Literal["TS04"],
    Literal["TS05"],
    Literal["TS06"],
    Literal["TS07"],
    Literal["TS08"],
    Literal["TS09"],
    Literal["TS10"],
    Literal["TS11"],
    Literal["TS12"],
    Literal["TS13"],
    Literal["RS01"],
    Literal["RS02"],
    Literal["RS03"],
    Literal["RS04"],
    Literal["RS05"],
    Literal["RS06"],
    Literal["RS07"],
    Literal["RS08"],
    Literal["RS09"],
    Literal["RS10"],
    Literal["RS11"],
    Literal["RS12"],
    Literal["RS13"],
    Literal["RS14"],
    Literal["RS15"],
    Literal["RS16"],
    Literal["RS17"],
    Literal["RS18"],
    Literal["TR01"],
    Literal["TR02"],
    Literal["TR03"],
    Literal["TR04"],
    Literal["TR05"],
    Literal["TR06"],
    Literal["BV01"],
    Literal["BV02"],
    Literal["BV03"],
    Literal["BV04"],
    Literal["RV01"],
    Literal["RV02"],
    Literal["RV03"],
    Literal["RV04"],
    Literal["FORM_FILE"],
    Literal["FORM_TEMPLATE"],
    Literal["FORM_FOREIGN"],
    Literal["FORM_PROTECTED"],
    Literal["FORM_REQUIRED"],
    Literal["FORM_CHOICE"],
    Literal["FORM_VALUE"],
    Literal["FORM_FORMULA"],
    Literal["FORM_STRAY"],
    Literal["FORM_CONVERTED"],
    Literal["INTERNAL"],
]
"""Regelcode: A stable rule code."""
CouncilOutcome = Union[
    Literal["noted"],
    Literal["noted_with_interim_report"],
    Literal["noted_with_final_report"],
    Literal["referred"],
    Literal["postponed"],
]
"""Ergebnis der Beratung: Was die Bezirksverordnetenversammlung mit einer Vorlage zur Kenntnisnahme
getan hat."""
Direction = Union[Literal["increase"], Literal["decrease"]]
"""Zielrichtung: In welche Richtung sich eine Kennzahl entwickeln soll."""
Forecast = Union[
    Literal["achieved"],
    Literal["on_track"],
    Literal["at_risk"],
    Literal["unlikely"],
    Literal["not_achieved"],
]
"""Risikoorientierte Einschätzung: Wird das Ziel bis zum Ende des Kalenderjahres erreicht?"""
Level = Union[Literal["low"], Literal["medium"], Literal["high"]]
"""Stufe: Eintrittswahrscheinlichkeit oder Auswirkung eines Risikos."""
Light = Union[Literal["green"], Literal["yellow"], Literal["red"]]
"""Ampel: Die Ampelfarbe einer Einschätzung."""
OrgUnitKind = Union[
    Literal["steering_service"],
    Literal["office"],
    Literal["service_unit"],
    Literal["staff_unit"],
    Literal["other"],
]
"""Art der Organisationseinheit: Die Art einer Organisationseinheit."""
OriginKind = Union[
    Literal["new"],
    Literal["continued"],
    Literal["reformulated"],
    Literal["split"],
    Literal["merged"],
]
"""Art der Herkunft: Neu aufgenommen, oder aus Zielen eines früheren Jahres (meist des Vorjahres)
fortgeführt, neu gefasst, aufgeteilt oder zusammengeführt."""
PaperKind = Union[
    Literal["decision"],
    Literal["information"],
    Literal["council_information"],
]
"""Art der Vorlage: Zur Beschlussfassung oder zur Kenntnisnahme."""
Perspective = Union[Literal["mandate_target_groups"], Literal["administration_internal"]]
"""Perspektive: Die beiden Perspektiven des Zielsystems."""
ReportingStatus = Union[
    Literal["submitted_on_time"],
    Literal["submitted_late"],
    Literal["missing"],
    Literal["overdue"],
]
"""Berichtsstatus: Ob das Berichtsblatt eines Ziels am Stichtag des Berichts vorliegt, gemessen an
der Berichtsfrist."""
ReviewStatus = Union[Literal["under_review"], Literal["returned"], Literal["accepted"]]
"""Prüfstand: Wo ein Berichtsblatt in der Prüfung durch den Steuerungsdienst steht."""
Role = Union[Literal["mayor"], Literal["councillor"]]
"""Funktion: Die Funktion, in der ein Mitglied einen Geschäftsbereich innehat."""
Severity = Union[Literal["warning"], Literal["error"]]
"""Schweregrad: Wie schwer ein Befund wiegt; ein Dokument ist genau dann ungültig, wenn ein Befund
„error“ vorliegt."""
Stage = Union[Literal["draft"], Literal["decided"], Literal["noted"]]
"""Stadium des Berichts im Ablauf Entwurf → Beschluss des Bezirksamts → Kenntnisnahme der BVV."""


class ResolutionDict(TypedDict):
    """Beschluss: Ein Beschluss des Bezirksamts über eine Vorlage."""

    number: str
    decided_on: str


class _StaffRepresentationDictRequired(TypedDict):
    involved: bool


class StaffRepresentationDict(_StaffRepresentationDictRequired, total=False):
    """Beteiligung der Beschäftigtenvertretungen an der Vorlage."""

    staff_council: Optional[str]
    womens_representative: Optional[str]
    disability_representative: Optional[str]
    youth_representation: Optional[str]


class EffectsDict(TypedDict, total=False):
    """Auswirkungen: Die Auswirkungen der Abschnitte 6 bis 10; nicht Zutreffendes lautet „keine“."""

    budget: Optional[str]
    staff: Optional[str]
    gender_equality: Optional[str]
    disability: Optional[str]
    integration: Optional[str]
    social_space: Optional[str]


class _PaperDictRequired(TypedDict):
    schema_version: str


class PaperDict(_PaperDictRequired, total=False):
    """Bezirksamtsvorlage: Vorlage an das Bezirksamt in der festen Form: Nummer, Sitzung,
    Gegenstand, Berichterstatter/in, Beschlussentwurf, Veröffentlichung, Beteiligung der
    Beschäftigtenvertretungen, Begründung, Rechtsgrundlage, Auswirkungen und Mitzeichnung."""

    number: Optional[str]
    meeting_date: Optional[str]
    kind: Optional[PaperKind]
    decision: Optional[ResolutionDict]
    subject: Optional[str]
    rapporteur: Optional[str]
    draft_resolution: Optional[List[str]]
    publication: Optional[bool]
    staff_representation: Optional[StaffRepresentationDict]
    communication: Optional[List[str]]
    justification: Optional[str]
    legal_basis: Optional[str]
    effects: Optional[EffectsDict]
    co_signatures: Optional[str]


class _ContributionDictRequired(TypedDict):
    text: str


class ContributionDict(_ContributionDictRequired, total=False):
    """Zielerreichungsbeitrag: Ein im Berichtszeitraum realisierter Beitrag zur Zielerreichung."""

    org_unit: Optional[str]


class IndicatorValueDict(TypedDict):
    """Kennzahlenwert: Der Wert einer Kennzahl des Ziels."""

    indicator: str
    value: float
    as_of: str


class RiskDict(TypedDict):
    """Risiko: Ein Risiko für die Zielerreichung im weiteren Verlauf des Jahres."""

    description: str
    likelihood: Level
    impact: Level


class CountermeasureDict(TypedDict):
    """Aktivität zur Gegensteuerung: Eine vorgeschlagene Aktivität zur Gegensteuerung, deren
    Umsetzung einer abteilungs- und organisationseinheitenübergreifenden Abstimmung bedarf."""

    description: str
    org_units: List[str]


class _ReportSheetDictRequired(TypedDict):
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


class ReportSheetDict(_ReportSheetDictRequired, total=False):
    """Berichtsblatt: Einheitliches Berichtsblatt eines ressortverantwortlichen Bezirksamtsmitglieds
    zu einem Ziel und einem Tertial: realisierte Zielerreichungsbeiträge, Risiken, risikoorientierte
    Einschätzung und Aktivitäten zur Gegensteuerung."""

    signed_by: Optional[str]


class ReviewEntryReceivedDict(TypedDict):
    """eingegangen: Ein Berichtsblatt ist beim Steuerungsdienst eingegangen."""

    event: Literal["received"]
    date: str
    goal: str
    reviewer: str
    digest: str


class ReviewEntryReturnedDict(TypedDict):
    """zurückgegeben: Das Berichtsblatt wurde mit Befunden und einer Anmerkung an das
    Bezirksamtsmitglied zurückgegeben."""

    event: Literal["returned"]
    date: str
    goal: str
    reviewer: str
    findings: List[Code]
    comment: str
    due_on: str


class ReviewEntryResubmittedDict(TypedDict):
    """erneut eingereicht: Ein berichtigtes Berichtsblatt ist für ein zurückgegebenes
    eingegangen."""

    event: Literal["resubmitted"]
    date: str
    goal: str
    reviewer: str
    digest: str
    replaces: str


class ReviewEntryAcceptedDict(TypedDict):
    """angenommen: Das Berichtsblatt in seiner zuletzt eingegangenen Fassung wurde angenommen."""

    event: Literal["accepted"]
    date: str
    goal: str
    reviewer: str


ReviewEntryDict = Union[
    ReviewEntryReceivedDict,
    ReviewEntryReturnedDict,
    ReviewEntryResubmittedDict,
    ReviewEntryAcceptedDict,
]
"""Eintrag: Ein Ereignis an einem Berichtsblatt."""


class ReviewLogDict(TypedDict):
    """Prüfprotokoll: Das Prüfprotokoll des Steuerungsdienstes zu einem Tertial: je Ereignis an
    einem Berichtsblatt ein Eintrag (eingegangen, zurückgegeben, erneut eingereicht, angenommen), in
    der Reihenfolge des Geschehens."""

    schema_version: str
    authority: str
    tertial: str
    entries: List[ReviewEntryDict]


class DeclaredGoalCountsDict(TypedDict):
    """Anzahl der Ziele je Perspektive, wie im Beschluss festgelegt."""

    mandate_target_groups: int
    administration_internal: int


class PortfolioDict(TypedDict):
    """Geschäftsbereich: Ein Geschäftsbereich (Abteilung), den jeweils ein Bezirksamtsmitglied
    leitet."""

    id: str
    name: str


_TermDictRequired = TypedDict(
    "_TermDictRequired",
    {
        "portfolio": str,
        "role": Role,
        "from": str,
    },
)
_TermDictOptional = TypedDict(
    "_TermDictOptional",
    {
        "until": Optional[str],
    },
    total=False,
)


class TermDict(_TermDictRequired, _TermDictOptional):
    """Amtszeit: Eine datierte Amtszeit, in der ein Mitglied einen Geschäftsbereich innehat."""


class _MemberDictRequired(TypedDict):
    id: str
    terms: List[TermDict]


class MemberDict(_MemberDictRequired, total=False):
    """Bezirksamtsmitglied: Ein Mitglied des Bezirksamts: Bezirksbürgermeister/in oder
    Bezirksstadtrat/-rätin."""

    name: Optional[str]


class OrgUnitDict(TypedDict):
    """Organisationseinheit: Eine Organisationseinheit: Amt, Serviceeinheit, Stabsstelle,
    Steuerungsdienst oder sonstige Einheit."""

    id: str
    name: str
    kind: OrgUnitKind
    portfolio: str


class _OriginDictRequired(TypedDict):
    kind: OriginKind


class OriginDict(_OriginDictRequired, total=False):
    """Herkunft des Ziels: Ob ein Ziel neu ist oder aus Zielen eines früheren Jahres (meist des
    Vorjahres) hervorgeht – fortgeführt, neu gefasst, aufgeteilt oder zusammengeführt – und aus
    welchen."""

    predecessor: Optional[str]
    predecessors: List[str]


class IndicatorDict(TypedDict):
    """Kennzahl: Eine Kennzahl (Indikator) eines Ziels."""

    id: str
    name: str
    unit: str
    baseline: float
    target: float
    direction: Direction


class _GoalDictRequired(TypedDict):
    id: str
    perspective: Perspective
    title: str
    portfolio: str
    org_units: List[str]
    origin: OriginDict


class GoalDict(_GoalDictRequired, total=False):
    """Ziel: Ein Ziel des Zielsystems."""

    description: Optional[str]
    indicators: List[IndicatorDict]


class ReportingDict(TypedDict):
    """Berichtsverfahren: Festlegungen zum Berichtsverfahren."""

    first_tertial: str


class NumberingDict(TypedDict, total=False):
    """Nummernschema: Wie die Behörde ihre Nummern schreibt: Text mit den Platzhaltern {number}
    (laufende Nummer; {number:4}: genau vier Ziffern, mit Nullen aufgefüllt) und {term} (Wahlperiode
    in römischen Ziffern). Ohne Angabe: {number}/{term} (z. B. „36/VI“)."""

    resolution: Optional[str]
    printed_paper: Optional[str]


class _TargetSystemDictRequired(TypedDict):
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


class TargetSystemDict(_TargetSystemDictRequired, total=False):
    """Zielsystem: Das Zielsystem eines Bezirksamts für ein Kalenderjahr: Leitbild, Ziele in zwei
    Perspektiven, Geschäftsbereiche, Bezirksamtsmitglieder, Organisationseinheiten und
    Berichtsverfahren."""

    declared_goal_counts: Optional[DeclaredGoalCountsDict]
    numbering: Optional[NumberingDict]


class _CouncilNoteDictRequired(TypedDict):
    noted_on: str


class CouncilNoteDict(_CouncilNoteDictRequired, total=False):
    """Kenntnisnahme der BVV: Kenntnisnahme des Berichts durch die Bezirksverordnetenversammlung."""

    number: Optional[str]
    result: Optional[CouncilOutcome]
    outcome: Optional[str]


class _ReportGoalDictRequired(TypedDict):
    goal: str
    title: str
    perspective: Perspective
    portfolio: str
    reporting_status: ReportingStatus


class ReportGoalDict(_ReportGoalDictRequired, total=False):
    """Ziel im Bericht: Ein Ziel des Zielsystems mit Berichtsstatus, Einschätzung, Ampel und
    Prüfsumme seines Berichtsblatts."""

    forecast: Optional[Forecast]
    light: Optional[Light]
    sheet_digest: Optional[str]
    sheet: Optional[int]
    sheet_errors: List[Code]
    description: Optional[str]
    previous_light: Optional[Light]


class _ReportCountermeasureDictRequired(TypedDict):
    goal: str
    description: str
    org_units: List[str]


class ReportCountermeasureDict(_ReportCountermeasureDictRequired, total=False):
    """Aktivität zur Gegensteuerung im Bericht: Eine vorgeschlagene Aktivität zur Gegensteuerung mit
    ihrem Ziel und, nach dem Beschluss, der Entscheidung des Bezirksamts."""

    adopted: Optional[bool]


class _ForecastCountDictRequired(TypedDict):
    mandate_target_groups: int
    administration_internal: int
    total: int


class ForecastCountDict(_ForecastCountDictRequired, total=False):
    """Ziele je Einschätzung: Anzahl der Ziele mit einer Einschätzung, getrennt nach Perspektive."""

    forecast: Optional[Forecast]


class PortfolioCountDict(TypedDict):
    """Ziele je Geschäftsbereich: Stand der Ziele eines Geschäftsbereichs nach Ampel."""

    portfolio: str
    goals: int
    green: int
    yellow: int
    red: int
    without_sheet: int


class CountsDict(TypedDict):
    """Übersicht: Anzahl der Ziele nach Einschätzung und Perspektive sowie nach Geschäftsbereich."""

    by_forecast: List[ForecastCountDict]
    by_portfolio: List[PortfolioCountDict]


_LightChangeDictRequired = TypedDict(
    "_LightChangeDictRequired",
    {
        "goal": str,
        "from": Light,
        "to": Light,
        "direction": ChangeDirection,
    },
)


class LightChangeDict(_LightChangeDictRequired):
    """Veränderung der Ampel: Ein Ziel, dessen Ampel sich seit dem Vergleichstertial geändert
    hat."""


class HistoryEntryDict(TypedDict):
    """Frühere Einschätzung: Die Einschätzung eines Ziels in einem früheren Tertial, aus einem
    früheren Berichtsblatt."""

    goal: str
    authority: str
    tertial: str
    forecast: Forecast
    sheet_digest: str


class LegalBasisDict(TypedDict):
    """Rechtsgrundlage der Vorlagen: Rechtsgrundlage der Bezirksamtsvorlage zur Beschlussfassung und
    der Vorlage zur Kenntnisnahme an die Bezirksverordnetenversammlung."""

    decision: str
    information: str


class GoalIndicatorsDict(TypedDict):
    """Kennzahlen eines Ziels: Die Kennzahlen eines Ziels."""

    goal: str
    indicators: List[IndicatorDict]


class _ReportContextDictRequired(TypedDict):
    year: int
    resolution: ResolutionDict
    mission_statement: str
    portfolios: List[PortfolioDict]
    org_units: List[OrgUnitDict]
    indicators: List[GoalIndicatorsDict]


class ReportContextDict(_ReportContextDictRequired, total=False):
    """Zielsystem (Auszug): Was der Bericht vom Zielsystem zur Darstellung braucht."""

    rapporteur: Optional[str]
    rapporteur_name: Optional[str]
    rapporteur_office: Optional[str]
    legal_basis: Optional[LegalBasisDict]
    numbering: Optional[NumberingDict]


class _SheetVersionDictRequired(TypedDict):
    digest: str
    received_on: str


class SheetVersionDict(_SheetVersionDictRequired, total=False):
    """Fassung: Eine Fassung eines Berichtsblatts: Prüfsumme, Eingang und was mit ihr geschah."""

    returned_on: Optional[str]
    due_on: Optional[str]
    accepted_on: Optional[str]


class GoalReviewDict(TypedDict):
    """Prüfung eines Berichtsblatts: Prüfstand und Fassungen des Berichtsblatts zu einem Ziel."""

    goal: str
    status: ReviewStatus
    counted_digest: str
    versions: List[SheetVersionDict]


class ReportReviewDict(TypedDict):
    """Prüfung der Berichtsblätter: Die Prüfung der Berichtsblätter durch den Steuerungsdienst nach
    dem Prüfprotokoll: je Ziel jede Fassung mit Prüfsumme und Daten."""

    pending_goals: List[str]
    goals: List[GoalReviewDict]


class _FindingDictRequired(TypedDict):
    code: Code
    severity: Severity
    path: str
    message: str
    message_en: str


class FindingDict(_FindingDictRequired, total=False):
    """Befund: One problem found in a document."""

    params: Dict[str, str]


class _TertialReportDictRequired(TypedDict):
    schema_version: str
    authority: str
    tertial: str
    as_of: str
    stage: Stage
    goals: List[ReportGoalDict]
    missing_goals: List[str]
    countermeasures: List[ReportCountermeasureDict]
    counts: CountsDict
    changes: List[LightChangeDict]
    history: List[HistoryEntryDict]
    context: ReportContextDict
    sheets: List[ReportSheetDict]
    findings: List[FindingDict]


class TertialReportDict(_TertialReportDictRequired, total=False):
    """Tertialbericht: Bericht über das Erreichen der Ziele in einem Tertial: vom Steuerungsdienst
    aus den Berichtsblättern zusammengefasst, vom Bezirksamt beschlossen und der
    Bezirksverordnetenversammlung zur Kenntnis gegeben."""

    decision: Optional[ResolutionDict]
    council: Optional[CouncilNoteDict]
    compared_with: Optional[str]
    review: Optional[ReportReviewDict]
