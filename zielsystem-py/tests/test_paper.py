"""Paper (the Bezirksamtsvorlage), validate_paper and TertialReport.to_paper(): properties, round
trips, pickling, raw JSON with shape problems as findings, and the error paths."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path
from typing import List

import pytest

import zielsystem as zs

from conftest import REPO_ROOT

PAPER_CASES = REPO_ROOT / "tests" / "cases" / "paper"
COMPLETE = PAPER_CASES / "bv02-near-miss-sections-say-keine" / "paper.json"


@pytest.fixture(scope="module")
def report(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> zs.TertialReport:
    # The T1 sheets without the superseded draft of A01: a clean draft.
    t1 = [s for s in sheets if str(s.tertial) == "2022-T1" and s.submitted_on != dt.date(2022, 5, 2)]
    return zs.consolidate(system, t1, "2022-T1", dt.date(2022, 6, 15))


@pytest.fixture(scope="module")
def complete() -> zs.Paper:
    return zs.Paper.from_file(COMPLETE)


def test_properties(complete: zs.Paper) -> None:
    data = json.loads(COMPLETE.read_text(encoding="utf-8"))
    assert complete.schema_version == "1"
    assert complete.number == data.get("number")
    assert complete.kind == data["kind"]
    assert complete.subject == data["subject"]
    assert complete.rapporteur == data["rapporteur"]
    assert complete.draft_resolution == data["draft_resolution"]
    assert complete.publication is data["publication"]
    assert complete.staff_representation is not None
    assert complete.staff_representation["involved"] is data["staff_representation"]["involved"]
    assert complete.justification == data["justification"]
    assert complete.legal_basis == data["legal_basis"]
    assert complete.effects is not None and complete.effects["budget"] == data["effects"]["budget"]
    assert complete.co_signatures == data["co_signatures"]
    expected_date = data.get("meeting_date")
    assert complete.meeting_date == (dt.date.fromisoformat(expected_date) if expected_date else None)


def test_absent_sections_are_none() -> None:
    paper = zs.Paper.from_json('{"schema_version": "1"}')
    assert paper.number is None and paper.meeting_date is None and paper.kind is None
    assert paper.subject is None and paper.draft_resolution is None and paper.effects is None
    assert paper.staff_representation is None and paper.publication is None
    assert repr(paper) == "Paper(number=None, kind=None, subject=None)"
    # Every section is reported missing at once (BV02), as in the core.
    result = zs.validate_paper(paper)
    assert not result.valid and set(result.codes) == {"BV02"} and len(result.codes) == 10


def test_round_trips_pickling_and_immutability(complete: zs.Paper) -> None:
    assert zs.Paper.from_json(complete.to_json()) == complete
    assert zs.Paper.from_json(complete.to_json(indent=2).encode()) == complete
    assert zs.Paper.from_dict(complete.to_dict()) == complete
    assert pickle.loads(pickle.dumps(complete)) == complete
    assert complete != zs.Paper.from_json('{"schema_version": "1"}')
    # Every section is a key of the dict, None when absent.
    assert set(zs.Paper.from_json('{"schema_version": "1"}').to_dict()) == set(complete.to_dict())
    with pytest.raises(AttributeError):
        complete.number = "1/VI"  # type: ignore[misc]
    # Nested parts are fresh copies.
    effects = complete.effects
    assert effects is not None
    effects["budget"] = "changed"
    assert complete.effects is not None and complete.effects["budget"] != "changed"


def test_validate_paper_objects_and_raw_json(complete: zs.Paper) -> None:
    clean = zs.validate_paper(complete)
    assert clean.valid and clean.findings == []
    assert zs.validate_paper(complete.to_json()) == clean
    assert zs.validate_paper(complete.to_json().encode()) == clean
    assert zs.validate_paper(complete.to_dict()) == clean

    data = complete.to_dict()
    data["number"] = "36-VI"
    data["co_signatures"] = " "
    data["subject"] = "Klicken oder tippen Sie hier, um Text einzugeben."
    result = zs.validate_paper(json.dumps(data))
    assert result.codes == ["BV01", "BV02", "BV03"]
    assert [f.path for f in result.findings] == ["/number", "/co_signatures", "/subject"]
    assert zs.validate_paper(zs.Paper.from_dict(data)) == result


def test_raw_json_reports_shape_problems_as_findings(complete: zs.Paper) -> None:
    assert zs.validate_paper(b'{"number": "36/VI"').codes == ["JSON_SYNTAX"]
    assert zs.validate_paper(b"[]").codes == ["SCHEMA_TYPE"]
    data = complete.to_dict()
    data["kind"] = "urgent"  # type: ignore[typeddict-item]
    data["surplus"] = 1  # type: ignore[typeddict-unknown-key]
    result = zs.validate_paper(json.dumps(data))
    assert not result.valid
    assert {"SCHEMA_ENUM", "SCHEMA_UNKNOWN_KEY"} <= set(result.codes)
    assert {f.path for f in result.findings} >= {"/kind", "/surplus"}
    # No rule runs on a document that is not a paper.
    assert not any(code.startswith("BV") for code in result.codes)


def test_error_paths(tmp_path: Path) -> None:
    with pytest.raises(zs.ParseError) as caught:
        zs.Paper.from_json('{"schema_version": "1", "kind": "urgent"}')
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, zs.ZielsystemError)
    assert [f.code for f in caught.value.findings] == ["SCHEMA_ENUM"]
    assert "Paper" in str(caught.value)
    with pytest.raises(zs.ParseError):
        zs.Paper.from_dict({"schema_version": 1})
    with pytest.raises(TypeError):
        zs.Paper.from_dict('{"schema_version": "1"}')  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zs.Paper.from_json({"schema_version": "1"})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zs.validate_paper(42)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        zs.Paper.from_file(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_bytes(b"\xff{")
    with pytest.raises(zs.ParseError):
        zs.Paper.from_file(broken)


def test_report_to_paper(system: zs.TargetSystem, report: zs.TertialReport) -> None:
    paper = report.to_paper()
    assert isinstance(paper, zs.Paper)
    assert paper.kind == "decision"
    assert paper.subject == "Bericht über das Erreichen der Ziele des Zielsystems 2022 zum Ende des I. Tertials"
    # A draft has no number or session yet; the paper for it is complete otherwise.
    assert paper.number is None and paper.meeting_date is None
    assert zs.validate_paper(paper).findings == []
    assert paper.draft_resolution is not None and paper.draft_resolution[0].startswith("I. Das Bezirksamt")
    assert paper.draft_resolution[-1] == "III. Mit der Durchführung des Beschlusses werden alle Geschäftsbereiche beauftragt."
    assert "3 von 3 Zielen" in (paper.justification or "")
    assert paper.legal_basis == "§ 36 Absatz 2 Buchstaben b und f Bezirksverwaltungsgesetz"
    assert repr(paper).startswith("Paper(number=None, kind='decision', subject='Bericht über")
    assert pickle.loads(pickle.dumps(paper)) == paper
    # No paper for the council before the decision.
    assert report.to_council_paper() is None and report.to_council_html() is None

    decided = report.decide(system, dt.date(2022, 6, 21), "118/VI")
    paper = decided.to_paper()
    assert paper.number == "118/VI" and paper.meeting_date == dt.date(2022, 6, 21)
    assert zs.validate_paper(paper).findings == []
    council = decided.to_council_paper()
    assert council is not None and council.kind == "council_information"
    assert council.decision == {"number": "118/VI", "decided_on": "2022-06-21"}
    assert council.draft_resolution is None and council.communication
    assert zs.validate_paper(council).findings == []
    # The council's paper decides nothing: a draft resolution in it is BV04.
    data = council.to_dict()
    data["draft_resolution"] = ["I. Die Bezirksverordnetenversammlung beschließt …"]
    assert zs.validate_paper(data).codes == ["BV04"]
    html = decided.to_council_html(example=True)
    assert html is not None and "BEISPIEL" in html and "Vorlage – zur Kenntnisnahme –" in html
    assert "BEISPIEL" not in (decided.to_council_html() or "")
