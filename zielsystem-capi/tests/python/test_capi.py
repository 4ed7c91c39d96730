"""The C ABI through Python's ``ctypes``: the same calls as ``tests/c/test_capi.c`` and every shared
conformance case of ``tests/cases/`` (system, sheet, report by consolidation), so a program in any
language that loads ``libzielsystem_capi`` sees what the Rust and Python surfaces see.

The library is ``$ZIELSYSTEM_CAPI_LIB`` or, without it, the debug build in cargo's target directory
(``cargo build -p zielsystem-capi`` first; ``scripts/test`` does)."""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "mitte-2022"
CASES = ROOT / "tests" / "cases"


def library_path() -> Path:
    given = os.environ.get("ZIELSYSTEM_CAPI_LIB")
    if given:
        return Path(given)
    metadata = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    target = Path(json.loads(metadata.stdout)["target_directory"])
    name = {"darwin": "libzielsystem_capi.dylib", "win32": "zielsystem_capi.dll"}.get(
        sys.platform, "libzielsystem_capi.so"
    )
    return target / "debug" / name


class Capi:
    """The functions of ``zielsystem.h``, each returning the parsed JSON (the string is freed)."""

    def __init__(self, path: Path) -> None:
        lib = ctypes.CDLL(str(path))
        text, size = ctypes.c_char_p, ctypes.c_size_t
        # Results are taken as raw pointers (not c_char_p, which would copy and lose them) so they
        # can be handed back to zielsystem_string_free.
        signatures: Dict[str, List[Any]] = {
            "zielsystem_validate_system": [text, size, text, size],
            "zielsystem_validate_sheet": [text, size, text, size, text, size],
            "zielsystem_consolidate": [text, size, text, size, text, text],
            "zielsystem_consolidate_with_previous": [text, size, text, size, text, size, text, text],
        }
        for name, argtypes in signatures.items():
            function = getattr(lib, name)
            function.argtypes = argtypes
            function.restype = ctypes.c_void_p
        lib.zielsystem_string_free.argtypes = [ctypes.c_void_p]
        lib.zielsystem_string_free.restype = None
        lib.zielsystem_version.argtypes = []
        lib.zielsystem_version.restype = ctypes.c_char_p
        self.lib = lib

    def _take(self, pointer: Optional[int]) -> Any:
        assert pointer is not None, "NULL result"
        try:
            raw = ctypes.string_at(pointer)
        finally:
            self.lib.zielsystem_string_free(pointer)
        return json.loads(raw.decode("utf-8"))

    def version(self) -> str:
        version: bytes = self.lib.zielsystem_version()
        return version.decode("ascii")

    def validate_system(self, system: Optional[bytes], previous: Optional[bytes] = None) -> Any:
        return self._take(
            self.lib.zielsystem_validate_system(system, _len(system), previous, _len(previous))
        )

    def validate_sheet(
        self, sheet: Optional[bytes], system: Optional[bytes], history: Optional[bytes] = None
    ) -> Any:
        return self._take(
            self.lib.zielsystem_validate_sheet(
                sheet, _len(sheet), system, _len(system), history, _len(history)
            )
        )

    def consolidate(
        self,
        system: Optional[bytes],
        sheets: Optional[bytes],
        tertial: Optional[bytes],
        as_of: Optional[bytes],
        previous: Optional[bytes] = None,
    ) -> Any:
        return self._take(
            self.lib.zielsystem_consolidate_with_previous(
                system, _len(system), sheets, _len(sheets), previous, _len(previous), tertial, as_of
            )
        )

    def consolidate_plain(
        self, system: bytes, sheets: bytes, tertial: bytes, as_of: bytes
    ) -> Any:
        return self._take(
            self.lib.zielsystem_consolidate(
                system, len(system), sheets, len(sheets), tertial, as_of
            )
        )


def _len(document: Optional[bytes]) -> int:
    return 0 if document is None else len(document)


