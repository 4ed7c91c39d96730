"""Analytics on the bundled example district (examples/mitte-2022), checked against figures worked
out by hand from its sheets: 23 goals (15 outward, 8 inward), T1 and T2 complete, five T3 sheets."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

import zielsystem as zs

from conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "mitte-2022"


@pytest.fixture(scope="module")
def system() -> zs.TargetSystem:
    return zs.TargetSystem.from_file(EXAMPLE / "target-system.json")


@pytest.fixture(scope="module")
def sheets() -> List[zs.ReportSheet]:
    paths: List[Path] = sorted(EXAMPLE.glob("sheets/*/*.json"))
    return [zs.ReportSheet.from_file(path) for path in paths]


def test_example_is_complete(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    assert (system.authority, system.year, len(system.goals)) == ("Bezirksamt Mitte von Berlin", 2022, 23)
    assert len(sheets) == 23 + 23 + 5
    assert len(zs.attainment_table(system, sheets)) == 51


def test_indicator_attainment(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    rows = {(r["goal"], r["tertial"]): r for r in zs.attainment_table(system, sheets)}
    expected = {
        ("A01", "2022-T1"): (64 - 0) / (100 - 0) * 100,
        ("A02", "2022-T1"): ((17 - 12) / (30 - 12) * 100 + (5 - 3) / (8 - 3) * 100) / 2,
        ("A12", "2022-T1"): (35 - 28) / (14 - 28) * 100,  # decrease, moved the wrong way: −50 %
        ("V01", "2022-T1"): (104.8 - 103.5) / (100 - 103.5) * 100,
        ("V05", "2022-T2"): (19900 - 21400) / (19600 - 21400) * 100,  # decrease: 83.3 %
        ("A02", "2022-T3"): ((31 - 12) / 18 * 100 + (9 - 3) / 5 * 100) / 2,  # overshoot: 112.8 %
        ("V03", "2022-T3"): (88.7 - 90.2) / (91.5 - 90.2) * 100,
    }
    for key, percent in expected.items():
        assert rows[key]["indicator_attainment_percent"] == pytest.approx(percent), key
    assert rows[("A05", "2022-T1")]["indicator_attainment_percent"] is None
    a03 = rows[("A03", "2022-T1")]
    assert (a03["risk_count"], a03["highest_risk_score"], a03["countermeasure_count"]) == (2, 9, 2)
    assert (a03["forecast"], a03["light"], a03["portfolio"]) == ("at_risk", "yellow", "VI")


def test_summary_by_tertial(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    t1, t2, t3 = zs.summary_by(system, sheets, "tertial")
    assert (t1["sheets"], t1["green"], t1["yellow"], t1["red"]) == (23, 15, 7, 1)
    assert (t1["achieved"], t1["on_track"], t1["at_risk"], t1["unlikely"]) == (1, 14, 7, 1)
    assert t1["share_at_risk"] == pytest.approx(8 / 23)
    t1_percents = [64, (5 / 18 * 100 + 40) / 2, 12.5, -50, 1.3 / -3.5 * 100, -1.8 / 1.3 * 100, 4 / 22 * 100, 500 / 1800 * 100]
    assert t1["mean_indicator_attainment_percent"] == pytest.approx(sum(t1_percents) / 8)
    assert (t2["sheets"], t2["green"], t2["yellow"], t2["red"]) == (23, 13, 7, 3)
    assert t2["share_at_risk"] == pytest.approx(10 / 23)
    assert (t3["sheets"], t3["green"], t3["red"], t3["achieved"], t3["not_achieved"]) == (5, 3, 2, 3, 2)


def test_summary_by_tertial_and_perspective(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    rows = {(r["tertial"], r["perspective"]): r for r in zs.summary_by(system, sheets, ["tertial", "perspective"])}
    outward = rows[("2022-T1", "mandate_target_groups")]
    assert (outward["sheets"], outward["green"], outward["yellow"], outward["red"]) == (15, 10, 4, 1)
    assert outward["share_at_risk"] == pytest.approx(5 / 15)
    inward = rows[("2022-T1", "administration_internal")]
    assert (inward["sheets"], inward["green"], inward["yellow"], inward["red"]) == (8, 5, 3, 0)
    by_portfolio = {
        r["portfolio"]: r for r in zs.summary_by(system, [s for s in sheets if str(s.tertial) == "2022-T1"], "portfolio")
    }
    assert (by_portfolio["I"]["sheets"], by_portfolio["I"]["green"], by_portfolio["I"]["yellow"]) == (4, 2, 2)
    assert (by_portfolio["V"]["green"], by_portfolio["V"]["yellow"], by_portfolio["V"]["red"]) == (2, 1, 1)


def test_transitions_t1_to_t2(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    tr = zs.transitions(system, sheets, "2022-T1", "2022-T2")
    cells = {(c["from_light"], c["to_light"]): c["goals"] for c in tr if c["count"]}
    assert cells == {
        ("green", "green"): ["A01", "A02", "A05", "A08", "A09", "A13", "A14", "A15", "V05", "V06", "V07", "V08"],
        ("green", "yellow"): ["A06", "A07", "V02"],
        ("yellow", "green"): ["A04"],
        ("yellow", "yellow"): ["A03", "A11", "V01", "V04"],
        ("yellow", "red"): ["A10", "V03"],
        ("red", "red"): ["A12"],
    }
    assert (tr.improved, tr.worsened, tr.unchanged) == (1, 5, 17)


def test_forecast_accuracy(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    rows = {(r["perspective"], r["tertial"]): r for r in zs.forecast_accuracy(system, sheets)}
    # Year-end results: A02, A04, V08 achieved; A12, V03 not achieved; the rest unresolved.
    outward_t1 = rows[("mandate_target_groups", "2022-T1")]
    # A02 on_track ✓, A04 at_risk but achieved ✗, A12 unlikely ✓.
    assert (outward_t1["forecasts"], outward_t1["borne_out"], outward_t1["unresolved"]) == (3, 2, 12)
    assert (outward_t1["green_forecasts"], outward_t1["green_borne_out"]) == (1, 1)
    assert (outward_t1["yellow_red_forecasts"], outward_t1["yellow_red_borne_out"]) == (2, 1)
    assert outward_t1["accuracy_percent"] == pytest.approx(200 / 3)
    outward_t2 = rows[("mandate_target_groups", "2022-T2")]
    assert (outward_t2["forecasts"], outward_t2["borne_out"], outward_t2["green_forecasts"]) == (3, 3, 2)
    for tertial in ("2022-T1", "2022-T2"):
        inward = rows[("administration_internal", tertial)]
        assert (inward["forecasts"], inward["borne_out"], inward["unresolved"]) == (2, 2, 6)
        assert inward["accuracy_percent"] == 100.0
