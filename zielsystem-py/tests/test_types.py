"""The TypedDicts of ``zielsystem._types`` are generated from ``schemas/`` (``scripts/gen-types``):
the committed file must be what the generator makes of the committed schemas, and the dicts the
package returns must have exactly the keys the shapes declare."""

from __future__ import annotations

import subprocess
import sys
from typing import Any, Mapping

import zielsystem as zs
from zielsystem import _types

from conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "mitte-2022"


def test_types_are_generated_from_the_schemas() -> None:
    child = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "gen-types"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert child.returncode == 0, child.stderr


def assert_shape(value: Mapping[str, Any], shape: Any) -> None:
    keys = set(value)
    required: frozenset[str] = shape.__required_keys__
    optional: frozenset[str] = shape.__optional_keys__
    assert required <= keys, f"{shape.__name__}: missing {sorted(required - keys)}"
    assert keys <= required | optional, f"{shape.__name__}: undeclared {sorted(keys - required - optional)}"


def test_the_documents_have_the_generated_shapes() -> None:
    system = zs.TargetSystem.from_file(EXAMPLE / "target-system.json")
    sheets = [zs.ReportSheet.from_file(p) for p in sorted(EXAMPLE.glob("sheets/2022-T1/*.json"))]
    report = zs.consolidate(system, sheets, "2022-T1", zs.Tertial("2022-T1").deadline)
    system_dict = system.to_dict()
    assert_shape(system_dict, _types.TargetSystemDict)
    for goal in system_dict["goals"]:
        assert_shape(goal, _types.GoalDict)
        assert_shape(goal["origin"], _types.OriginDict)
    for member in system_dict["members"]:
        assert_shape(member, _types.MemberDict)
        for term in member["terms"]:
            assert_shape(term, _types.TermDict)
    for sheet in sheets:
        assert_shape(sheet.to_dict(), _types.ReportSheetDict)
    report_dict = report.to_dict()
    assert_shape(report_dict, _types.TertialReportDict)
    for entry in report_dict["goals"]:
        assert_shape(entry, _types.ReportGoalDict)
    assert_shape(report_dict["context"], _types.ReportContextDict)
    assert_shape(report.to_paper().to_dict(), _types.PaperDict)