def codes(result: Any) -> List[str]:
    return [finding["code"] for finding in result["findings"]]


def array(paths: List[Path]) -> bytes:
    """A JSON array of the documents at ``paths``, their bytes as they are."""
    return b"[" + b",".join(path.read_bytes() for path in paths) + b"]"


@pytest.fixture(scope="module")
def capi() -> Capi:
    path = library_path()
    assert path.is_file(), f"{path} is missing: cargo build -p zielsystem-capi"
    return Capi(path)


@pytest.fixture(scope="module")
def system() -> bytes:
    return (EXAMPLE / "target-system.json").read_bytes()


@pytest.fixture(scope="module")
def sheet() -> bytes:
    return (EXAMPLE / "sheets" / "2022-T1" / "A01.json").read_bytes()


def test_version(capi: Capi) -> None:
    assert capi.version().count(".") == 2


def test_valid_documents(capi: Capi, system: bytes, sheet: bytes) -> None:
    assert capi.validate_system(system) == {"valid": True, "findings": []}
    assert capi.validate_sheet(sheet, system)["valid"] is True
    t2 = (EXAMPLE / "sheets" / "2022-T2" / "A01.json").read_bytes()
    history = b"[" + sheet + b"]"
    assert capi.validate_sheet(t2, system, history)["valid"] is True


def test_nulls_name_the_argument(capi: Capi, system: bytes, sheet: bytes) -> None:
    result = capi.validate_system(None)
    assert result["valid"] is False
    assert [(f["code"], f["params"]["argument"]) for f in result["findings"]] == [
        ("SCHEMA_REQUIRED", "system")
    ]
    result = capi.validate_sheet(None, None)
    assert sorted(f["params"]["argument"] for f in result["findings"]) == ["sheet", "system"]
    assert set(codes(result)) == {"SCHEMA_REQUIRED"}
    result = capi.consolidate(None, None, None, None)
    assert sorted(f["params"]["argument"] for f in result["findings"]) == [
        "as_of",
        "sheets",
        "system",
        "tertial",
    ]


@pytest.mark.parametrize(
    "document",
    [b"", b"   ", b"\xff\xfe{}", b'{"year": "caf\xe9"}', b"{}\x00{}", b"[1,", b"{'a': 1}"],
    ids=["empty", "blank", "not-utf8", "latin1", "embedded-nul", "truncated", "single-quotes"],
)
def test_malformed_bytes_are_json_syntax(capi: Capi, system: bytes, document: bytes) -> None:
    for result in (capi.validate_system(document), capi.validate_sheet(document, system)):
        assert result["valid"] is False
        assert codes(result) == ["JSON_SYNTAX"], result
        assert result["findings"][0]["message"].startswith("Kein gültiges JSON")


def test_malformed_context(capi: Capi, system: bytes, sheet: bytes) -> None:
    result = capi.validate_sheet(sheet, b'{"year": 2022}')
    assert result["valid"] is False
    assert {f["params"]["argument"] for f in result["findings"]} == {"system"}
    assert "SCHEMA_REQUIRED" in codes(result)
    assert result["findings"][0]["message"].startswith("Zielsystem (Argument „system“): ")
    result = capi.validate_sheet(sheet, system, b"{}")
    assert [(f["code"], f["params"]["argument"]) for f in result["findings"]] == [
        ("SCHEMA_TYPE", "history")
    ]
    result = capi.validate_sheet(sheet, system, b'[{"goal": "A01"}]')
    assert {f["path"] for f in result["findings"]} == {"/0"}
    result = capi.validate_system(system, b"[]")
    assert codes(result) == ["SCHEMA_TYPE"]
    assert result["findings"][0]["params"]["argument"] == "previous"


def test_ten_megabytes(capi: Capi, system: bytes) -> None:
    big = b'{"x":"' + b"a" * (10 * 1000 * 1000) + b'"}'
    for result in (capi.validate_system(big), capi.validate_sheet(big, system)):
        assert codes(result) == ["SCHEMA_LIMIT"]


