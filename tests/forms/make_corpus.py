"""Generates the corpus of badly filled forms: one folder per case with ``form.xlsx`` (or another
file) and ``expect.json``, each made from a recipe applied to a form written by ``zielsystem form``.

Run from the repository root after a change of the form's layout::

    cargo build -p zielsystem-cli
    python tests/forms/make_corpus.py target/debug/zielsystem

Needs ``openpyxl``. The recipes change a form the way a person (or a careless program) would; the
expectations name the codes and cells the import must report.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Callable, Optional

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "tests" / "forms"
SYSTEM = "examples/mitte-2022/target-system.json"
SHEET = "Berichtsblatt"


def base_form(binary: str, tertial: str, sheet: str) -> bytes:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [binary, "form", "--system", SYSTEM, "--tertial", tertial, "--from", sheet, "-o", out],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        return next(Path(out).glob("*.xlsx")).read_bytes()


def edited(base: bytes, recipe: Callable[[Worksheet], None]) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(base))
    recipe(book[SHEET])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def put(**cells: Any) -> Callable[[Worksheet], None]:
    def recipe(sheet: Worksheet) -> None:
        for cell, value in cells.items():
            sheet[cell] = value

    return recipe


def forecast_in_t3(sheet: Worksheet) -> None:
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Risikoorientierte Einschätzung")
    sheet.cell(row, 2).value = "Zielerreichung gefährdet"
    sheet.cell(row, 2).comment = None


def as_text(cell: str, value: str) -> Callable[[Worksheet], None]:
    """A text that begins with "=" stays a text (openpyxl would otherwise write a formula)."""

    def recipe(sheet: Worksheet) -> None:
        sheet[cell] = value
        sheet[cell].data_type = "s"

    return recipe


def serial_date(sheet: Worksheet) -> None:
    sheet["D27"] = 44804  # 31.08.2022 as a bare spreadsheet serial
    sheet["D27"].number_format = "General"


def delete_submission_row(sheet: Worksheet) -> None:
    sheet.delete_rows(15)


def insert_contribution(sheet: Worksheet) -> None:
    sheet.insert_rows(22)
    sheet["B22"] = "Energiebericht 2021 veröffentlicht."
    sheet["C22"] = "Steuerungsdienst"


def risk_without_levels(sheet: Worksheet) -> None:
    sheet["B32"] = "Lieferengpässe bei Dämmstoffen."


def at_risk_without_risks(sheet: Worksheet) -> None:
    sheet["B37"] = "Zielerreichung gefährdet"
    for cell in ("B31", "C31", "D31"):
        sheet[cell] = None


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (4 * 1024 * 1024))
    return buffer.getvalue()


def not_a_form() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tabelle1"
    sheet["A1"] = "Ziel A01: Klimaschutz – alles im Plan"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def cell(name: str, code: str) -> dict[str, Optional[str]]:
    return {"code": code, "cell": f"{SHEET}!{name}" if name else None}


def main() -> None:
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target" / "debug" / "zielsystem")
    t2 = base_form(binary, "2022-T2", "examples/mitte-2022/sheets/2022-T2/A01.json")
    t3 = base_form(binary, "2022-T3", "examples/mitte-2022/sheets/2022-T3/A02.json")
    cases: list[tuple[str, str, bytes, str, dict[str, Any]]] = [
        ("not-a-spreadsheet", "A text file named .xlsx.", "Berichtsblatt A01\nalles gut\n".encode(), "form.xlsx",
         {"valid": False, "findings": [cell("", "FORM_FILE")]}),
        ("old-excel-format", "An old binary Excel file (.xls).", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024), "form.xls",
         {"valid": False, "findings": [cell("", "FORM_FILE")]}),
        ("zip-bomb", "A zip whose worksheet unpacks 1000-fold: refused before unpacking.", zip_bomb(), "form.xlsx",
         {"valid": False, "findings": [cell("", "FORM_FILE")]}),
        ("not-a-form", "A spreadsheet that is no form of this library.", not_a_form(), "form.xlsx",
         {"valid": False, "findings": [{"code": "FORM_TEMPLATE", "cell": "Tabelle1!K1"}]}),
        ("older-template", "A form of another template version: the version is named.", edited(t2, put(L2="0")), "form.xlsx",
         {"valid": False, "findings": [cell("L2", "FORM_TEMPLATE")]}),
        ("other-system", "A form of another district's target system.",
         edited(t2, put(L3="Bezirksamt Pankow von Berlin", B5="Bezirksamt Pankow von Berlin")), "form.xlsx",
         {"valid": False, "findings": [cell("L3", "FORM_FOREIGN")]}),
        ("other-year", "A form of the previous year's target system.", edited(t2, put(L4="2021", B6="2021")), "form.xlsx",
         {"valid": False, "findings": [cell("L3", "FORM_FOREIGN")]}),
        ("other-goal", "A form of a goal that is not in the target system.", edited(t2, put(L5="Z99", B10="Z99")), "form.xlsx",
         {"valid": False, "findings": [cell("L5", "FORM_FOREIGN")]}),
        ("other-tertial", "A form of tertial II handed in while tertial III is collected.", t2, "form.xlsx",
         {"tertial": "2022-T3", "valid": False, "findings": [cell("L6", "FORM_FOREIGN")]}),
        ("protected-cell-changed", "The pre-filled goal title was overwritten.",
         edited(t2, put(B11="Klimaschutz irgendwann")), "form.xlsx",
         {"valid": False, "findings": [cell("B11", "FORM_PROTECTED")], "absent": ["FORM_REQUIRED"]}),
        ("mandatory-empty", "Submission day and rationale left empty.", edited(t2, put(B15=None, B38=None)), "form.xlsx",
         {"valid": False, "findings": [cell("B15", "FORM_REQUIRED"), cell("B38", "FORM_REQUIRED")]}),
        ("label-typed-wrong", "A light typed instead of a forecast; a JSON value and another case are accepted.",
         edited(t2, put(B37="grün", C31="high", D31="Mittel")), "form.xlsx",
         {"valid": False, "findings": [cell("B37", "FORM_CHOICE")], "absent": ["FORM_VALUE"]}),
        ("date-as-text-and-serial", "The submission day typed as text, a date as a bare serial: taken, with a warning.",
         edited(edited(t2, put(B15="13.09.2022")), serial_date), "form.xlsx",
         {"valid": True, "findings": [cell("B15", "FORM_CONVERTED"), cell("D27", "FORM_CONVERTED")],
          "sheet": {"submitted_on": "2022-09-13"}}),
        ("date-unreadable", "A submission day that is no date.", edited(t2, put(B15="Mitte September")), "form.xlsx",
         {"valid": False, "findings": [cell("B15", "FORM_VALUE")]}),
        ("deputy-signs", "A deputy signs in representation (in Vertretung): taken as signed_by.",
         edited(t2, put(B16="m-stadt")), "form.xlsx",
         {"valid": True, "findings": [], "absent": ["RS15", "FORM_CHOICE"], "sheet": {"signed_by": "m-stadt"}}),
        ("deputy-unknown", "A deputy typed by name instead of chosen from the list: refused, the allowed values named.",
         edited(t2, put(B16="Frau Müller")), "form.xlsx",
         {"valid": False, "findings": [cell("B16", "FORM_CHOICE")]}),
        ("decimal-comma", "A value typed with a decimal comma: taken, with a warning.", edited(t2, put(C27="88,5")), "form.xlsx",
         {"valid": True, "findings": [cell("C27", "FORM_CONVERTED")], "sheet": {"indicator_values": 1}}),
        ("number-unreadable", "An indicator value that is no number.", edited(t2, put(C27="fast 90")), "form.xlsx",
         {"valid": False, "findings": [cell("C27", "FORM_VALUE")]}),
        ("stray-text", "Text beside the fields and below the form would be lost: reported.",
         edited(t2, put(G20="Nachtrag: siehe Anlage", A50="Notiz unter dem Formular")), "form.xlsx",
         {"valid": False, "findings": [cell("G20", "FORM_STRAY"), cell("A50", "FORM_STRAY")]}),
        ("row-deleted", "The row of the submission day was deleted.", edited(t2, delete_submission_row), "form.xlsx",
         {"valid": False, "findings": [cell("A15", "FORM_TEMPLATE")]}),
        ("row-inserted", "A row inserted for a third contribution is read like the others.",
         edited(t2, insert_contribution), "form.xlsx",
         {"valid": True, "findings": [], "absent": ["FORM_STRAY", "FORM_TEMPLATE"], "sheet": {"contributions": 3}}),
        ("value-outside-list", "An org unit that is not in the list.", edited(t2, put(C20="Amt für Träume")), "form.xlsx",
         {"valid": False, "findings": [cell("C20", "FORM_CHOICE")]}),
        ("forecast-not-in-tertial", "A forecast of tertials I and II in tertial III (not in its list): rule RS06 at its cell.",
         edited(t3, forecast_in_t3), "form.xlsx",
         {"valid": False, "findings": [cell("B38", "RS06")]}),
        ("formula-in-date", "A formula where the submission day belongs: reported with its text.",
         edited(t2, put(B15="=DATE(2022,9,13)")), "form.xlsx",
         {"valid": False, "findings": [cell("B15", "FORM_FORMULA")]}),
        ("formula-in-text", "A formula in the rationale: its cached result is not taken over.",
         edited(t2, put(B38='="Plan"&" erfüllt"')), "form.xlsx",
         {"valid": False, "findings": [cell("B38", "FORM_FORMULA")]}),
        ("number-in-text-field", "A number in a text field reaches the sheet as text, with a warning.",
         edited(t2, put(B21=2022)), "form.xlsx",
         {"valid": True, "findings": [cell("B21", "FORM_CONVERTED")]}),
        ("incomplete-risk", "A risk without likelihood and impact would be lost: both are asked for.",
         edited(t2, risk_without_levels), "form.xlsx",
         {"valid": False, "findings": [cell("C32", "FORM_REQUIRED"), cell("D32", "FORM_REQUIRED")]}),
        ("rule-finding-located", "At risk without any risk: rule RS07, located at the risks section.",
         edited(t2, at_risk_without_risks), "form.xlsx",
         {"valid": False, "findings": [cell("A29", "RS07")]}),
        ("text-like-a-formula", "A text beginning with = stays text (near miss of FORM_FORMULA).",
         edited(t2, as_text("B38", "=Plan erfüllt, siehe Anlage")), "form.xlsx",
         {"valid": True, "findings": [], "absent": ["FORM_FORMULA"], "sheet": {"rationale": "=Plan erfüllt, siehe Anlage"}}),
    ]
    for old in HERE.iterdir():
        if old.is_dir():
            shutil.rmtree(old)
    for name, description, data, file_name, expect in cases:
        folder = HERE / name
        folder.mkdir()
        (folder / file_name).write_bytes(data)
        document = {
            "description": description,
            "form": file_name,
            "system": "../../../" + SYSTEM,
            "tertial": expect.get("tertial"),
            "valid": expect["valid"],
            "findings": expect["findings"],
            "absent": expect.get("absent", []),
            "sheet": expect.get("sheet", {}),
        }
        (folder / "expect.json").write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases written to {HERE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
