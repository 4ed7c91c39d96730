"""Finding and ValidationResult: properties, round trips, equality, pickling, parse errors."""

from __future__ import annotations

import json
import pathlib
import pickle

import pytest

import zielsystem as zs

FINDING = {
    "code": "RS05",
    "severity": "warning",
    "path": "/submitted_on",
    "message": "Eingereicht am 02.06.2022, nach der Berichtsfrist 31.05.2022.",
    "message_en": "Submitted on 2022-06-02, after the deadline 2022-05-31.",
    "params": {"deadline": "2022-05-31", "submitted_on": "2022-06-02"},
}
ERROR = {
    "code": "RS02",
    "severity": "error",
    "path": "/goal",
    "message": "Das Ziel „X99“ existiert nicht im Zielsystem.",
    "message_en": 'Goal "X99" does not exist in the target system.',
    "params": {"goal": "X99"},
}


def test_finding_properties_and_round_trip() -> None:
    finding = zs.Finding.from_dict(FINDING)
    assert finding.code == "RS05"
    assert finding.severity == "warning"
    assert finding.path == "/submitted_on"
    assert finding.message.startswith("Eingereicht")
    assert finding.message_en.startswith("Submitted")
    assert finding.params == FINDING["params"]
    assert finding.is_error is False
    assert finding.to_dict() == FINDING
    assert zs.Finding.from_json(finding.to_json()) == finding
    assert str(finding) == "RS05 /submitted_on: " + FINDING["message"]
    assert repr(finding).startswith("Finding(code='RS05', severity='warning'")
    assert pickle.loads(pickle.dumps(finding)) == finding


def test_result_properties_and_round_trip() -> None:
    data = {"valid": False, "findings": [FINDING, ERROR]}
    result = zs.ValidationResult.from_dict(data)
    assert result.valid is False
    assert result.codes == ["RS05", "RS02"]
    assert [f.code for f in result.errors] == ["RS02"]
    assert [f.code for f in result.warnings] == ["RS05"]
    assert result.findings[0] == zs.Finding.from_dict(FINDING)
    assert result.has("RS02") and not result.has("RS03")
    assert len(result.findings) == 2
    assert result.to_dict() == data
    assert json.loads(result.to_json(indent=4)) == data
    assert zs.ValidationResult.from_json(result.to_json()) == result
    assert pickle.loads(pickle.dumps(result)) == result
    assert repr(result) == "ValidationResult(valid=False, codes=['RS05', 'RS02'])"


def test_the_truth_value_of_a_result_is_valid() -> None:
    # `if result:` means "valid" (no error finding); there is no __len__, so it never means
    # "has findings".
    clean = zs.ValidationResult.from_dict({"valid": True, "findings": []})
    assert bool(clean) is True
    assert bool(zs.ValidationResult.from_dict({"valid": False, "findings": []})) is False
    assert not hasattr(clean, "__len__")


def test_unknown_code_is_a_parse_error() -> None:
    with pytest.raises(zs.ParseError) as caught:
        zs.Finding.from_dict({**FINDING, "code": "XX99"})
    assert [(f.code, f.path) for f in caught.value.findings] == [("SCHEMA_ENUM", "/code")]
    with pytest.raises(zs.ParseError) as caught:
        zs.ValidationResult.from_json("{")
    assert caught.value.findings[0].code == "JSON_SYNTAX"
    with pytest.raises(TypeError):
        zs.Finding.from_json(FINDING)  # type: ignore[arg-type]


def test_from_file(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "result.json"
    result = zs.ValidationResult.from_dict({"valid": True, "findings": [FINDING]})
    path.write_text(result.to_json(), encoding="utf-8")
    assert zs.ValidationResult.from_file(path) == result
    path.write_text(zs.Finding.from_dict(ERROR).to_json(), encoding="utf-8")
    assert zs.Finding.from_file(str(path)).code == "RS02"
    with pytest.raises(FileNotFoundError):
        zs.Finding.from_file(tmp_path / "missing.json")
