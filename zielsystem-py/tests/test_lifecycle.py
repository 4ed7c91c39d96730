"""The report lifecycle through the Python API: draft → decided (TertialReport.decide) → noted
(TertialReport.note), every refusal as a LifecycleError carrying its findings, and pickling."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import List

import pytest

import zielsystem as zs

CUT_OFF_T1 = dt.date(2022, 4, 30)
LAST_SUBMISSION_T1 = dt.date(2022, 5, 20)


@pytest.fixture(scope="module")
def draft(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> zs.TertialReport:
    # The T1 sheets without the superseded draft of A01: a clean draft, every goal with a sheet.
    t1 = [s for s in sheets if str(s.tertial) == "2022-T1" and s.submitted_on != dt.date(2022, 5, 2)]
    return zs.consolidate(system, t1, "2022-T1", dt.date(2022, 6, 15))


@pytest.fixture(scope="module")
def decided(system: zs.TargetSystem, draft: zs.TertialReport) -> zs.TertialReport:
    return draft.decide(system, dt.date(2022, 6, 21), "118/VI")


def test_happy_path(draft: zs.TertialReport, decided: zs.TertialReport) -> None:
    assert draft.stage == "draft" and draft.decision is None and draft.council is None
    assert decided.stage == "decided"
    assert decided.decision == {"number": "118/VI", "decided_on": "2022-06-21"}
    assert decided.council is None
    assert decided.findings == [] and decided.validate().valid
    # Every countermeasure is adopted unless listed otherwise.
    assert all(c["adopted"] is True for c in decided.countermeasures)
    noted = decided.note(dt.date(2022, 7, 7), "0412/VI", "noted")
    assert noted.stage == "noted"
    assert noted.decision == decided.decision
    assert noted.council == {"noted_on": "2022-07-07", "number": "0412/VI", "result": "noted", "outcome": None}
    assert zs.validate_report(noted).valid and zs.validate_report(noted.to_json()).valid
    # A paper without a Drucksache number of its own, and no recorded result: valid.
    without = decided.note(dt.date(2022, 7, 7))
    assert without.council is not None and without.council["number"] is None and without.validate().valid
    with pytest.raises(ValueError):
        decided.note(dt.date(2022, 7, 7), None, "zur Kenntnis genommen")  # type: ignore[arg-type]
    # Reports are immutable: each step returns a new one.
    assert draft.stage == "draft" and decided.stage == "decided"
    assert "stage='noted'" in repr(noted)


def test_decided_on_the_day_of_the_last_submission_is_accepted(
    system: zs.TargetSystem, draft: zs.TertialReport
) -> None:
    # Before the deadline of 31 May: a complete report may be decided early.
    assert draft.decide(system, LAST_SUBMISSION_T1, "52/VI").stage == "decided"


def test_decide_before_the_cut_off_is_refused(system: zs.TargetSystem, draft: zs.TertialReport) -> None:
    with pytest.raises(zs.LifecycleError) as caught:
        draft.decide(system, CUT_OFF_T1 - dt.timedelta(days=1), "52/VI")
    error = caught.value
    assert isinstance(error, zs.ZielsystemError) and not isinstance(error, ValueError)
    assert isinstance(error.result, zs.ValidationResult) and not error.result.valid
    assert error.result.codes == ["TR04", "TR04"]  # before the cut-off and before the submissions
    assert error.findings == error.result.findings
    assert error.findings[0].path == "/decision/decided_on"
    assert error.findings[0].params["cut_off"] == "30.04.2022"
    assert error.errors() == [f.to_dict() for f in error.findings]
    assert "draft → decided" in str(error) and "TR04 /decision/decided_on" in str(error)


def test_countermeasures_not_adopted_are_recorded(system: zs.TargetSystem, draft: zs.TertialReport) -> None:
    assert draft.countermeasures, "the fixture proposes countermeasures"
    decided = draft.decide(system, dt.date(2022, 6, 21), "118/VI", not_adopted=[0])
    assert decided.countermeasures[0]["adopted"] is False
    council = decided.to_council_paper()
    assert council is not None and council.kind == "council_information" and council.draft_resolution is None
    assert zs.validate_paper(council).valid
    assert any("Nicht beschlossen" in text for text in council.communication or [])
    with pytest.raises(zs.LifecycleError) as caught:
        draft.decide(system, dt.date(2022, 6, 21), "118/VI", not_adopted=[99])
    assert caught.value.findings[0].path == "/countermeasures/99"


def test_a_sheet_with_an_error_refuses_the_decision(
    system: zs.TargetSystem, sheets: List[zs.ReportSheet]
) -> None:
    t1 = [s.to_dict() for s in sheets if str(s.tertial) == "2022-T1" and s.submitted_on != dt.date(2022, 5, 2)]
    t1[0]["reporting_member"] = "m-nobody"
    draft = zs.consolidate(system, t1, "2022-T1", dt.date(2022, 6, 15))
    with pytest.raises(zs.LifecycleError) as caught:
        draft.decide(system, dt.date(2022, 6, 21), "118/VI")
    assert caught.value.result.codes == ["TR05"]


def test_decide_with_a_malformed_number_is_refused(system: zs.TargetSystem, draft: zs.TertialReport) -> None:
    with pytest.raises(zs.LifecycleError) as caught:
        draft.decide(system, dt.date(2022, 6, 21), "52-VI")
    assert caught.value.result.codes == ["TR04"]
    assert caught.value.findings[0].path == "/decision/number"


def test_a_goal_without_sheet_does_not_refuse_the_decision(
    system: zs.TargetSystem, sheets: List[zs.ReportSheet]
) -> None:
    only_a02 = [s for s in sheets if s.goal == "A02" and str(s.tertial) == "2022-T1"]
    incomplete = zs.consolidate(system, only_a02, "2022-T1", dt.date(2022, 6, 15))
    assert [f.severity for f in incomplete.findings] == ["warning", "warning"]  # TR03
    decided = incomplete.decide(system, dt.date(2022, 6, 21), "118/VI")
    # In the decided report the goals without a sheet stay warnings, and the papers name them.
    assert [(f.code, f.severity) for f in decided.findings] == [("TR03", "warning"), ("TR03", "warning")]
    council = decided.to_council_markdown()
    assert council is not None and "noch keine Berichtsblätter" in council


def test_note_from_a_draft_is_refused(draft: zs.TertialReport) -> None:
    with pytest.raises(zs.LifecycleError) as caught:
        draft.note(dt.date(2022, 7, 7), "0412/VI")
    assert caught.value.result.codes == ["TR04"]
    finding = caught.value.findings[0]
    assert finding.path == "/stage"
    assert finding.params["stage_en"] == "draft" and finding.params["target_en"] == "noted by the council"
    assert "draft → noted" in str(caught.value)


def test_steps_out_of_order_are_refused(system: zs.TargetSystem, decided: zs.TertialReport) -> None:
    with pytest.raises(zs.LifecycleError) as caught:
        decided.decide(system, dt.date(2022, 6, 22), "119/VI")
    assert caught.value.result.codes == ["TR04"] and caught.value.findings[0].path == "/stage"
    noted = decided.note(dt.date(2022, 7, 7), "0412/VI")
    with pytest.raises(zs.LifecycleError):
        noted.note(dt.date(2022, 7, 8), "0413/VI")


def test_note_before_the_decision_is_refused(decided: zs.TertialReport) -> None:
    with pytest.raises(zs.LifecycleError) as caught:
        decided.note(dt.date(2022, 6, 14), "0412/VI")
    assert caught.value.result.codes == ["TR04"]
    assert caught.value.findings[0].path == "/council/noted_on"
    with pytest.raises(zs.LifecycleError) as caught:
        decided.note(dt.date(2022, 7, 7), "412")
    assert caught.value.findings[0].path == "/council/number"


def test_argument_types(system: zs.TargetSystem, draft: zs.TertialReport) -> None:
    with pytest.raises(TypeError):
        draft.decide(system, "2022-06-21", "118/VI")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        draft.decide(system, dt.date(2022, 6, 21), 118)  # type: ignore[arg-type]


def test_pickling_and_round_trips(draft: zs.TertialReport, decided: zs.TertialReport) -> None:
    noted = decided.note(dt.date(2022, 7, 7), "0412/VI", "noted_with_interim_report")
    for report in (decided, noted):
        copy = pickle.loads(pickle.dumps(report))
        assert copy == report and copy.stage == report.stage
        assert copy.decision == report.decision and copy.council == report.council
        assert zs.TertialReport.from_json(report.to_json()) == report
        assert zs.TertialReport.from_dict(report.to_dict()) == report
    assert noted != decided != draft
    # The exception pickles with its result, like ParseError.
    with pytest.raises(zs.LifecycleError) as caught:
        draft.note(dt.date(2022, 7, 7), "0412/VI")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is zs.LifecycleError
    assert copy.result == caught.value.result and str(copy) == str(caught.value)
