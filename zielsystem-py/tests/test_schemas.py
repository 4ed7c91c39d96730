"""The committed JSON Schemas read by Python ``jsonschema`` (draft 2020-12, format checking on), as
an integrator would: every conformance case gets the verdict its ``expect.json`` states
(``schema_valid``), and ``TargetSystem.sheet_schema()`` gives the drop-down schema of one system.
The tertial report refers to definitions of the other schemas by their ``$id`` (URNs): a
``referencing.Registry`` of the committed files resolves them offline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Tuple

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable

import zielsystem as zs

from conftest import REPO_ROOT

SCHEMAS = REPO_ROOT / "schemas"
CASES = REPO_ROOT / "tests" / "cases"
EXAMPLE = REPO_ROOT / "examples" / "mitte-2022"
FILES = {
    "system": "target-system",
    "sheet": "report-sheet",
    "report": "tertial-report",
    "paper": "paper",
    "review": "review-log",
}


def load(path: Path) -> Dict[str, Any]:
    schema: Dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


# Every committed schema under its `$id`, so references between them resolve without a network.
REGISTRY: "Registry[Any]" = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema))
    for schema in map(load, sorted(SCHEMAS.glob("*.schema.json")))
)


def validator(schema: Dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema,
        registry=REGISTRY,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def published(kind: str) -> jsonschema.Draft202012Validator:
    return validator(load(SCHEMAS / f"{FILES[kind]}.schema.json"))


def cases() -> List[Tuple[str, Path]]:
    found = []
    for kind in FILES:
        for case in sorted((CASES / kind).iterdir()):
            expect = json.loads((case / "expect.json").read_text(encoding="utf-8"))
            if "document" in expect:
                found.append((kind, case))
    return found


@pytest.mark.parametrize(("kind", "case"), cases(), ids=lambda v: getattr(v, "name", v))
def test_python_jsonschema_gives_each_case_its_stated_verdict(kind: str, case: Path) -> None:
    expect = json.loads((case / "expect.json").read_text(encoding="utf-8"))
    codes: List[str] = expect.get("codes", [])
    stated = expect.get(
        "schema_valid", not any(code.startswith(("JSON_", "SCHEMA_")) for code in codes)
    )
    try:
        document = json.loads((case / expect["document"]).read_bytes())
    except ValueError:
        assert not stated  # not JSON (or not UTF-8): nothing a schema could accept
        return
    errors = [error.message for error in published(kind).iter_errors(document)]
    assert (not errors) == stated, errors


def test_the_sheet_schema_of_a_system_accepts_its_sheets_and_refuses_other_goals() -> None:
    system = zs.TargetSystem.from_file(EXAMPLE / "target-system.json")
    schema = system.sheet_schema()
    assert schema["properties"]["authority"]["const"] == system.authority
    titles = [branch["title"] for branch in schema["properties"]["goal"]["oneOf"]]
    assert "A03 – Sprachförderung ausweiten" in titles
    for_system = validator(schema)
    general = published("sheet")
    sheets = sorted(EXAMPLE.glob("sheets/*/*.json"))
    assert len(sheets) > 40
    for path in sheets:
        sheet = json.loads(path.read_text(encoding="utf-8"))
        assert not list(for_system.iter_errors(sheet)), path
        assert general.is_valid(sheet), path
    other = json.loads(sheets[0].read_text(encoding="utf-8"))
    other["goal"] = "Z99"
    assert general.is_valid(other)
    assert not for_system.is_valid(other)


def test_the_tertial_report_refers_to_the_sheet_and_system_schemas() -> None:
    report = load(SCHEMAS / "tertial-report.schema.json")
    text = json.dumps(report)
    for other in ("report-sheet", "target-system"):
        assert f"urn:zielsystem:schemas:v1:{other}.schema.json#/$defs/" in text
    assert "Risk" not in report["$defs"] and "Indicator" not in report["$defs"]
    document = json.loads((CASES / "report/tr04-near-miss-draft/report.json").read_text(encoding="utf-8"))
    assert published("report").is_valid(document)
    # A sheet's risk in the report is checked by the report-sheet schema's definition.
    broken = json.loads(json.dumps(document))
    sheet = next(sheet for sheet in broken["sheets"] if sheet["risks"])
    sheet["risks"][0]["likelihood"] = "sehr hoch"
    assert not published("report").is_valid(broken)
    # Without the other schemas the references do not resolve: nothing is fetched.
    alone = jsonschema.Draft202012Validator(report, registry=Registry())
    with pytest.raises(Unresolvable):
        alone.is_valid(document)
