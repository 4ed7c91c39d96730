"""Attainment analytics through the Python API, checked against figures worked out by hand on the
fixture district (tests/fixtures): three goals (A01, A02 outward; V01 inward), three tertials."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any, List

import pytest

import zielsystem as zs


def test_attainment_table_by_hand(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    table = zs.attainment_table(system, sheets)
    assert len(table) == 9
    assert table.columns == [
        "authority",
        "year",
        "goal",
        "title",
        "perspective",
        "portfolio",
        "member",
        "tertial",
        "submitted_on",
        "deadline",
        "days_late",
        "reporting_status",
        "forecast",
        "light",
        "risk_count",
        "highest_risk_score",
        "countermeasure_count",
        "indicator_attainment_percent",
    ]
    assert [(r["tertial"], r["goal"]) for r in table] == [
        (t, g) for t in ("2022-T1", "2022-T2", "2022-T3") for g in ("A01", "A02", "V01")
    ]
    # T1 A01: the sheet of 20 May supersedes the draft of 2 May.
    assert table[0] == {
        "authority": "Bezirksamt Beispiel von Berlin",
        "year": 2022,
        "goal": "A01",
        "title": "Bearbeitungszeiten verkürzen",
        "perspective": "mandate_target_groups",
        "portfolio": "I",
        "member": "m-bzbm",
        "tertial": "2022-T1",
        "submitted_on": "2022-05-20",
        "deadline": "2022-05-31",
        "days_late": 0,
        "reporting_status": "submitted_on_time",
        "forecast": "at_risk",
        "light": "yellow",
        "risk_count": 2,
        "highest_risk_score": 6,  # high (3) × medium (2)
        "countermeasure_count": 1,
        "indicator_attainment_percent": pytest.approx(42.5),  # (31.5 − 40) / (20 − 40)
    }
    percents = [r["indicator_attainment_percent"] for r in table]
    # A02-2 has target = baseline: left out, so T1 A02 is A02-1 alone: (15 − 10) / (20 − 10).
    assert percents == [
        pytest.approx(42.5),
        pytest.approx(50.0),
        None,
        pytest.approx(20.0),  # (36 − 40) / −20
        pytest.approx(120.0),  # (22 − 10) / 10, not capped
        None,
        pytest.approx(25.0),  # (35 − 40) / −20
        pytest.approx(140.0),
        None,
    ]
    assert [r["highest_risk_score"] for r in table] == [6, 0, 2, 9, 0, 2, 0, 0, 0]


def test_inputs_may_be_json(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    from_json = zs.attainment_table(system.to_json(), (s.to_dict() for s in sheets))
    assert from_json == zs.attainment_table(system, sheets)


def test_summary_by_tertial(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    summary = zs.summary_by(system, sheets, "tertial")
    assert summary.columns[0] == "tertial"
    assert "perspective" not in summary.columns
    t1, t2, t3 = summary
    assert t1["tertial"] == "2022-T1"
    assert (t1["sheets"], t1["green"], t1["yellow"], t1["red"]) == (3, 2, 1, 0)
    assert t1["share_at_risk"] == pytest.approx(1 / 3)
    assert t1["mean_indicator_attainment_percent"] == pytest.approx(46.25)
    assert (t2["green"], t2["yellow"], t2["red"]) == (1, 1, 1)
    assert (t2["achieved"], t2["at_risk"], t2["unlikely"]) == (1, 1, 1)
    assert t2["share_at_risk"] == pytest.approx(2 / 3)
    assert t2["mean_indicator_attainment_percent"] == pytest.approx(70.0)
    assert (t3["achieved"], t3["not_achieved"], t3["share_at_risk"]) == (2, 1, 0.0)


def test_summary_by_other_dimensions(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    outward, inward = zs.summary_by(system, sheets, "perspective")
    assert outward["perspective"] == "mandate_target_groups"
    assert (outward["sheets"], outward["green"], outward["yellow"], outward["red"]) == (6, 3, 1, 2)
    assert outward["mean_indicator_attainment_percent"] == pytest.approx(66.25)
    assert (inward["sheets"], inward["green"], inward["yellow"]) == (3, 2, 1)
    assert inward["mean_indicator_attainment_percent"] is None
    by_portfolio = zs.summary_by(system, sheets, ["portfolio"])
    assert [(r["portfolio"], r["sheets"]) for r in by_portfolio] == [("I", 6), ("V", 3)]
    combined = zs.summary_by(system, sheets, ("perspective", "tertial"))
    assert combined.columns[:2] == ["tertial", "perspective"]
    assert len(combined) == 6
    assert (combined[0]["green"], combined[0]["yellow"]) == (1, 1)
    (everything,) = zs.summary_by(system, sheets, ())
    assert everything["sheets"] == 9
    with pytest.raises(ValueError):
        zs.summary_by(system, sheets, "goal")  # type: ignore[arg-type]


def test_transitions(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    tr = zs.transitions(system, sheets, "2022-T1", zs.Tertial("2022-T2"))
    assert (tr.from_tertial, tr.to_tertial) == (zs.Tertial("2022-T1"), zs.Tertial("2022-T2"))
    assert (tr.improved, tr.worsened, tr.unchanged) == (0, 2, 1)
    assert len(tr) == 16
    goals = {(c["from_light"], c["to_light"]): c["goals"] for c in tr if c["count"]}
    assert goals == {("yellow", "red"): ["A01"], ("green", "green"): ["A02"], ("green", "yellow"): ["V01"]}
    matrix = tr.matrix()
    assert matrix["green"]["yellow"] == 1 and matrix[None][None] == 0
    assert "worsened=2" in repr(tr)
    later = zs.transitions(system, sheets, "2022-T2", "2022-T3")
    assert (later.improved, later.worsened, later.unchanged) == (1, 0, 2)
    without_v01 = [s for s in sheets if s.goal != "V01"]
    cells = zs.transitions(system, without_v01, "2022-T1", "2022-T2")
    assert next(c for c in cells if c["from_light"] is None and c["to_light"] is None)["goals"] == ["V01"]


def test_transitions_errors(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    with pytest.raises(ValueError, match="2021-T3"):
        zs.transitions(system, sheets, "2021-T3", "2022-T1")
    with pytest.raises(zs.ParseError):
        zs.transitions(system, sheets, "2022-T4", "2022-T1")
    with pytest.raises(TypeError):
        zs.transitions(system, sheets, 2022, "2022-T1")  # type: ignore[arg-type]


def test_forecast_accuracy_by_hand(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    accuracy = zs.forecast_accuracy(system, sheets)
    assert [(r["perspective"], r["tertial"]) for r in accuracy] == [
        ("mandate_target_groups", "2022-T1"),
        ("mandate_target_groups", "2022-T2"),
        ("administration_internal", "2022-T1"),
        ("administration_internal", "2022-T2"),
    ]
    # Outward T1: A01 at_risk → not_achieved, A02 on_track → achieved: both borne out.
    assert accuracy[0] == {
        "perspective": "mandate_target_groups",
        "tertial": "2022-T1",
        "forecasts": 2,
        "borne_out": 2,
        "green_forecasts": 1,
        "green_borne_out": 1,
        "yellow_red_forecasts": 1,
        "yellow_red_borne_out": 1,
        "unresolved": 0,
        "accuracy_percent": 100.0,
    }
    # Inward T2: V01 at_risk but achieved: not borne out.
    assert (accuracy[3]["forecasts"], accuracy[3]["borne_out"], accuracy[3]["accuracy_percent"]) == (1, 0, 0.0)
    # Without the year-end sheets nothing is resolved.
    early = [s for s in sheets if s.tertial.period < 3]
    assert all(r["accuracy_percent"] is None and r["forecasts"] == 0 for r in zs.forecast_accuracy(system, early))
    assert sum(r["unresolved"] for r in zs.forecast_accuracy(system, early)) == 6


def test_bad_inputs(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    with pytest.raises(TypeError):
        zs.attainment_table(system, 42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zs.attainment_table(42, sheets)  # type: ignore[arg-type]
    with pytest.raises(zs.ParseError):
        zs.attainment_table(system, ["{"])


def test_table_is_a_read_only_sequence(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    table = zs.attainment_table(system, sheets)
    rows = table.rows
    rows[0]["goal"] = "changed"
    assert table[0]["goal"] == "A01"
    assert table[1:3] == table.rows[1:3]
    assert table == zs.attainment_table(system, sheets)
    assert repr(table).startswith("Table(9 rows")


def _block(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setitem(sys.modules, name, None)  # makes `import name` raise ImportError


@pytest.mark.parametrize("package", ["pandas", "polars"])
def test_missing_extra_raises_clear_import_error(
    monkeypatch: pytest.MonkeyPatch, system: zs.TargetSystem, sheets: List[zs.ReportSheet], package: str
) -> None:
    _block(monkeypatch, package)
    table = zs.attainment_table(system, sheets)
    with pytest.raises(ImportError, match=rf"pip install 'zielsystem\[{package}\]'"):
        getattr(table, f"to_{package}")()


def _frame_rows(frame: Any, package: str) -> Any:
    return frame.to_dict("records") if package == "pandas" else frame.to_dicts()


@pytest.mark.parametrize("package", ["pandas", "polars"])
def test_dataframes(system: zs.TargetSystem, sheets: List[zs.ReportSheet], package: str) -> None:
    if os.environ.get("ZIELSYSTEM_REQUIRE_EXTRAS") == "1":
        importlib.import_module(package)  # scripts/test installs both: fail, never skip, there
    else:
        pytest.importorskip(package)
    table = zs.attainment_table(system, sheets)
    frame = getattr(table, f"to_{package}")()
    assert list(frame.columns) == table.columns
    assert frame.shape == (9, 18)
    records = _frame_rows(frame, package)
    assert records[0]["goal"] == "A01" and records[0]["highest_risk_score"] == 6
    empty = getattr(zs.summary_by(system, [], "tertial"), f"to_{package}")()
    assert list(empty.columns) == zs.summary_by(system, [], "tertial").columns
