"""validate_system, validate_sheet, validate_sheets and validate_report through the Python API:
objects and raw JSON alike, schema-level problems as findings, and the error paths."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any, Dict, List

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


def at_risk_a01(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> Dict[str, Any]:
    """The T1 sheet of A01 (portfolio I, at_risk, a countermeasure of std and amt-bd) as a dict;
    it has no finding."""
    sheet = next(s for s in sheets if s.goal == "A01" and s.forecast == "at_risk")
    assert zs.validate_sheet(sheet, system).findings == []
    return dict(sheet.to_dict())


def by_code(result: zs.ValidationResult, code: str) -> zs.Finding:
    return next(f for f in result.findings if f.code == code)


def test_a_deputy_signs_in_representation(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    sheet = at_risk_a01(system, sheets)
    # The mayor (m-bzbm) is on leave; the councillor of V signs for her: valid, no finding.
    sheet["signed_by"] = "m-soz"
    assert zs.validate_sheet(sheet, system).findings == []
    # The mayor herself, or somebody who is not a member: RS15, an error.
    for signer in ("m-bzbm", "m-stv"):
        sheet["signed_by"] = signer
        result = zs.validate_sheet(sheet, system)
        assert not result.valid and result.codes == ["RS15"], signer
        assert by_code(result, "RS15").path == "/signed_by"
    # The deputy named as reporting member is still RS03: the sheet is the holder's report.
    sheet["reporting_member"], sheet["signed_by"] = "m-soz", "m-bzbm"
    assert zs.validate_sheet(sheet, system).codes == ["RS03"]


def test_forecast_scale_countermeasures_and_units(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    sheet = at_risk_a01(system, sheets)
    # Countermeasures with on_track: RS08, now a warning.
    on_track = dict(sheet, forecast="on_track")
    result = zs.validate_sheet(on_track, system)
    assert result.valid and result.codes == ["RS08"] and by_code(result, "RS08").severity == "warning"
    # not_achieved already in T1 (a date missed): RS18, a warning, and never RS08 or RS06.
    early = dict(sheet, forecast="not_achieved")
    result = zs.validate_sheet(early, system)
    assert result.valid and result.codes == ["RS18"] and result.findings[0].path == "/forecast"
    # A countermeasure of two offices of portfolio V: RS16, a warning.
    one_portfolio = dict(sheet, countermeasures=[{"description": "Abstimmen.", "org_units": ["amt-soz", "amt-bd"]}])
    result = zs.validate_sheet(one_portfolio, system)
    assert result.valid and result.codes == ["RS16"] and by_code(result, "RS16").params["portfolio"] == "V"
    # A contribution of a unit the system does not have: RS17, an error.
    unknown = dict(sheet, contributions=[{"text": "Erledigt.", "org_unit": "amt-x"}])
    result = zs.validate_sheet(unknown, system)
    assert not result.valid and result.codes == ["RS17"]
    assert by_code(result, "RS17").path == "/contributions/0/org_unit"


def test_predecessor_of_an_earlier_year(system: zs.TargetSystem) -> None:
    # A01 continues "2021/A03"; a gap year is fine, the system's own year is not.
    data = system.to_dict()
    data["goals"][0]["origin"] = {"kind": "continued", "predecessor": "2020/A03"}
    previous = dict(system.to_dict(), year=2021)
    assert "TS08" not in zs.validate_system(data, previous=previous).codes
    data["goals"][0]["origin"] = {"kind": "continued", "predecessor": "2022/A03"}
    assert by_code(zs.validate_system(data), "TS08").params["year"] == "2022"


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


def test_a_result_without_findings_is_shared_and_large_batches_keep_their_order(
    system: zs.TargetSystem, sheets: List[zs.ReportSheet]
) -> None:
    raw = [sheet.to_json().encode() for sheet in sheets]
    clean = [r for r in raw if not zs.validate_sheet(r, system).findings]
    assert clean, "a fixture sheet without findings"
    # Nothing found: one immutable object serves every call (no Python object per valid sheet).
    assert zs.validate_sheet(clean[0], system) is zs.validate_sheet(clean[-1], system)
    assert zs.validate_sheet(clean[0], system).valid and zs.validate_sheet(clean[0], system).codes == []
    # More sheets than the parallel threshold: split across cores, results in input order, each the
    # result of its own sheet (a broken one, one of another goal, a ReportSheet object, a str).
    mixed: List[zs.SheetLike] = [*raw, b"{", sheets[0], sheets[1].to_json()]
    batch = mixed * 40
    assert len(batch) > 256
    assert zs.validate_sheets(batch, system) == [zs.validate_sheet(s, system) for s in batch]
    codes = zs.validate_sheets(batch, system)[len(raw)].codes
    assert codes == ["JSON_SYNTAX"] and codes[0] is zs.validate_sheet(b"{", system).codes[0]


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
