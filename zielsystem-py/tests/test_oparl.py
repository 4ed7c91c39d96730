"""The OParl hand-over through the Python API: TertialReport.to_oparl gives the council's paper of
a decided report as an oparl:Paper whose sizes and checksums are those of the bytes handed in (the
council paper's PDF as main file), valid against the OParl 1.1 schemas (tests/oparl/schema)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from functools import lru_cache
from typing import Any, Dict, List

import jsonschema
import pytest

import zielsystem as zs

from conftest import REPO_ROOT

OPARL_SCHEMAS = REPO_ROOT / "tests" / "oparl" / "schema"

URLS = {
    "base_url": "https://ris.example.org/uebergabe/2022-T1",
    "body_url": "https://ris.example.org/oparl/body/mitte",
    "originator_url": "https://ris.example.org/oparl/organization/bezirksamt",
    "council_url": "https://ris.example.org/oparl/organization/bvv",
}
WRITTEN_AT = dt.datetime(2022, 6, 22, 8, 0, 0)


@pytest.fixture(scope="module")
def decided(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> zs.TertialReport:
    t1 = [s for s in sheets if str(s.tertial) == "2022-T1" and s.submitted_on != dt.date(2022, 5, 2)]
    draft = zs.consolidate(system, t1, "2022-T1", dt.date(2022, 6, 15))
    return draft.decide(system, dt.date(2022, 6, 21), "118/VI")


@lru_cache(maxsize=None)
def oparl_schema(name: str) -> Dict[str, Any]:
    schema: Dict[str, Any] = json.loads((OPARL_SCHEMAS / name).read_text(encoding="utf-8"))
    return schema


def oparl_valid(document: Dict[str, Any], name: str = "Paper.json") -> None:
    """Validates against the OParl schema `name`. OParl names the schema of an embedded object
    with its own keyword ``"schema"`` and URLs with ``"format": "url"``, which JSON Schema does not
    know: embedded files and consultations are validated against their own schema, URLs here."""
    schema = oparl_schema(name)
    jsonschema.Draft202012Validator(schema).validate(document)
    for key, spec in schema["properties"].items():
        if key not in document:
            continue
        value = document[key]
        inner = spec.get("items", spec).get("schema")
        if inner in ("File.json", "Consultation.json"):
            for item in value if isinstance(value, list) else [value]:
                oparl_valid(item, inner)
        if spec.get("format") == "url" or spec.get("items", {}).get("format") == "url":
            for url in value if isinstance(value, list) else [value]:
                assert re.match(r"^https?://[^\s/]+", url), f"{key}: {url}"


@lru_cache(maxsize=None)
def main_pdf(report: zs.TertialReport) -> bytes:
    # Typesetting takes a moment; reports are immutable and hashable.
    return report.to_pdf("council_information")


def paper(report: zs.TertialReport, **overrides: Any) -> Dict[str, Any]:
    main = main_pdf(report)
    arguments: Dict[str, Any] = dict(URLS)
    arguments.update(
        main_file=("vorlage-bvv-2022-T1.pdf", "Vorlage zur Kenntnisnahme", "application/pdf", main),
        auxiliary_files=[
            ("bericht-2022-T1.json", "Tertialbericht (JSON)", "application/json", report.to_json().encode()),
            ("ampel-2022-T1.svg", "Ampelübersicht (SVG)", "image/svg+xml", report.to_svg().encode()),
        ],
        written_at=WRITTEN_AT,
    )
    arguments.update(overrides)
    return report.to_oparl(**arguments)


def test_decided_report_as_oparl_paper(decided: zs.TertialReport) -> None:
    result = paper(decided)
    assert result["type"] == "https://schema.oparl.org/1.1/Paper"
    assert result["id"] == "https://ris.example.org/uebergabe/2022-T1/paper.json"
    assert result["paperType"] == "Vorlage zur Kenntnisnahme"
    assert result["date"] == "2022-06-21"
    assert result["created"] == "2022-06-22T08:00:00Z"
    assert "reference" not in result
    oparl_valid(result)
    main = main_pdf(decided)
    assert main.startswith(b"%PDF-")
    assert result["mainFile"]["mimeType"] == "application/pdf"
    assert result["mainFile"]["size"] == len(main)
    assert result["mainFile"]["sha1Checksum"] == hashlib.sha1(main).hexdigest()
    assert result["mainFile"]["sha512Checksum"] == hashlib.sha512(main).hexdigest()
    assert result["auxiliaryFile"][1]["accessUrl"].endswith("/ampel-2022-T1.svg")
    (consultation,) = result["consultation"]
    assert consultation["role"] == "Kenntnisnahme"
    assert consultation["authoritative"] is False
    assert consultation["organization"] == [URLS["council_url"]]


@pytest.mark.parametrize(
    "outcome, authoritative",
    [("noted", True), ("noted_with_final_report", True), ("referred", False), ("postponed", False)],
)
def test_the_councils_outcome(
    decided: zs.TertialReport, outcome: zs.CouncilOutcome, authoritative: bool
) -> None:
    noted = decided.note(dt.date(2022, 7, 7), "0412/VI", outcome)
    result = paper(noted, meeting_url="https://ris.example.org/oparl/meeting/7")
    oparl_valid(result)
    assert result["reference"] == "0412/VI"
    (consultation,) = result["consultation"]
    assert consultation["authoritative"] is authoritative
    assert consultation["meeting"] == "https://ris.example.org/oparl/meeting/7"
    assert consultation["keyword"] == [{
        "noted": "zur Kenntnis genommen",
        "noted_with_final_report": "mit Abschlussbericht zur Kenntnis genommen",
        "referred": "an einen Ausschuss überwiesen",
        "postponed": "vertagt",
    }[outcome]]


def test_missing_urls_and_drafts_are_refused(
    decided: zs.TertialReport, system: zs.TargetSystem, sheets: List[zs.ReportSheet]
) -> None:
    with pytest.raises(ValueError, match="council_url"):
        paper(decided, council_url=None)
    with pytest.raises(ValueError, match="http"):
        paper(decided, body_url="ris.example.org/body")
    # A draft has no council paper (so no PDF of one either): to_oparl refuses it as such.
    draft = zs.consolidate(system, sheets[:1], "2022-T1", dt.date(2022, 6, 15))
    with pytest.raises(ValueError, match="Entwurf"):
        draft.to_oparl(
            main_file=("vorlage.pdf", "Vorlage", "application/pdf", b"%PDF-1.7"),
            written_at=WRITTEN_AT,
            base_url=URLS["base_url"],
            body_url=URLS["body_url"],
            originator_url=URLS["originator_url"],
            council_url=URLS["council_url"],
        )
