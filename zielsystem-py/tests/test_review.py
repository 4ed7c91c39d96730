"""The review log as a Python object: built from JSON, its entries, round trips, and its rules
RV01–RV04 with and without the target system (the shared cases run in ``test_conformance.py``)."""

from __future__ import annotations

import pickle

import pytest

import zielsystem as zs

from conftest import REPO_ROOT

CASES = REPO_ROOT / "tests" / "cases" / "review"
FIXTURES = REPO_ROOT / "tests" / "fixtures"


def test_a_log_reads_with_its_entries() -> None:
    log = zs.ReviewLog.from_file(CASES / "rv02-near-miss-accepted-with-warning-only" / "log.json")
    assert log.authority == "Bezirksamt Mitte von Berlin"
    assert log.tertial == zs.Tertial("2022-T1")
    events = [entry["event"] for entry in log.entries]
    assert events == ["received", "returned", "resubmitted", "accepted", "received", "accepted"]
    returned = log.entries[1]
    assert returned["event"] == "returned"
    assert returned["findings"] == ["RS10"]
    assert returned["due_on"] == "2022-06-14"
    assert zs.ReviewLog.from_json(log.to_json()) == log
    assert zs.ReviewLog.from_dict(log.to_dict()) == log
    assert pickle.loads(pickle.dumps(log)) == log
    assert "entries=6" in repr(log)


def test_a_bad_digest_raises_parse_error() -> None:
    with pytest.raises(zs.ParseError) as caught:
        zs.ReviewLog.from_file(CASES / "schema-unknown-event-and-bad-digest" / "log.json")
    assert "SCHEMA_FORMAT" in {f.code for f in caught.value.findings}


def test_rv02_needs_the_system() -> None:
    case = CASES / "rv02-accepted-with-error"
    sheet = zs.ReportSheet.from_file(FIXTURES / "review" / "report-sheet-2022-T1-A02-no-risk.json")
    system = zs.TargetSystem.from_file(FIXTURES / "report-system.json")
    log = zs.ReviewLog.from_file(case / "log.json")
    assert zs.validate_review_log(log, system, [sheet]).codes == ["RV02"]
    assert zs.validate_review_log(log, sheets=[sheet]).findings == []
