"""The malformed-input corpus of ``tests/malformed/`` (layout in its README) through the Python API:
every document is answered with the findings its manifest names, never an exception other than a
clear ``ValueError`` for a tertial that is not one, and within a time bound. Big documents are made
at test time from the manifest's recipes, as in the Rust and CLI runners. Dates have no string
entry point in Python; they run through Rust and the CLI."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List

import pytest

import zielsystem as zs

from conftest import REPO_ROOT

MALFORMED = REPO_ROOT / "tests" / "malformed"
SYSTEM = REPO_ROOT / "tests" / "fixtures" / "rules-system-2022.json"
TIME_BOUND = 60.0
"""Seconds per case: generous for a debug build on a loaded CI machine (it catches a quadratic
blow-up, not a slow machine)."""
FINDINGS_MAX = 10_000


def _manifest() -> List[Dict[str, Any]]:
    cases: List[Dict[str, Any]] = json.loads((MALFORMED / "manifest.json").read_text("utf-8"))[
        "cases"
    ]
    return cases


def expand(recipe: Dict[str, Any]) -> bytes:
    """The bytes a recipe describes (the same rules as ``tests/malformed/generate.rs``)."""
    out: List[str] = []
    for part in recipe["parts"]:
        if isinstance(part, str):
            out.append(part)
        elif part.get("numbered"):
            out.extend(part["repeat"].replace("{i}", str(i)) for i in range(part["count"]))
        else:
            out.append(part["repeat"] * part["count"])
    return "".join(out).encode("utf-8")


def _bytes(case: Dict[str, Any]) -> bytes:
    if "file" in case:
        file: str = case["file"]
        return (MALFORMED / file).read_bytes()
    return expand(case["generate"])


DOCUMENTS = [c for c in _manifest() if c["kind"] in ("system", "sheet", "report", "paper", "review")]
TERTIALS = [c for c in _manifest() if c["kind"] == "tertial"]
OPARL_CONFIGS = [c for c in _manifest() if c["kind"] == "oparl_config"]


@pytest.fixture(scope="module")
def system() -> zs.TargetSystem:
    return zs.TargetSystem.from_file(SYSTEM)


def _validate(kind: str, data: bytes, system: zs.TargetSystem) -> zs.ValidationResult:
    if kind == "system":
        return zs.validate_system(data)
    if kind == "sheet":
        return zs.validate_sheet(data, system)
    if kind == "report":
        return zs.validate_report(data)
    if kind == "review":
        return zs.validate_review_log(data)
    return zs.validate_paper(data)


@pytest.mark.parametrize("case", DOCUMENTS, ids=[c["name"] for c in DOCUMENTS])
def test_every_document_is_answered_with_its_findings(
    case: Dict[str, Any], system: zs.TargetSystem
) -> None:
    data = _bytes(case)
    started = time.monotonic()
    result = _validate(case["kind"], data, system)
    elapsed = time.monotonic() - started
    del data
    assert elapsed < TIME_BOUND, f"{case['name']} took {elapsed:.1f} s"
    expect = case["expect"]
    assert result.valid == expect["valid"], result.to_json(indent=2)[:2000]
    assert result.valid == (not result.errors)
    for code in expect["codes"]:
        assert result.has(code), f"{code} expected, found {sorted(set(result.codes))}"
    assert len(result.findings) <= FINDINGS_MAX + 1
    for finding in result.findings[:50]:
        assert finding.message.strip() and finding.message_en.strip()
    # The result round-trips through its JSON contract.
    assert zs.ValidationResult.from_json(result.to_json()) == result


@pytest.mark.parametrize("case", TERTIALS, ids=[c["name"] for c in TERTIALS])
def test_every_tertial_string_parses_or_raises_value_error(case: Dict[str, Any]) -> None:
    text: str = case["text"]
    if case["expect"] == "ok":
        assert zs.Tertial(text).code == text
    else:
        with pytest.raises(ValueError):
            zs.Tertial(text)


def test_the_corpus_is_all_here() -> None:
    names = {c["name"] for c in _manifest()}
    assert len(names) == len(_manifest()) >= 100
    listed = {c["file"] for c in _manifest() if "file" in c}
    on_disk = {
        p.name
        for p in Path(MALFORMED).iterdir()
        if p.name not in ("manifest.json", "README.md", "generate.rs")
    }
    assert listed == on_disk


def test_a_dict_nested_10000_deep_is_refused_not_a_crash() -> None:
    # In a child process: before the binding measured the nesting this was a stack overflow, which
    # would have ended the test run itself.
    script = (
        "import zielsystem as zs\n"
        "d = {}\n"
        "for _ in range(10_000):\n"
        "    d = {'a': d}\n"
        "try:\n"
        "    zs.validate_system(d)\n"
        "except zs.ParseError as error:\n"
        "    print([f.code for f in error.findings])\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert child.returncode == 0, f"exit {child.returncode}: {child.stderr[-500:]}"
    assert "SCHEMA_LIMIT" in child.stdout


@pytest.mark.parametrize("case", OPARL_CONFIGS, ids=[c["name"] for c in OPARL_CONFIGS])
def test_oparl_configuration(case: Dict[str, Any]) -> None:
    """An OParl configuration: a malformed one is a clear ValueError, a readable one is never
    called unreadable (the URLs it lacks are named instead)."""
    report = zs.TertialReport.from_file(
        REPO_ROOT / "tests/cases/report/tr04-near-miss-council-note-without-number/report.json"
    )
    arguments: Dict[str, Any] = {
        "main_file": ("vorlage.html", "Vorlage", "text/html", b"<p>Vorlage</p>"),
        "written_at": datetime.datetime(2022, 7, 15, 8, 0),
        "config": _bytes(case),
    }
    if case["expect"] == "ok":
        try:
            report.to_oparl(**arguments)
        except ValueError as error:
            assert "unlesbar" not in str(error)
    else:
        with pytest.raises(ValueError, match="OParl-Konfiguration ist unlesbar"):
            report.to_oparl(**arguments)
