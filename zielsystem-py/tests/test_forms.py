"""The Berichtsblatt as an office form through the Python API: every example sheet survives its
form; an empty form filled the way a person would (openpyxl, then LibreOffice's ODS where it is
installed) reads back as the sheet the person meant; every badly filled form of ``tests/forms/``
yields its findings at its cells."""

from __future__ import annotations

import datetime
import io
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import openpyxl  # type: ignore[import-untyped]
import pytest

import zielsystem as zs

from conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "mitte-2022"
CORPUS = REPO_ROOT / "tests" / "forms"


@pytest.fixture(scope="module")
def mitte() -> zs.TargetSystem:
    return zs.TargetSystem.from_file(EXAMPLE / "target-system.json")


@pytest.fixture(scope="module")
def example_sheets() -> List[zs.ReportSheet]:
    return [zs.ReportSheet.from_file(p) for p in sorted(EXAMPLE.glob("sheets/*/*.json"))]


def test_every_example_sheet_comes_back_from_its_form(
    mitte: zs.TargetSystem, example_sheets: List[zs.ReportSheet]
) -> None:
    assert len(example_sheets) >= 50
    for sheet in example_sheets:
        form = mitte.write_form(sheet.tertial, answers=[sheet], previous=example_sheets)
        back, result = zs.read_form(form, mitte, tertial=sheet.tertial)
        assert result.valid, (sheet.goal, sheet.tertial, result.findings)
        assert back == sheet


INTENDED: Dict[str, Any] = {
    "schema_version": "1",
    "authority": "Bezirksamt Mitte von Berlin",
    "goal": "A01",
    "tertial": "2022-T2",
    "reporting_member": "m-bzbm",
    "submitted_on": "2022-09-14",
    "contributions": [
        {"text": "Klimacheck für alle Vorlagen eingeführt.", "org_unit": "stab-klima"},
        {"text": "=Ökostrom in zwei Dienstgebäuden"},
    ],
    "indicator_values": [{"indicator": "A01-1", "value": 87.5, "as_of": "2022-08-31"}],
    "risks": [
        {"description": "Stabsstelle im Herbst halb besetzt.", "likelihood": "medium", "impact": "low"}
    ],
    "forecast": "on_track",
    "rationale": "Die Maßnahmen liegen im Plan.",
    "countermeasures": [],
}


def _row(sheet: Any, label: str) -> int:
    """The row whose column A reads ``label``, as a person finds a field by its label."""
    for row in range(1, sheet.max_row + 1):
        if sheet.cell(row, 1).value == label:
            return row
    raise AssertionError(f"no row labelled {label!r}")


def _fill_like_a_person(form: bytes) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(form))
    sheet = book["Berichtsblatt"]
    sheet.cell(_row(sheet, "Eingereicht am"), 2).value = datetime.date(2022, 9, 14)
    first = _row(sheet, "1. Zielerreichungsbeiträge im Berichtszeitraum") + 2
    sheet.cell(first, 2).value = "Klimacheck für alle Vorlagen eingeführt."
    sheet.cell(first, 3).value = "Stabsstelle Klimaschutz und Nachhaltigkeit"
    text = sheet.cell(first + 1, 2)
    text.value = "=Ökostrom in zwei Dienstgebäuden"
    text.data_type = "s"  # typed as text, as a cell formatted as text keeps it
    indicator = _row(sheet, "A01-1")
    sheet.cell(indicator, 3).value = 87.5
    sheet.cell(indicator, 4).value = datetime.date(2022, 8, 31)
    risk = _row(sheet, "3. Risiken") + 2
    sheet.cell(risk, 2).value = "Stabsstelle im Herbst halb besetzt."
    sheet.cell(risk, 3).value = "mittel"
    sheet.cell(risk, 4).value = "gering"
    sheet.cell(_row(sheet, "Risikoorientierte Einschätzung"), 2).value = "Zielerreichung nicht gefährdet"
    sheet.cell(_row(sheet, "Begründung"), 2).value = "Die Maßnahmen liegen im Plan."
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_empty_form_filled_by_a_person_reads_back_as_meant(mitte: zs.TargetSystem) -> None:
    empty = mitte.write_form("2022-T2", goal="A01")
    sheet, result = zs.read_form(empty, mitte)
    assert sheet is None
    assert {f.code for f in result.findings} == {"FORM_REQUIRED"}
    filled = _fill_like_a_person(empty)
    sheet, result = zs.read_form(filled, mitte, tertial="2022-T2")
    assert result.valid, result.findings
    assert result.findings == []
    assert sheet == zs.ReportSheet.from_dict(INTENDED)


def _soffice() -> Optional[str]:
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_the_same_through_an_ods_copy(mitte: zs.TargetSystem, tmp_path: Path) -> None:
    office = _soffice()
    if office is None:
        pytest.skip("LibreOffice (soffice/libreoffice) is not installed: no ODS copy can be made")
    filled = tmp_path / "A01.xlsx"
    filled.write_bytes(_fill_like_a_person(mitte.write_form("2022-T2", goal="A01")))
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    try:
        subprocess.run(
            [office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "ods",
             "--outdir", str(tmp_path), str(filled)],
            check=True, capture_output=True, timeout=300,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    ods = tmp_path / "A01.ods"
    sheet, result = zs.read_form(ods, mitte, tertial="2022-T2")
    assert result.valid, result.findings
    assert sheet == zs.ReportSheet.from_dict(INTENDED)


def _cases() -> List[Path]:
    return sorted(p for p in CORPUS.iterdir() if (p / "expect.json").exists())


def test_the_corpus_has_at_least_fifteen_cases() -> None:
    assert len(_cases()) >= 15


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_a_badly_filled_form(case: Path) -> None:
    expect: Dict[str, Any] = json.loads((case / "expect.json").read_text("utf-8"))
    system = zs.TargetSystem.from_file(case / expect["system"])
    forms = zs.read_forms(case / expect["form"], system, tertial=expect["tertial"])
    assert len(forms) == 1
    _, sheet, result = forms[0]
    found: List[Tuple[str, Optional[str]]] = [(f.code, f.cell) for f in result.findings]
    assert result.valid == expect["valid"], found
    for wanted in expect["findings"]:
        assert (wanted["code"], wanted["cell"]) in found, found
    for absent in expect["absent"]:
        assert absent not in [code for code, _ in found], found
    if expect["sheet"]:
        assert sheet is not None
        data = sheet.to_dict()
        for key, value in expect["sheet"].items():
            actual = data[key]  # type: ignore[literal-required]
            if isinstance(actual, list):
                assert len(actual) == value
            else:
                assert actual == value


def test_findings_outside_forms_have_no_cell(mitte: zs.TargetSystem) -> None:
    result = zs.validate_sheet({"schema_version": "1"}, mitte)
    assert all(f.cell is None for f in result.findings)


def test_write_form_refuses_what_it_cannot_write(mitte: zs.TargetSystem) -> None:
    with pytest.raises(ValueError):
        mitte.write_form("2022-T2", goal="Z99")
    with pytest.raises(ValueError):
        mitte.write_form("2022-T2", goal="A01", member="m-bzbm")
    with pytest.raises(ValueError):
        mitte.write_form("2022-T2")
    book = mitte.write_form("2022-T2", member="m-bzbm")
    names = [name for name, _, _ in zs.read_forms(book, mitte)]
    assert names and all(name.startswith(("A", "V")) for name in names)
