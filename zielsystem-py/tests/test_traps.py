"""The traps of the Python API, each fixed: hashable documents and findings, ``from_dict`` with
dates, tertials and numpy scalars, a hint for a ``str`` that names a file, the truth value of a
result, single-language halves in messages, and year checks that are findings everywhere."""

from __future__ import annotations

import copy
import datetime
import decimal
import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

import zielsystem as zs

from conftest import FIXTURES, REPO_ROOT


def load(path: Path) -> Dict[str, Any]:
    data: Dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


# Hashing


def test_documents_findings_and_results_hash_consistently_with_eq(
    system: zs.TargetSystem, sheets: List[zs.ReportSheet], system_path: Path
) -> None:
    again = zs.TargetSystem.from_file(system_path)
    assert system == again and hash(system) == hash(again)
    assert len({system, again}) == 1
    assert {sheet: sheet.goal for sheet in sheets}[sheets[0]] == sheets[0].goal
    result = zs.validate_sheet(sheets[0], system)
    assert hash(result) == hash(zs.ValidationResult.from_json(result.to_json()))
    finding = zs.validate_system(system, previous=system).findings[-1]
    assert hash(finding) == hash(zs.Finding.from_dict(finding.to_dict()))
    report = zs.consolidate(system, sheets, "2022-T1", datetime.date(2022, 6, 15))
    assert hash(report) == hash(zs.TertialReport.from_json(report.to_json()))
    assert len(set(sheets)) == len({sheet.to_json() for sheet in sheets})


def test_equal_values_hash_equally_whatever_the_float_spelling(system_path: Path) -> None:
    data = load(system_path)
    negative_zero = copy.deepcopy(data)
    # 0.0 == -0.0 in Python and in the document's comparison, so the hashes agree too.
    data["goals"][1]["indicators"][0]["baseline"] = 0.0
    negative_zero["goals"][1]["indicators"][0]["baseline"] = -0.0
    a, b = zs.TargetSystem.from_dict(data), zs.TargetSystem.from_dict(negative_zero)
    assert a == b and hash(a) == hash(b)


# from_dict


def test_from_dict_takes_dates_tertials_and_numpy_scalars(system_path: Path) -> None:
    np = pytest.importorskip("numpy")
    data = load(system_path)
    expected = zs.TargetSystem.from_dict(data)
    data["year"] = np.int64(2022)
    data["resolution"]["decided_on"] = datetime.date.fromisoformat(data["resolution"]["decided_on"])
    data["reporting"]["first_tertial"] = zs.Tertial(data["reporting"]["first_tertial"])
    indicator = data["goals"][0]["indicators"][0]
    indicator["baseline"] = np.float64(indicator["baseline"])
    indicator["target"] = np.int32(indicator["target"])
    data["members"][0]["terms"][0]["from"] = datetime.date.fromisoformat(
        data["members"][0]["terms"][0]["from"]
    )
    assert zs.TargetSystem.from_dict(data) == expected
    # A numpy array where a list is meant.
    data["goals"][0]["org_units"] = np.array(data["goals"][0]["org_units"])
    assert zs.TargetSystem.from_dict(data) == expected


def test_from_dict_takes_any_number_protocol_without_numpy(system_path: Path) -> None:
    class Index:
        def __init__(self, value: int) -> None:
            self.value = value

        def __index__(self) -> int:
            return self.value

    data = load(system_path)
    expected = zs.TargetSystem.from_dict(data)
    data["year"] = Index(2022)
    indicator = data["goals"][0]["indicators"][0]
    indicator["baseline"] = decimal.Decimal(str(indicator["baseline"]))
    assert zs.TargetSystem.from_dict(data) == expected


def test_from_dict_names_where_a_value_is_not_json(system_path: Path) -> None:
    data = load(system_path)
    data["goals"][0]["title"] = object()
    with pytest.raises(TypeError) as caught:
        zs.TargetSystem.from_dict(data)
    assert "/goals/0/title" in str(caught.value) and "object" in str(caught.value)
    data = load(system_path)
    data["year"] = float("nan")
    with pytest.raises(TypeError):
        zs.TargetSystem.from_dict(data)
    data = load(system_path)
    data["goals"][0]["org_units"] = b"amt"
    with pytest.raises(TypeError):
        zs.TargetSystem.from_dict(data)


def test_a_datetime_is_a_day_with_a_time_and_is_refused_with_a_finding(system_path: Path) -> None:
    data = load(system_path)
    data["resolution"]["decided_on"] = datetime.datetime(2022, 2, 1, 10, 30)
    with pytest.raises(zs.ParseError) as caught:
        zs.TargetSystem.from_dict(data)
    assert [(f.code, f.path) for f in caught.value.findings] == [
        ("SCHEMA_FORMAT", "/resolution/decided_on")
    ]


# A str that names a file


