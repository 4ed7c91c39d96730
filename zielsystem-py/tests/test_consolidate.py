"""consolidate() and TertialReport: properties, rendering, round trips, pickling, re-validation."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import List

import pytest

import zielsystem as zs


@pytest.fixture(scope="module")
def report(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> zs.TertialReport:
    # The T1 sheets without the superseded draft of A01.
    t1 = [s for s in sheets if str(s.tertial) == "2022-T1" and s.submitted_on != dt.date(2022, 5, 2)]
    return zs.consolidate(system, t1, "2022-T1", dt.date(2022, 6, 15))


def test_report_properties(report: zs.TertialReport) -> None:
    assert report.authority == "Bezirksamt Beispiel von Berlin"
    assert report.tertial == zs.Tertial("2022-T1")
    assert report.as_of == dt.date(2022, 6, 15)
    assert report.stage == "draft"
    assert [g["goal"] for g in report.goals] == ["A01", "A02", "V01"]
    assert [g["light"] for g in report.goals] == ["yellow", "green", "green"]
    assert all(g["sheet_digest"] and g["sheet_digest"].startswith("sha256:") for g in report.goals)
    assert report.missing_goals == []
    assert [c["goal"] for c in report.countermeasures] == ["A01"]
    assert report.findings == [] and report.validate().valid
    assert "TertialReport(authority='Bezirksamt Beispiel von Berlin', tertial='2022-T1'" in repr(report)


def test_duplicate_sheet_is_a_finding(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    # The fixture's T1 holds two sheets on A01 (a draft and the final one): TR02.
    t1 = [s for s in sheets if str(s.tertial) == "2022-T1"]
    report = zs.consolidate(system, t1, "2022-T1", dt.date(2022, 6, 15))
    assert [f.code for f in report.findings] == ["TR02"]
    assert zs.validate_report(report).codes == ["TR02"]
    assert report.validate().findings == report.findings


def test_missing_goal(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    only_a02 = [s for s in sheets if s.goal == "A02" and str(s.tertial) == "2022-T1"]
    early = zs.consolidate(system, only_a02, zs.Tertial("2022-T1"), dt.date(2022, 5, 20))
    assert early.missing_goals == ["A01", "V01"]
    statuses = {g["goal"]: g["reporting_status"] for g in early.goals}
    assert statuses == {"A01": "missing", "A02": "submitted_on_time", "V01": "missing"}
    late = zs.consolidate(system, only_a02, "2022-T1", dt.date(2022, 6, 15))
    assert {g["goal"]: g["reporting_status"] for g in late.goals}["A01"] == "overdue"
    assert "TR03" in late.validate().codes


def test_rendering(report: zs.TertialReport) -> None:
    markdown = report.to_markdown()
    html = report.to_html()
    assert "A01" in markdown and "Tertial" in markdown
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "Bezirksamt Beispiel von Berlin" in html
    assert "Vorlage – zur Beschlussfassung –" in html and "Vorlage – zur Beschlussfassung –" in markdown
    assert "BEISPIEL" in report.to_markdown(example=True) and "BEISPIEL" not in markdown
    assert report.to_svg().lstrip().startswith("<svg")


def test_round_trips_and_pickling(report: zs.TertialReport) -> None:
    assert zs.TertialReport.from_json(report.to_json()) == report
    assert zs.TertialReport.from_dict(report.to_dict()) == report
    assert pickle.loads(pickle.dumps(report)) == report
    data = report.to_dict()
    assert {"schema_version", "authority", "tertial", "as_of", "stage", "goals", "missing_goals"} <= set(data)
    with pytest.raises(AttributeError):
        report.stage = "noted"  # type: ignore[misc]


def test_error_paths(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    with pytest.raises(zs.ParseError):
        zs.TertialReport.from_json('{"stage": "final"}')
    with pytest.raises(zs.ParseError):
        zs.consolidate(system, sheets, "2022-T9", dt.date(2022, 6, 15))
    with pytest.raises(TypeError):
        zs.consolidate(system, sheets, "2022-T1", "2022-06-15")  # type: ignore[arg-type]
    with pytest.raises(zs.ParseError):
        zs.consolidate(system, ["{"], "2022-T1", dt.date(2022, 6, 15))
    assert zs.validate_report(b"[]").codes == ["SCHEMA_TYPE"]
