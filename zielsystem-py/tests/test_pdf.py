"""TertialReport.to_pdf: the papers as PDF bytes (the content is checked in zielsystem-pdf's tests)."""

from __future__ import annotations

import datetime as dt
from typing import List

import pytest

import zielsystem as zs


@pytest.fixture(scope="module")
def report(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> zs.TertialReport:
    # The T1 sheets without the superseded draft of A01: a clean draft.
    t1 = [s for s in sheets if str(s.tertial) == "2022-T1" and s.submitted_on != dt.date(2022, 5, 2)]
    return zs.consolidate(system, t1, "2022-T1", dt.date(2022, 6, 15))


def test_draft_gives_the_bezirksamt_paper(report: zs.TertialReport) -> None:
    pdf = report.to_pdf()
    assert pdf.startswith(b"%PDF-")
    assert pdf == report.to_pdf("decision"), "the current paper of a draft is the Bezirksamt's"
    assert pdf == report.to_pdf(), "the same report gives the same bytes"
    # PDF/A-2a and PDF/UA-1 as the XMP metadata declares them.
    assert b"<pdfaid:part>2</pdfaid:part>" in pdf
    assert b"<pdfuaid:part>1</pdfuaid:part>" in pdf
    assert report.to_pdf(example=True) != pdf


def test_council_paper_once_decided(system: zs.TargetSystem, report: zs.TertialReport) -> None:
    with pytest.raises(ValueError, match="keine Vorlage zur Kenntnisnahme"):
        report.to_pdf("council_information")
    with pytest.raises(ValueError, match="unknown paper kind"):
        report.to_pdf("minutes")  # type: ignore[arg-type]
    decided = report.decide(system, dt.date(2022, 6, 21), "118/VI")
    council = decided.to_pdf("council_information")
    assert decided.to_pdf() == council
    assert decided.to_pdf("decision") != council
