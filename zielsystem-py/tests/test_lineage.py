"""Goals across years: the lineage over three generated years (``generated-3-years``, written by
``zielsystem-gen``), transitions and year-end results followed through predecessors, and the
carry-over into next year's draft."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from typing import List

import pytest

import zielsystem as zs

from conftest import FIXTURES, REPO_ROOT

GENERATED = FIXTURES / "generated-3-years"


@pytest.fixture(scope="module")
def systems() -> List[zs.TargetSystem]:
    lines = (GENERATED / "systems.jsonl").read_text(encoding="utf-8").splitlines()
    return [zs.TargetSystem.from_json(line) for line in lines]


@pytest.fixture(scope="module")
def generated_sheets() -> List[zs.ReportSheet]:
    lines = (GENERATED / "sheets.jsonl").read_text(encoding="utf-8").splitlines()
    return [zs.ReportSheet.from_json(line) for line in lines]


def test_the_generated_years_are_valid_against_their_predecessors(
    systems: List[zs.TargetSystem],
) -> None:
    assert [system.year for system in systems] == [2021, 2022, 2023]
    assert zs.validate_system(systems[0])
    for previous, system in zip(systems, systems[1:]):
        result = zs.validate_system(system, previous=previous)
        assert result.valid, result.errors


def test_lineage_over_three_years(systems: List[zs.TargetSystem]) -> None:
    lineage = zs.lineage(reversed(systems))  # any order
    assert lineage.problems == []
    assert len(lineage) == sum(len(system.goals) for system in systems)
    assert lineage.authorities == [systems[0].authority]
    rows = lineage.rows
    assert [row["year"] for row in rows] == sorted(row["year"] for row in rows)
    by_key = {(row["year"], row["goal"]): row for row in rows}
    # Every row agrees with its goal's origin, and a continued goal's lineage is its
    # predecessor's: chains are followed over every year given.
    for row in rows:
        goal = next(g for g in systems[row["year"] - 2021].goals if g["id"] == row["goal"])
        assert row["kind"] == goal["origin"]["kind"]
        if row["kind"] == "new":
            assert (row["predecessors"], row["generation"]) == ([], 0)
            assert row["lineage"] == f"{row['year']}/{row['goal']}"
        else:
            (reference,) = row["predecessors"]
            year, goal_id = reference.split("/")
            parent = by_key[(int(year), goal_id)]
            assert row["lineage"] == parent["lineage"]
            assert row["generation"] == parent["generation"] + 1
            assert parent["title"] == row["title"]
    generations = Counter(row["generation"] for row in rows if row["year"] == 2023)
    assert generations[2] > 0, generations  # goals of 2023 that go back to 2021
    deepest = next(row for row in rows if row["generation"] == 2)
    first = lineage.ancestors_in(2023, deepest["goal"], 2021)
    assert [f"2021/{goal}" for goal in first] == [deepest["lineage"]]
    # The lineage as one dict, e.g. for a data frame.
    as_dict = lineage.to_dict()
    assert as_dict["rows"] == rows and as_dict["problems"] == []


def test_transitions_and_results_across_years(
    systems: List[zs.TargetSystem], generated_sheets: List[zs.ReportSheet]
) -> None:
    lineage = zs.lineage(systems)
    across = lineage.transitions(generated_sheets, "2021-T3", "2023-T3")
    linked = [
        row
        for row in lineage.rows
        if row["year"] == 2023 and lineage.ancestors_in(2023, row["goal"], 2021)
    ]
    assert sum(cell["count"] for cell in across["cells"]) == len(linked)
    assert across["improved"] + across["worsened"] + across["unchanged"] <= len(linked)
    named = sorted(goal for cell in across["cells"] for goal in cell["goals"])
    assert named == sorted(row["goal"] for row in linked)
    # Within one year it is the year's own transitions.
    within = lineage.transitions(generated_sheets, "2022-T1", "2022-T2")
    plain = zs.transitions(systems[1], generated_sheets, "2022-T1", "2022-T2")
    assert within["cells"] == [dict(cell) for cell in plain]
    assert (within["improved"], within["worsened"]) == (plain.improved, plain.worsened)
    results = lineage.results(generated_sheets, 2022, 2023)
    assert len(results) == sum(
        1 for row in lineage.rows if row["year"] == 2023 and row["kind"] != "new"
    )
    for result in results:
        before, after = result["predecessor_result"], result["result"]
        if before == "not_achieved" and after == "achieved":
            assert result["change"] == "improved"
        if before == "achieved" and after == "not_achieved":
            assert result["change"] == "worsened"
        if before is None or after is None:
            assert result["change"] == "unresolved"
    assert {result["change"] for result in results} >= {"same"}
    with pytest.raises(ValueError, match="2023-T1"):
        lineage.transitions(generated_sheets, "2023-T1", "2022-T1")
    with pytest.raises(ValueError, match="2019"):
        lineage.transitions(generated_sheets, "2019-T1", "2022-T1")


def test_lineage_reports_what_it_cannot_follow(systems: List[zs.TargetSystem]) -> None:
    data = systems[2].to_dict()
    continued = next(goal for goal in data["goals"] if goal["origin"]["kind"] == "continued")
    continued["origin"]["predecessor"] = "2022/X99"
    lineage = zs.lineage([systems[0], systems[1], data])
    (problem,) = lineage.problems
    assert problem["kind"] == "dangling" and problem["goal"] == continued["id"]
    assert "2022/X99" in problem["message"] and "2022/X99" in problem["message_en"]
    several = zs.lineage([systems[0], {**systems[1].to_dict(), "authority": "Bezirksamt Anderswo"}])
    with pytest.raises(ValueError, match="authority="):
        several.transitions([], "2021-T1", "2021-T2")
    assert several.ancestors_in(2021, systems[0].goals[0]["id"], 2021, authority=systems[0].authority)


def test_next_year_drafts_a_system_that_validates_against_this_one(
    systems: List[zs.TargetSystem], generated_sheets: List[zs.ReportSheet]
) -> None:
    system = systems[2]
    finals = [sheet for sheet in generated_sheets if str(sheet.tertial) == "2023-T3"]
    draft, not_carried = system.next_year(finals)
    assert draft.year == 2024 and str(draft.first_tertial) == "2024-T1"
    assert [goal["origin"] for goal in draft.goals] == [
        {"kind": "continued", "predecessor": f"2023/{goal['id']}"} for goal in system.goals
    ]
    assert zs.validate_system(draft, previous=system)
    assert not_carried[0]["kind"] == "resolution"
    assert {item["kind"] for item in not_carried} <= {
        "resolution",
        "declared_goal_counts",
        "term",
        "member",
        "baseline",
    }
    # The module function is the same; without sheets every baseline stays and is listed.
    again, listed = zs.next_year(system)
    indicators = sum(len(goal.get("indicators", [])) for goal in system.goals)
    assert sum(1 for item in listed if item["kind"] == "baseline") == indicators
    # Four years in a row: the drafted year joins the lineage.
    lineage = zs.lineage([*systems, draft])
    assert lineage.problems == []
    assert max(row["generation"] for row in lineage.rows) >= 3


def test_next_year_of_the_example_takes_final_values() -> None:
    system = zs.TargetSystem.from_file(REPO_ROOT / "examples/mitte-2022/target-system.json")
    finals = [
        zs.ReportSheet.from_file(path)
        for path in sorted((REPO_ROOT / "examples/mitte-2022/sheets/2022-T3").glob("*.json"))
    ]
    draft, not_carried = system.next_year(finals)
    values = {
        (sheet.goal, value["indicator"]): value["value"]
        for sheet in finals
        for value in sheet.indicator_values
    }
    for goal, carried in zip(system.goals, draft.goals):
        for old, new in zip(goal.get("indicators", []), carried.get("indicators", [])):
            final = values.get((goal["id"], old["id"]), old["baseline"])
            assert new["baseline"] == final
            assert new["target"] == old["target"]
    ended = [item for item in not_carried if item["kind"] == "term"]
    assert ended and all(item["path"].startswith("/members/") for item in ended)
    assert json.loads(draft.to_json())["year"] == 2023
    assert zs.validate_system(draft, previous=system)
    assert datetime.date(2023, 4, 30) == draft.first_tertial.cut_off
