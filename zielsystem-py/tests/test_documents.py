"""TargetSystem and ReportSheet: constructors, round trips, properties, equality, pickling,
immutability, and every exception path of the typed constructors."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
from pathlib import Path
from typing import Any, Dict, List

import pytest

import zielsystem as zs


def load(path: Path) -> Dict[str, Any]:
    data: Dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


# --- round trips ------------------------------------------------------------------------------


def test_system_round_trips(system_path: Path) -> None:
    text = system_path.read_text(encoding="utf-8")
    original = json.loads(text)
    from_text = zs.TargetSystem.from_json(text)
    from_bytes = zs.TargetSystem.from_json(text.encode("utf-8"))
    from_dict = zs.TargetSystem.from_dict(original)
    from_file = zs.TargetSystem.from_file(str(system_path))
    assert from_text == from_bytes == from_dict == from_file
    assert json.loads(from_text.to_json()) == original
    assert from_text.to_dict() == original
    assert zs.TargetSystem.from_json(from_text.to_json(indent=2)) == from_text
    assert from_text.to_json(indent=2).startswith('{\n  "schema_version"')


def test_sheet_round_trips(sheet_paths: List[Path]) -> None:
    for path in sheet_paths:
        original = load(path)
        sheet = zs.ReportSheet.from_file(path)
        assert sheet.to_dict() == original
        assert json.loads(sheet.to_json()) == original
        assert zs.ReportSheet.from_dict(original) == sheet
        assert zs.ReportSheet.from_json(path.read_bytes()) == sheet


# --- properties -------------------------------------------------------------------------------


def test_system_properties(system: zs.TargetSystem) -> None:
    assert system.schema_version == "1"
    assert system.authority == "Bezirksamt Beispiel von Berlin"
    assert system.year == 2022
    assert system.resolution == {"number": "12/VI", "decided_on": "2022-02-01"}
    assert system.mission_statement.startswith("Nachhaltige")
    assert system.declared_goal_counts == {"mandate_target_groups": 2, "administration_internal": 1}
    assert [p["id"] for p in system.portfolios] == ["I", "V"]
    assert [m["id"] for m in system.members] == ["m-bzbm", "m-soz"]
    assert system.members[0]["terms"][0]["from"] == "2021-11-05"
    assert [u["kind"] for u in system.org_units][0] == "steering_service"
    assert [g["id"] for g in system.goals] == ["A01", "A02", "V01"]
    assert system.reporting == {"first_tertial": "2022-T1"}
    assert system.first_tertial == zs.Tertial("2022-T1")
    assert system.reporting_tertials == zs.Tertial.of_year(2022)
    goal = system.goal("A02")
    assert goal is not None and goal["description"] == "Mehr Beratungen in den Stadtteilzentren."
    assert system.goal("X99") is None
    assert system.holder_on("V", dt.date(2022, 5, 20)) == "m-soz"
    assert system.holder_on("V", dt.date(2021, 1, 1)) is None


def test_nested_parts_are_copies(system: zs.TargetSystem) -> None:
    goals = system.goals
    goals[0]["title"] = "geändert"
    assert system.goals[0]["title"] == "Bearbeitungszeiten verkürzen"


def test_sheet_properties(sheets: List[zs.ReportSheet]) -> None:
    sheet = next(s for s in sheets if s.goal == "A01" and s.risks)
    assert sheet.schema_version == "1"
    assert sheet.authority == "Bezirksamt Beispiel von Berlin"
    assert sheet.tertial == zs.Tertial("2022-T1")
    assert sheet.reporting_member == "m-bzbm"
    assert sheet.submitted_on == dt.date(2022, 5, 20)
    assert sheet.forecast == "at_risk"
    assert sheet.light == "yellow"
    assert sheet.highest_risk_score == 6
    assert sheet.risks[0] == {"description": "Personalengpass", "likelihood": "high", "impact": "medium"}
    assert sheet.contributions[0]["org_unit"] == "std"
    assert sheet.indicator_values == [{"indicator": "A01-1", "value": 31.5, "as_of": "2022-04-30"}]
    assert sheet.countermeasures[0]["org_units"] == ["std", "amt-bd"]
    assert sheet.rationale
    assert sheet.signed_by is None and "signed_by" not in sheet.to_dict()


def test_signed_by_round_trips(sheets: List[zs.ReportSheet]) -> None:
    data = sheets[0].to_dict()
    data["signed_by"] = "m-soz"
    signed = zs.ReportSheet.from_dict(data)
    assert signed.signed_by == "m-soz"
    assert signed.to_dict() == data
    assert json.loads(signed.to_json())["signed_by"] == "m-soz"
    assert signed != sheets[0]


def test_repr(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    assert repr(system) == "TargetSystem(authority='Bezirksamt Beispiel von Berlin', year=2022, goals=3)"
    assert repr(sheets[0]) == "ReportSheet(goal='A01', tertial='2022-T1', forecast='on_track')"


# --- equality, immutability, pickling ---------------------------------------------------------


def test_equality_is_by_value(system_path: Path) -> None:
    data = load(system_path)
    assert zs.TargetSystem.from_dict(data) == zs.TargetSystem.from_dict(copy.deepcopy(data))
    changed = copy.deepcopy(data)
    changed["year"] = 2023
    assert zs.TargetSystem.from_dict(changed) != zs.TargetSystem.from_dict(data)
    assert zs.TargetSystem.from_dict(data) != data
    # Hashable, consistently with ==: equal documents hash equally (test_traps.py has more).
    assert hash(zs.TargetSystem.from_dict(data)) == hash(zs.TargetSystem.from_dict(copy.deepcopy(data)))


def test_immutable(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    with pytest.raises(AttributeError):
        system.year = 2023  # type: ignore[misc]
    with pytest.raises(AttributeError):
        sheets[0].forecast = "achieved"  # type: ignore[misc]
    with pytest.raises(TypeError):
        zs.TargetSystem()


def test_pickling(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    for value in [system, *sheets]:
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            assert pickle.loads(pickle.dumps(value, protocol=protocol)) == value
    assert copy.deepcopy(system) == system


# --- exception paths --------------------------------------------------------------------------


def test_bad_json_text_raises_parse_error() -> None:
    with pytest.raises(zs.ParseError) as caught:
        zs.TargetSystem.from_json('{"year": ')
    error = caught.value
    assert isinstance(error, ValueError) and isinstance(error, zs.ZielsystemError)
    assert error.result.valid is False
    assert [f.code for f in error.findings] == ["JSON_SYNTAX"]
    assert error.errors()[0]["code"] == "JSON_SYNTAX"
    assert "JSON_SYNTAX" in str(error)


def test_invalid_utf8_raises_parse_error() -> None:
    with pytest.raises(zs.ParseError) as caught:
        zs.ReportSheet.from_json(b'{"goal": "\xff"}')
    assert caught.value.findings


def test_wrong_shape_raises_parse_error(system_path: Path) -> None:
    data = load(system_path)
    data["unexpected"] = True
    del data["goals"]
    with pytest.raises(zs.ParseError) as caught:
        zs.TargetSystem.from_dict(data)
    found = {(f.code, f.path) for f in caught.value.findings}
    assert {("SCHEMA_UNKNOWN_KEY", "/unexpected"), ("SCHEMA_REQUIRED", "")} <= found
    assert all(f.severity == "error" for f in caught.value.findings)
    assert caught.value.errors()[0]["message_en"]


def test_parse_error_pickles() -> None:
    with pytest.raises(zs.ParseError) as caught:
        zs.ReportSheet.from_json("[]")
    again = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(again, zs.ParseError)
    assert str(again) == str(caught.value)
    assert again.result == caught.value.result


def test_missing_file_raises_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        zs.TargetSystem.from_file(tmp_path / "missing.json")
    with pytest.raises(FileNotFoundError):
        zs.ReportSheet.from_file(str(tmp_path / "missing.json"))


def test_wrong_argument_types(system_path: Path) -> None:
    with pytest.raises(TypeError):
        zs.TargetSystem.from_json(load(system_path))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zs.TargetSystem.from_dict(system_path.read_text())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zs.ReportSheet.from_json(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zs.TargetSystem.from_file(42)  # type: ignore[arg-type]


def test_dict_that_is_not_json_raises_type_error(system_path: Path) -> None:
    data = load(system_path)
    # (A date is taken as its ISO text: test_traps.py.)
    data["resolution"]["decided_on"] = {1, 2}
    with pytest.raises(TypeError):
        zs.TargetSystem.from_dict(data)


def test_any_mapping_is_accepted(system_path: Path) -> None:
    from types import MappingProxyType

    data = load(system_path)
    assert zs.TargetSystem.from_dict(MappingProxyType(data)) == zs.TargetSystem.from_dict(data)


def test_deeply_nested_dict_is_refused_not_a_crash(system: zs.TargetSystem) -> None:
    # The dict → JSON conversion recurses; a dict 10,000 deep used to overflow the stack.
    deep: Dict[str, Any] = {}
    node = deep
    for _ in range(10_000):
        node["x"] = {}
        node = node["x"]
    for call in (
        lambda: zs.ReportSheet.from_dict(deep),
        lambda: zs.validate_sheet(deep, system),
    ):
        with pytest.raises(zs.ParseError) as raised:
            call()
        assert [f.code for f in raised.value.findings] == ["SCHEMA_LIMIT"]
    nested_list: List[Any] = []
    for _ in range(10_000):
        nested_list = [nested_list]
    with pytest.raises(ValueError, match="kein gültiges Dokument"):
        zs.validate_system({"goals": nested_list})