def test_a_str_naming_a_file_gets_a_hint(system_path: Path, system: zs.TargetSystem) -> None:
    result = zs.validate_system(str(system_path))
    assert result.codes == ["JSON_SYNTAX"]
    finding = result.findings[0]
    assert "meinten Sie Path(" in finding.message
    assert "did you mean pathlib.Path(" in finding.message_en
    assert finding.params["path"] == repr(str(system_path))
    sheet = FIXTURES / "sheets" / "2022-T1" / "A01.json"
    assert "Path(" in zs.validate_sheet(str(sheet), system).findings[0].message
    assert "Path(" in zs.validate_sheets([str(sheet)], system)[0].findings[0].message
    with pytest.raises(zs.ParseError) as caught:
        zs.TargetSystem.from_json(str(system_path))
    assert "meinten Sie Path(" in str(caught.value)
    with pytest.raises(zs.ParseError) as caught:
        zs.consolidate(system, [str(sheet)], "2022-T1", datetime.date(2022, 6, 1))
    assert "did you mean pathlib.Path(" in caught.value.findings[0].message_en
    # What is fine stays as it was: a path object, JSON text, and a str that is no file.
    assert zs.TargetSystem.from_file(str(system_path)) == system
    assert zs.validate_system(system_path.read_text(encoding="utf-8")).valid
    plain = zs.validate_system("no/such/file.json").findings[0]
    assert plain.code == "JSON_SYNTAX" and "Path(" not in plain.message


# The truth value of a result


def test_if_result_means_valid(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    assert zs.validate_system(system)
    assert not zs.validate_system(system, previous=system)
    # Warnings do not make a result false.
    warned = zs.validate_system(REPO_ROOT.joinpath("tests/fixtures/rules-system-2022.json").read_bytes())
    assert warned.warnings and warned


# Messages in one language per half


def test_messages_keep_each_language_in_its_half(system: zs.TargetSystem) -> None:
    with pytest.raises(OverflowError) as caught:
        zs.Tertial("9999-T3").next()
    assert str(caught.value) == (
        "9999-T3 hat kein nächstes Tertial im darstellbaren Bereich / "
        "9999-T3 has no next tertial in the representable range"
    )
    with pytest.raises(OverflowError) as caught:
        zs.Tertial("0000-T1").previous()
    assert "hat kein voriges Tertial" in str(caught.value)
    assert "has no previous tertial" in str(caught.value)
    with pytest.raises(TypeError) as wrong_type:
        zs.consolidate(system, [], 2022, datetime.date(2022, 6, 1))  # type: ignore[arg-type]
    german, english = str(wrong_type.value).split(" / ")
    assert "Tertial oder str" in german and "Tertial or str" in english
    with pytest.raises(TypeError) as not_a_document:
        zs.validate_system(42)  # type: ignore[arg-type]
    german, english = str(not_a_document.value).split(" / ")
    assert "oder" in german and "oder" not in english


def test_parse_error_headline_keeps_each_language_in_its_half() -> None:
    with pytest.raises(zs.ParseError) as caught:
        zs.TargetSystem.from_json("{}")
    headline = str(caught.value).splitlines()[0]
    german, english = headline.split(" / ")
    assert "Befund" in german and "finding" not in german
    assert "finding" in english and "Befund" not in english


# Year checks: findings everywhere


def test_a_previous_system_of_the_same_year_is_a_finding(system: zs.TargetSystem) -> None:
    alone = zs.validate_system(system).codes
    result = zs.validate_system(system, previous=system)
    assert result.codes == alone + ["TS13"] and not result.valid
    # As JSON the same.
    as_json = zs.validate_system(system.to_json(), previous=system.to_dict())
    assert as_json.codes == alone + ["TS13"]
    other = system.to_dict()
    other["authority"] = "Bezirksamt Pankow von Berlin"
    other["year"] = 2021
    assert zs.validate_system(system, previous=other).codes == alone + ["TS13"]


def test_consolidating_a_tertial_of_another_year_is_a_finding(
    system: zs.TargetSystem, sheets: List[zs.ReportSheet]
) -> None:
    report = zs.consolidate(system, sheets, "2023-T1", datetime.date(2023, 6, 14))
    codes = [finding.code for finding in report.findings]
    assert "TR06" in codes
    assert zs.validate_report(report).has("TR06")
    assert not zs.validate_report(report).valid
    # The Bezirksamt cannot decide it: the same finding refuses the step.
    with pytest.raises(zs.LifecycleError) as caught:
        report.decide(system, datetime.date(2023, 6, 20), "52/VI")
    assert "TR06" in [finding.code for finding in caught.value.findings]
    same_year = zs.consolidate(system, sheets, "2022-T3", datetime.date(2023, 1, 31))
    assert "TR06" not in [finding.code for finding in same_year.findings]


# The T3 convention of share_at_risk


def test_share_at_risk_is_zero_in_t3_by_construction(
    system: zs.TargetSystem, sheets: List[zs.ReportSheet]
) -> None:
    # In T3 the forecast states the result (achieved / not_achieved); at_risk and unlikely are not
    # allowed there, so the share of goals at risk is 0 — read not_achieved instead.
    rows = zs.summary_by(system, sheets, "tertial")
    t3 = [row for row in rows if str(row["tertial"]) == "2022-T3"][0]
    assert t3["share_at_risk"] == 0.0
    assert t3["not_achieved"] == 1
