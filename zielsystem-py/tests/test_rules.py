"""validate_system, validate_sheet, validate_sheets and validate_report through the Python API:
objects and raw JSON alike, schema-level problems as findings, and the error paths."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import List

import pytest

import zielsystem as zs


def test_valid_fixture(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    result = zs.validate_system(system)
    assert result.valid, result.to_json(indent=2)
    assert result == zs.validate_system(system.to_json()) == zs.validate_system(system.to_dict())
    for sheet in sheets:
        assert zs.validate_sheet(sheet, system).valid, (sheet, zs.validate_sheet(sheet, system).codes)


def test_raw_json_reports_shape_problems_as_findings(system: zs.TargetSystem) -> None:
    result = zs.validate_system(b'{"year": "2022"')
    assert not result.valid and result.codes == ["JSON_SYNTAX"]
    data = system.to_dict()
    data["year"] = "2022"  # type: ignore[typeddict-item]
    data["surplus"] = 1  # type: ignore[typeddict-unknown-key]
    result = zs.validate_system(json.dumps(data))
    assert {"SCHEMA_TYPE", "SCHEMA_UNKNOWN_KEY"} <= set(result.codes)
    assert {f.path for f in result.findings} >= {"/year", "/surplus"}


def test_rule_findings(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    final = next(s for s in sheets if s.goal == "A01" and s.forecast == "at_risk")
    sheet = final.to_dict()  # the T1 sheet of A01, at_risk with a countermeasure
    sheet["submitted_on"] = "2022-06-02"
    sheet["risks"] = []
    result = zs.validate_sheet(sheet, system)
    assert not result.valid
    assert {"RS05", "RS07"} <= set(result.codes)
    late = next(f for f in result.findings if f.code == "RS05")
    assert late.severity == "warning" and late.path == "/submitted_on"
    assert late.params["deadline"] == "2022-05-31"
    assert [f.code for f in result.errors] == [c for c in result.codes if c != "RS05"]
    assert [f.code for f in result.warnings] == ["RS05"]


def test_history_and_previous(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    # A02 was reported achieved in T2; reporting it on_track afterwards contradicts that (RS13).
    achieved = next(s for s in sheets if s.goal == "A02" and str(s.tertial) == "2022-T2")
    later = achieved.to_dict()
    later["tertial"], later["forecast"], later["submitted_on"] = "2022-T3", "not_achieved", "2023-01-20"
    assert "RS13" in zs.validate_sheet(later, system, history=[achieved]).codes
    assert "RS13" not in zs.validate_sheet(later, system).codes
    previous = system.to_dict()
    previous["year"] = 2021
    assert "TS08" in zs.validate_system(system, previous=previous).codes


def test_validate_sheets_matches_one_by_one(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    mixed: List[zs.SheetLike] = [s if i % 2 else s.to_json() for i, s in enumerate(sheets)]
    mixed.append("{")
    results = zs.validate_sheets(mixed, system)
    assert results == [zs.validate_sheet(s, system) for s in mixed]
    assert results[-1].codes == ["JSON_SYNTAX"]
    assert zs.validate_sheets(iter([]), system) == []


def test_validate_sheets_releases_the_gil(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    # Validate in threads: with the GIL released the calls interleave and every result is right.
    batch = sheets * 200
    expected = zs.validate_sheets(batch, system)
    out: List[List[zs.ValidationResult]] = [[] for _ in range(4)]

    def work(slot: int) -> None:
        out[slot] = zs.validate_sheets(batch, system)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result == expected for result in out)


def test_error_paths(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    # The context of a validation must itself be of its shape.
    with pytest.raises(zs.ParseError):
        zs.validate_sheet(sheets[0], "{")
    with pytest.raises(zs.ParseError):
        zs.validate_sheet(sheets[0], system, history=["[]"])
    with pytest.raises(zs.ParseError):
        zs.validate_system(system, previous=b"null")
    with pytest.raises(zs.ParseError):
        zs.validate_sheets(sheets, b"{}")
    with pytest.raises(TypeError):
        zs.validate_system(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zs.validate_sheet(sheets[0], system, history=42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zs.validate_sheets([42], system)  # type: ignore[list-item]
    with pytest.raises(TypeError):
        zs.validate_report(3.5)  # type: ignore[arg-type]


def test_example_is_valid() -> None:
    from conftest import REPO_ROOT

    example = REPO_ROOT / "examples" / "mitte-2022"
    system = zs.TargetSystem.from_file(example / "target-system.json")
    paths: List[Path] = sorted(example.glob("sheets/*/*.json"))
    assert zs.validate_system(system).valid
    results = zs.validate_sheets([p.read_bytes() for p in paths], system)
    assert all(r.valid for r in results), [(p.name, r.codes) for p, r in zip(paths, results) if not r.valid]
