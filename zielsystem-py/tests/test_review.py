"""The review log as a Python object: built from JSON, its entries, round trips, and its rules
RV01–RV04 with and without the target system (the shared cases run in ``test_conformance.py``)."""

from __future__ import annotations

import datetime as dt
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


def _empty_log() -> zs.ReviewLog:
    return zs.ReviewLog.from_dict(
        {"schema_version": "1", "authority": "Bezirksamt Mitte von Berlin", "tertial": "2022-T1", "entries": []}
    )


def test_the_steering_services_operations() -> None:
    system = zs.TargetSystem.from_file(FIXTURES / "report-system.json")
    a01 = zs.ReportSheet.from_file(FIXTURES / "report-sheet-2022-T1-A01.json")
    a01_v2 = zs.ReportSheet.from_file(FIXTURES / "review" / "report-sheet-2022-T1-A01-v2.json")
    empty = _empty_log()
    with pytest.raises(zs.ReviewRefused) as caught:
        empty.accept("A01", "Frau Sommer", dt.date(2022, 5, 20))
    assert [f.code for f in caught.value.findings] == ["RV01"]
    assert empty.entries == []

    log = empty.receive(a01, "Frau Sommer", dt.date(2022, 5, 20))
    log = log.return_sheet(
        "A01", "Frau Sommer", dt.date(2022, 5, 25), "Bitte ergänzen.", dt.date(2022, 6, 14), findings=["RS10"]
    )
    with pytest.raises(zs.ReviewRefused) as caught:
        log.receive(a01, "Frau Sommer", dt.date(2022, 6, 10))
    assert [f.code for f in caught.value.findings] == ["RV03"]
    with pytest.raises(ValueError):
        log.return_sheet("A01", "x", dt.date(2022, 5, 26), "x", dt.date(2022, 6, 1), findings=["XX99"])
    log = log.receive(a01_v2, "Frau Sommer", dt.date(2022, 6, 10))
    log = log.accept("A01", "Frau Sommer", dt.date(2022, 6, 13), system, [a01_v2])
    assert [e["event"] for e in log.entries] == ["received", "returned", "resubmitted", "accepted"]
    assert zs.validate_review_log(log, system, [a01, a01_v2]).findings == []


def test_status_on_a_day() -> None:
    system = zs.TargetSystem.from_file(FIXTURES / "report-system.json")
    log = zs.ReviewLog.from_file(CASES / "rv02-near-miss-accepted-with-warning-only" / "log.json")
    sheets = [zs.ReportSheet.from_file(FIXTURES / f"report-sheet-2022-T1-{g}.json") for g in ("A01", "A02")]
    overview = zs.status(system, "2022-T1", dt.date(2022, 6, 9), sheets, log)
    goals = {g["goal"]: g for m in overview["members"] for g in m["goals"]}
    assert goals["A01"]["review_status"] == "returned"
    assert goals["A01"]["due_on"] == "2022-06-14"
    assert goals["A02"]["reporting_status"] == "submitted_on_time"
    assert goals["A04"]["reporting_status"] == "overdue"
    assert goals["A04"]["overdue_working_days"] == 6
    assert [g["goal"] for g in overview["escalations"]] == ["A03", "A04", "V01", "V02"]
    relaxed = zs.status(system, zs.Tertial("2022-T1"), dt.date(2022, 6, 9), sheets, log, grace_working_days=6)
    assert relaxed["escalations"] == []
    # Pfingstmontag, 6 June 2022, is no working day.
    assert zs.working_days_after(dt.date(2022, 5, 31), dt.date(2022, 6, 10)) == 7


def _returned_log() -> tuple[zs.TargetSystem, zs.ReportSheet, zs.ReviewLog]:
    system = zs.TargetSystem.from_file(FIXTURES / "report-system.json")
    a01 = zs.ReportSheet.from_file(FIXTURES / "report-sheet-2022-T1-A01.json")
    log = _empty_log().receive(a01, "Frau Sommer", dt.date(2022, 5, 20))
    log = log.return_sheet(
        "A01",
        "Frau Sommer",
        dt.date(2022, 5, 25),
        "<script>alert(1)</script> [klick](javascript:x)",
        dt.date(2022, 6, 14),
        findings=["RS10"],
    )
    return system, a01, log


