"""Shared fixtures: the repository root, the small fixture district and its sheets."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

import zielsystem as zs

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
REPO_ROOT = TESTS.parents[1]


@pytest.fixture(scope="session")
def system_path() -> Path:
    return FIXTURES / "target-system.json"


@pytest.fixture(scope="session")
def system(system_path: Path) -> zs.TargetSystem:
    return zs.TargetSystem.from_file(system_path)


@pytest.fixture(scope="session")
def sheet_paths() -> List[Path]:
    """Every fixture sheet, by tertial and name (the T1 draft of A01 is superseded)."""
    return sorted(FIXTURES.glob("sheets/*/*.json"))


@pytest.fixture(scope="session")
def sheets(sheet_paths: List[Path]) -> List[zs.ReportSheet]:
    return [zs.ReportSheet.from_file(path) for path in sheet_paths]
