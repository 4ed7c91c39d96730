"""The shared conformance cases of ``tests/cases/`` (layout in ``tests/README.md``) through the
Python API, with the same expectations as the Rust runner: ``valid``, every code of ``codes``
reported, every code of ``absent`` not reported. ``expect.json`` is read strictly: an unknown key or a
case folder without one fails collection."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

import zielsystem as zs

from conftest import REPO_ROOT

CASES = REPO_ROOT / "tests" / "cases"
KINDS = ("system", "sheet", "report", "paper", "review")
"""The case folders this runner covers: every kind of ``tests/cases/``."""
COMMON_KEYS = {"description", "document", "valid", "codes", "absent", "schema_valid"}
KEYS = {
    "system": COMMON_KEYS | {"previous_system"},
    "sheet": COMMON_KEYS | {"system", "history"},
    "report": COMMON_KEYS | {"system", "sheets", "previous", "tertial", "as_of", "decide"},
    "paper": COMMON_KEYS | {"system"},
    "review": COMMON_KEYS | {"system", "sheets"},
}
"""The keys ``expect.json`` may have per kind (tests/README.md); any other key is a typo that would
silently weaken the case, so it fails the run."""


@dataclass(frozen=True)
class Case:
    kind: str
    name: str
    folder: Path
    expect: Dict[str, Any]

    def read(self, relative: str) -> bytes:
        return (self.folder / relative).read_bytes()

    @property
    def decodes(self) -> bool:
        """Whether the document is of its type: no schema-level code (``JSON_…``, ``SCHEMA_…``) is
        expected. (``schema_valid`` is about the JSON Schema alone, which cannot see a duplicate
        key, so it is not the criterion here.)"""
        return not any(code.startswith(("JSON_", "SCHEMA_")) for code in self.expect["codes"])


def collect() -> List[Case]:
    cases = []
    for kind in KINDS:
        for folder in sorted(p for p in (CASES / kind).iterdir() if p.is_dir()):
            expect_path = folder / "expect.json"
            # A folder without expect.json is a case nobody runs: refuse it rather than skip it.
            if not expect_path.is_file():
                raise AssertionError(f"{folder}: case folder without expect.json")
            expect = json.loads(expect_path.read_text(encoding="utf-8"))
            unknown = set(expect) - KEYS[kind]
            if unknown:
                raise AssertionError(f"{expect_path}: unknown keys {sorted(unknown)}")
            cases.append(Case(kind, folder.name, folder, expect))
    return cases


ALL = collect()


def test_cases_exist() -> None:
    for kind in KINDS:
        assert any(case.kind == kind for case in ALL), f"no {kind} case under {CASES}"
    assert {p.name for p in CASES.iterdir() if p.is_dir()} <= set(KINDS)


def consolidated(case: Case) -> zs.TertialReport:
    """The draft report a consolidation case describes (``system``, ``sheets``, ``previous``,
    ``tertial``, ``as_of``; tests/README.md)."""
    expect = case.expect
    system = zs.TargetSystem.from_json(case.read(expect["system"]))
    sheets = [zs.ReportSheet.from_json(case.read(p)) for p in expect["sheets"]]
    previous = [zs.ReportSheet.from_json(case.read(p)) for p in expect.get("previous", [])]
    as_of = dt.date.fromisoformat(expect["as_of"])
    return zs.consolidate(system, sheets, expect["tertial"], as_of, previous=previous)


def validate(case: Case) -> zs.ValidationResult:
    if case.kind == "report":
        if "document" in case.expect:
            return zs.validate_report(case.read(case.expect["document"]))
        report = consolidated(case)
        # Re-checking the consolidated report yields exactly the findings it carries.
        assert report.validate().findings == report.findings
        step = case.expect.get("decide")
        if step is None:
            return zs.validate_report(report.to_json())
        # The case goes on to the Bezirksamt's decision: the decided report, or the refusal.
        system = zs.TargetSystem.from_json(case.read(case.expect["system"]))
        try:
            decided = report.decide(
                system,
                dt.date.fromisoformat(step["decided_on"]),
                step["number"],
                not_adopted=step.get("not_adopted", []),
            )
        except zs.LifecycleError as refused:
            return refused.result
        return zs.validate_report(decided.to_json())
    document = case.read(case.expect["document"])
    if case.kind == "paper":
        paper_system = case.expect.get("system")
        numbering_of = zs.TargetSystem.from_json(case.read(paper_system)) if paper_system else None
        return zs.validate_paper(document, numbering_of)
    if case.kind == "review":
        system_path = case.expect.get("system")
        log_system = zs.TargetSystem.from_json(case.read(system_path)) if system_path else None
        sheets = [zs.ReportSheet.from_json(case.read(path)) for path in case.expect["sheets"]]
        return zs.validate_review_log(document, log_system, sheets)
    if case.kind == "system":
        previous: Optional[zs.TargetSystem] = None
        if case.expect.get("previous_system"):
            previous = zs.TargetSystem.from_json(case.read(case.expect["previous_system"]))
        return zs.validate_system(document, previous=previous)
    system = zs.TargetSystem.from_json(case.read(case.expect["system"]))
    history = [zs.ReportSheet.from_json(case.read(path)) for path in case.expect.get("history", [])]
    return zs.validate_sheet(document, system, history=history)


@pytest.mark.parametrize("case", ALL, ids=[f"{c.kind}/{c.name}" for c in ALL])
def test_case(case: Case) -> None:
    result = validate(case)
    described = "\n".join(f"  {f.code} {f.severity} {f.path or '(document)'}: {f.message}" for f in result.findings)
    assert result.valid is case.expect["valid"], f"{case.expect['description']}\n{described}"
    codes = set(result.codes)
    missing = [code for code in case.expect["codes"] if code not in codes]
    assert not missing, f"expected {missing} not reported:\n{described}"
    present = [code for code in case.expect["absent"] if code in codes]
    assert not present, f"reported {present}, which must be absent:\n{described}"


@pytest.mark.parametrize("case", ALL, ids=[f"{c.kind}/{c.name}" for c in ALL])
def test_typed_constructor_agrees_with_schema_level(case: Case) -> None:
    """The typed constructor accepts a document exactly when validation finds nothing wrong with its
    shape; otherwise its ParseError carries the schema-level codes validation reports."""
    if "document" not in case.expect:
        report = consolidated(case)
        assert zs.TertialReport.from_json(report.to_json()) == report
        return
    document = case.read(case.expect["document"])
    cls: Any = {
        "system": zs.TargetSystem,
        "sheet": zs.ReportSheet,
        "report": zs.TertialReport,
        "paper": zs.Paper,
        "review": zs.ReviewLog,
    }[case.kind]
    if case.decodes:
        typed = cls.from_json(document)
        assert cls.from_json(typed.to_json()) == typed
        # A stored report or paper checks the same as a typed object as from its bytes.
        check: Any = {
            "report": zs.validate_report,
            "paper": zs.validate_paper,
            "review": zs.validate_review_log,
        }.get(case.kind)
        if check is not None:
            assert check(typed) == check(document)
    else:
        with pytest.raises(zs.ParseError) as caught:
            cls.from_json(document)
        codes = {f.code for f in caught.value.findings}
        assert {c for c in case.expect["codes"] if c.startswith(("JSON_", "SCHEMA_"))} <= codes