def test_reminder_letters() -> None:
    system = zs.TargetSystem.from_file(FIXTURES / "report-system.json")
    letters = zs.reminders(system, "2022-T1", dt.date(2022, 6, 9), [], sender="Frau Sommer", example=True)
    assert len(letters) == 4
    first = letters[0]
    assert first["member"] is not None
    assert "Erinnerung" in first["markdown"] and "BEISPIEL" in first["html"]
    assert "umgehend" in first["markdown"]
    _, a01, log = _returned_log()
    returned = zs.reminders(system, zs.Tertial("2022-T1"), dt.date(2022, 6, 16), [a01], log)
    bzbm = next(letter for letter in returned if letter["member"] == "m-bzbm")
    assert "berichtigte Fassung" in bzbm["markdown"]


def test_return_letter() -> None:
    system, a01, log = _returned_log()
    letter = zs.return_letter(log, "A01", system, [a01], attachment="A01.xlsx")
    assert letter["goal"] == "A01"
    assert letter["due_on"] == "2022-06-14"
    received = log.entries[0]
    assert received["event"] == "received"
    assert letter["digest"] == received["digest"] == a01.digest
    assert "bis zum 14.06.2022" in letter["markdown"]
    assert "Anlage: A01.xlsx" in letter["markdown"]
    # The reviewer's words are escaped in both formats.
    assert "<script>" not in letter["html"] and "&lt;script&gt;" in letter["html"]
    assert "](javascript" not in letter["markdown"]
    with pytest.raises(ValueError):
        zs.return_letter(log, "A02", system, [a01])
    # The returned version, found by its digest, goes back as a pre-filled form that reads back.
    returned = next(sheet for sheet in [a01] if sheet.digest == letter["digest"])
    form = system.write_form(returned.tertial, goal="A01", answers=[returned])
    read_back, _ = zs.read_form(form, system)
    assert read_back is not None and read_back.goal == "A01"


def test_consolidation_with_the_review_log() -> None:
    # The example's tertial II: V04 came in, went back and came in corrected; the log accepts it.
    example = REPO_ROOT / "examples" / "mitte-2022"
    system = zs.TargetSystem.from_file(example / "target-system.json")
    first = zs.ReportSheet.from_file(example / "review" / "2022-T2" / "V04-erste-fassung.json")
    sheets = [zs.ReportSheet.from_file(p) for p in sorted((example / "sheets" / "2022-T2").glob("*.json"))]
    log = zs.ReviewLog.from_file(example / "review" / "2022-T2" / "pruefprotokoll.json")
    as_of = dt.date(2022, 10, 4)

    reviewed = zs.consolidate(system, [*sheets, first], "2022-T2", as_of, review_log=log)
    review = reviewed.review
    assert review is not None
    assert review["pending_goals"] == []
    v04 = next(g for g in review["goals"] if g["goal"] == "V04")
    assert [v.get("due_on") for v in v04["versions"]] == ["2022-09-23", None]
    assert v04["versions"][1]["accepted_on"] == "2022-09-15"
    counted = next(g for g in reviewed.goals if g["goal"] == "V04")
    assert counted["sheet_digest"] == v04["counted_digest"] == v04["versions"][1]["digest"]
    assert v04["versions"][0]["digest"] == first.digest != v04["counted_digest"]
    # The superseded first version is not counted twice: no TR02.
    assert "TR02" not in [f.code for f in reviewed.findings]

    # Without a log the report is as before: no review part, and the first version is a duplicate.
    plain = zs.consolidate(system, [*sheets, first], "2022-T2", as_of)
    assert plain.review is None
    assert "TR02" in [f.code for f in plain.findings]