def test_consolidate(capi: Capi, system: bytes) -> None:
    t1 = array(sorted((EXAMPLE / "sheets" / "2022-T1").glob("*.json")))
    t2 = array(sorted((EXAMPLE / "sheets" / "2022-T2").glob("*.json")))
    report = capi.consolidate_plain(system, t1, b"2022-T1", b"2022-06-14")
    assert "valid" not in report
    assert report["tertial"] == "2022-T1" and report["stage"] == "draft"
    assert len(report["goals"]) == 23
    report = capi.consolidate(system, t2, b"2022-T2", b"2022-10-14", previous=t1)
    assert report["compared_with"] == "2022-T1"
    refused = capi.consolidate(system, t1, b"2022-T4", b"14.06.2022")
    assert refused["valid"] is False
    assert [(f["code"], f["params"]["argument"]) for f in refused["findings"]] == [
        ("SCHEMA_FORMAT", "tertial"),
        ("SCHEMA_FORMAT", "as_of"),
    ]


def test_threads(capi: Capi, system: bytes, sheet: bytes) -> None:
    """ctypes releases the GIL during the call, so the eight threads run in the library at once."""
    t1 = array(sorted((EXAMPLE / "sheets" / "2022-T1").glob("*.json")))
    expected = (
        capi.validate_system(system),
        capi.validate_sheet(sheet, system),
        capi.consolidate_plain(system, t1, b"2022-T1", b"2022-06-14"),
    )

    def work(_: int) -> Any:
        return (
            capi.validate_system(system),
            capi.validate_sheet(sheet, system),
            capi.consolidate_plain(system, t1, b"2022-T1", b"2022-06-14"),
        )

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(32)))
    assert all(result == expected for result in results)


def conformance_cases() -> List[Path]:
    """The cases the C ABI can run: systems, sheets, and reports by consolidation. Stored reports
    (``document``) and cases that go on to the Bezirksamt's decision (``decide``) need the lifecycle,
    which the C ABI does not offer (the Rust and Python runners cover them)."""
    def reachable(kind: str, path: Path) -> bool:
        expect = json.loads(path.read_text(encoding="utf-8"))
        return kind != "report" or ("document" not in expect and "decide" not in expect)

    cases = sorted(
        path.parent
        for kind in ("system", "sheet", "report")
        for path in (CASES / kind).glob("*/expect.json")
        if reachable(kind, path)
    )
    assert len(cases) > 150, len(cases)
    return cases


@pytest.mark.parametrize(
    "folder", conformance_cases(), ids=lambda folder: f"{folder.parent.name}/{folder.name}"
)
def test_conformance(capi: Capi, folder: Path) -> None:
    """The shared cases (tests/README.md) through the C ABI: ``valid``, ``codes``, ``absent``."""
    expect: Dict[str, Any] = json.loads((folder / "expect.json").read_text(encoding="utf-8"))

    def read(relative: str) -> bytes:
        return (folder / relative).read_bytes()

    kind = folder.parent.name
    if kind == "system":
        previous = read(expect["previous_system"]) if expect.get("previous_system") else None
        result = capi.validate_system(read(expect["document"]), previous)
    elif kind == "sheet":
        history = array([folder / path for path in expect.get("history", [])])
        result = capi.validate_sheet(read(expect["document"]), read(expect["system"]), history)
    else:
        report = capi.consolidate(
            read(expect["system"]),
            array([folder / path for path in expect["sheets"]]),
            expect["tertial"].encode(),
            expect["as_of"].encode(),
            previous=array([folder / path for path in expect.get("previous", [])]),
        )
        assert "valid" not in report, report
        result = {
            "valid": not any(f["severity"] == "error" for f in report["findings"]),
            "findings": report["findings"],
        }
    found = set(codes(result))
    assert result["valid"] is expect["valid"], result
    assert set(expect["codes"]) <= found, result
    assert not set(expect["absent"]) & found, result
