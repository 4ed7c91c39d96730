"""zielsystem against what a Python user would pick instead, on the same report sheets, in one run.

    target/bench-venv/bin/python benchmarks/run.py [--corpus DIR] [--rounds N] [--json OUT]

Peers (installed from PyPI into ``target/bench-venv`` by ``scripts/bench``):

- ``zielsystem.validate_sheet``: the full validation, one call per sheet (bytes in, result out),
  and ``zielsystem.validate_sheets``, one call for all sheets of a system (rules run without the
  GIL);
- ``jsonschema`` (draft 2020-12 on ``schemas/report-sheet.schema.json``, format checking on),
  ``fastjsonschema`` (the same schema compiled to Python), ``jsonschema-rs`` (the same schema, Rust),
  each after ``json.loads`` (they validate Python objects, not bytes);
- ``msgspec``: decoding into ``msgspec.Struct`` types of the contract, nothing else;
- ``pydantic`` v2: ``benchmarks/pydantic_model.py``, the contract as strict models with the rules
  RS01–RS18 as validators, checked against the system given in the validation context.

Documents: the 51 sheets of the example district (Mitte 2022) and generated sheets of many
authorities and years (``zielsystem-gen``; 5 % with an injected violation, each checked against its
own system). Every peer sees the same bytes. Timing: every round times one pass of every peer over
all documents (a set under 1,000 sheets several times over), the peers taking turns, so that they
share the machine's load; garbage collection is
off while timing (as in ``timeit``); the figure is the median over the rounds, per sheet.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Literal, Optional

import fastjsonschema
import jsonschema
import jsonschema_rs
import msgspec
import pydantic

import zielsystem

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import pydantic_model  # noqa: E402

# --- msgspec: the contract as Structs (decoding only) ------------------------------------------

Level = Literal["low", "medium", "high"]
ForecastValue = Literal["achieved", "on_track", "at_risk", "unlikely", "not_achieved"]


class MContribution(msgspec.Struct, forbid_unknown_fields=True):
    text: str
    org_unit: Optional[str] = None


class MIndicatorValue(msgspec.Struct, forbid_unknown_fields=True):
    indicator: str
    value: float
    as_of: datetime.date


class MRisk(msgspec.Struct, forbid_unknown_fields=True):
    description: str
    likelihood: Level
    impact: Level


class MCountermeasure(msgspec.Struct, forbid_unknown_fields=True):
    description: str
    org_units: list[str]


class MReportSheet(msgspec.Struct, forbid_unknown_fields=True):
    schema_version: str
    authority: str
    goal: str
    tertial: str
    reporting_member: str
    submitted_on: datetime.date
    contributions: list[MContribution]
    indicator_values: list[MIndicatorValue]
    risks: list[MRisk]
    forecast: ForecastValue
    rationale: str
    countermeasures: list[MCountermeasure]


# --- documents ---------------------------------------------------------------------------------


class DocSet:
    """Sheets (bytes), each with the index of its system, and the systems as each peer needs them."""

    def __init__(self, name: str, systems: list[bytes], sheets: list[tuple[int, bytes]]):
        self.name = name
        self.system_bytes = systems
        self.sheets = sheets
        self.zs_systems = [zielsystem.TargetSystem.from_json(s) for s in systems]
        self.pd_systems = [pydantic_model.TargetSystem.model_validate_json(s) for s in systems]
        self.by_system: dict[int, list[bytes]] = {}
        for index, raw in sheets:
            self.by_system.setdefault(index, []).append(raw)

    @property
    def bytes(self) -> int:
        return sum(len(raw) for _, raw in self.sheets)


def example_set() -> DocSet:
    base = ROOT / "examples" / "mitte-2022"
    system = (base / "target-system.json").read_bytes()
    sheets = [
        (0, path.read_bytes())
        for tertial in ("2022-T1", "2022-T2", "2022-T3")
        for path in sorted((base / "sheets" / tertial).glob("*.json"))
    ]
    return DocSet("Beispielbezirk Mitte 2022 (51 Blätter)", [system], sheets)


def generated_set(corpus: Path, limit: int) -> DocSet:
    systems = [line for line in (corpus / "systems.jsonl").read_bytes().splitlines() if line]
    manifest = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text().splitlines()]
    lines = (corpus / "sheets.jsonl").read_bytes().splitlines()
    sheets = [(entry["system"], raw) for entry, raw in zip(manifest, lines)][:limit]
    used = sorted({index for index, _ in sheets})
    renumber = {old: new for new, old in enumerate(used)}
    violated = sum(1 for entry in manifest[:limit] if entry["violation"])
    return DocSet(
        f"generiert ({len(sheets)} Blätter, {len(used)} Zielsysteme, {violated} mit Regelverstoß)",
        [systems[i] for i in used],
        [(renumber[i], raw) for i, raw in sheets],
    )


# --- peers -------------------------------------------------------------------------------------

SCHEMA = json.loads((ROOT / "schemas" / "report-sheet.schema.json").read_text())
JSONSCHEMA = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
FASTJSONSCHEMA = fastjsonschema.compile(SCHEMA)
JSONSCHEMA_RS = jsonschema_rs.validator_for(SCHEMA, validate_formats=True)
MSGSPEC = msgspec.json.Decoder(MReportSheet)


def run_zielsystem(docs: DocSet) -> None:
    systems = docs.zs_systems
    validate = zielsystem.validate_sheet
    for index, raw in docs.sheets:
        validate(raw, systems[index])


def run_zielsystem_batch(docs: DocSet) -> None:
    systems = docs.zs_systems
    for index, sheets in docs.by_system.items():
        zielsystem.validate_sheets(sheets, systems[index])


def run_pydantic(docs: DocSet) -> None:
    systems = docs.pd_systems
    validate = pydantic_model.validate_sheet
    for index, raw in docs.sheets:
        validate(raw, systems[index])


def run_msgspec(docs: DocSet) -> None:
    decode = MSGSPEC.decode
    for _, raw in docs.sheets:
        try:
            decode(raw)
        except msgspec.ValidationError:
            pass


def run_jsonschema(docs: DocSet) -> None:
    for _, raw in docs.sheets:
        list(JSONSCHEMA.iter_errors(json.loads(raw)))


def run_fastjsonschema(docs: DocSet) -> None:
    for _, raw in docs.sheets:
        try:
            FASTJSONSCHEMA(json.loads(raw))
        except fastjsonschema.JsonSchemaException:
            pass


def run_jsonschema_rs(docs: DocSet) -> None:
    for _, raw in docs.sheets:
        list(JSONSCHEMA_RS.iter_errors(json.loads(raw)))


def run_json_loads(docs: DocSet) -> None:
    for _, raw in docs.sheets:
        json.loads(raw)


Peer = tuple[str, Callable[[DocSet], None], str]

PEERS: list[Peer] = [
    (
        "zielsystem.validate_sheet",
        run_zielsystem,
        "alles: Form (JSON Schema), RS01–RS18 gegen das Zielsystem (Ziel, Amtsinhaber am Tag, "
        "Fristen, Ampelskala, Risiken, Gegensteuerung, Kennzahlen, Texte); jeder Befund mit "
        "Code, JSON Pointer, deutscher und englischer Meldung",
    ),
    (
        "zielsystem.validate_sheets (Stapel)",
        run_zielsystem_batch,
        "dasselbe, ein Aufruf je Zielsystem, Regeln ohne GIL",
    ),
    (
        "pydantic v2 (gleiche Regeln)",
        run_pydantic,
        "Form und RS01–RS18 als Validatoren (benchmarks/pydantic_model.py); nur deutsche "
        "Meldungen; Schemafehler mit pydantics eigenen Texten",
    ),
    (
        "msgspec (nur Dekodieren)",
        run_msgspec,
        "nur die Form (Typen, Pflichtfelder, unbekannte Felder, Aufzählungen, Datum); bricht "
        "beim ersten Fehler ab; keine Regel, kein Bezug zum Zielsystem",
    ),
    (
        "jsonschema-rs (+ json.loads)",
        run_jsonschema_rs,
        "nur die Form nach dem Schema, alle Fehler; keine Querbezüge (Ziel, Mitglied, "
        "Organisationseinheit), keine Fristen, kein Amtsinhaber am Tag, keine Ampelregeln",
    ),
    (
        "fastjsonschema (+ json.loads)",
        run_fastjsonschema,
        "nur die Form nach dem Schema; bricht beim ersten Fehler ab; kennt Draft 2020-12 nicht "
        "(liest das Schema nach Draft 7); keine Querbezüge",
    ),
    (
        "jsonschema (+ json.loads)",
        run_jsonschema,
        "nur die Form nach dem Schema (Draft 2020-12, Formate), alle Fehler; keine Querbezüge",
    ),
    ("json.loads (nur Parsen)", run_json_loads, "nichts: nur JSON-Syntax"),
]


PASS_SHEETS = 1000
"""Sheets per timed turn at the least: a small set (the example's 51) is run over several times in
one turn, so that a turn measures the peer and not the caches the previous peer left cold."""


def measure(docs: DocSet, rounds: int) -> dict[str, float]:
    """Median seconds per sheet of each peer; the peers take turns in every round."""
    times: dict[str, list[float]] = {name: [] for name, _, _ in PEERS}
    for _, run, _ in PEERS:  # warm-up: caches, lazily built schemas, interned strings
        run(docs)
    n = len(docs.sheets)
    passes = max(1, -(-PASS_SHEETS // n))
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(rounds):
            for name, run, _ in PEERS:
                start = time.perf_counter()
                for _ in range(passes):
                    run(docs)
                times[name].append(time.perf_counter() - start)
    finally:
        if was_enabled:
            gc.enable()
    return {name: statistics.median(values) / (n * passes) for name, values in times.items()}


def agreement(docs: DocSet) -> tuple[int, list[str]]:
    """Sheets on which zielsystem and the pydantic model report the same rule codes."""
    same, differences = 0, []
    for index, raw in docs.sheets:
        ours = zielsystem.validate_sheet(raw, docs.zs_systems[index])
        ours_codes = sorted({f.code for f in ours.findings if not f.code.startswith(("SCHEMA", "JSON"))})
        valid, findings = pydantic_model.validate_sheet(raw, docs.pd_systems[index])
        theirs_codes = sorted({f["code"] for f in findings if not f["code"].startswith(("SCHEMA", "JSON"))})
        schema_ours = any(f.code.startswith(("SCHEMA", "JSON")) for f in ours.findings)
        schema_theirs = any(f["code"].startswith(("SCHEMA", "JSON")) for f in findings)
        # With a schema-level problem pydantic stops at the shape, while zielsystem also runs the
        # rules on what decodes (decode/across.rs): there only validity and the shape are compared.
        rules_agree = ours_codes == theirs_codes or (schema_ours and schema_theirs)
        if rules_agree and ours.valid == valid and schema_ours == schema_theirs:
            same += 1
        elif len(differences) < 5:
            differences.append(f"{raw[:80]!r}…: zielsystem {ours_codes} / pydantic {theirs_codes}")
    return same, differences


WORKLOAD = ROOT / "target" / "release" / "examples" / "workload"


def rust_floor(corpus: str, count: int, rate: str) -> Optional[dict[str, Any]]:
    """The same kind of sheets in Rust alone, no Python: plain typed serde_json decoding (the floor
    of any validation that builds the typed sheet), the full validation that builds it
    (``check_sheet_json``) and the one through the borrowed view (``validate_sheet_bytes``, what
    ``zielsystem.validate_sheet`` runs on bytes), timed alternately (``workload ratio``, built by
    ``scripts/bench``)."""
    workload = WORKLOAD
    if not workload.exists():
        return None
    import subprocess

    done = subprocess.run(
        [str(workload), "ratio", corpus, str(count), rate, "21"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout)


def machine() -> dict[str, Any]:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "versions": {
            "zielsystem": zielsystem.__version__,
            "pydantic": pydantic.VERSION,
            "msgspec": msgspec.__version__,
            "jsonschema": _dist_version("jsonschema"),
            "fastjsonschema": fastjsonschema.VERSION,
            "jsonschema-rs": _dist_version("jsonschema-rs"),
        },
    }


def _dist_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "target" / "bench-corpus")
    parser.add_argument("--generated", type=int, default=2000, help="generated sheets to use")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    parser.add_argument("--workload", type=Path, default=WORKLOAD,
                        help="the release build of zielsystem-bench's example `workload`")
    args = parser.parse_args()
    globals()["WORKLOAD"] = args.workload

    info = machine()
    print(f"Maschine: {info['cpus']} CPUs, {info['cpu_model']}, Last {info['load_average']}")
    print("Versionen:", ", ".join(f"{k} {v}" for k, v in info["versions"].items()))
    results: dict[str, Any] = {"machine": info, "sets": []}
    targets_met = True
    for docs in (example_set(), generated_set(args.corpus, args.generated)):
        same, differences = agreement(docs)
        per_sheet = measure(docs, args.rounds)
        ours = per_sheet["zielsystem.validate_sheet"]
        print(f"\n== {docs.name}, {docs.bytes / len(docs.sheets):.0f} Bytes je Blatt, "
              f"Median aus {args.rounds} Runden")
        print(f"{'Prüfer':38} {'µs/Blatt':>9} {'Blätter/s':>11} {'× zielsystem':>13}")
        for name, _, _ in PEERS:
            t = per_sheet[name]
            print(f"{name:38} {t * 1e6:9.2f} {1 / t:11,.0f} {t / ours:13.2f}")
        pydantic_ratio = per_sheet["pydantic v2 (gleiche Regeln)"] / ours
        msgspec_ratio = per_sheet["msgspec (nur Dekodieren)"] / ours
        print(f"zielsystem gegen pydantic (gleiche Regeln): {pydantic_ratio:.1f}× schneller "
              f"(Ziel ≥ 20×: {'erfüllt' if pydantic_ratio >= 20 else 'NICHT erfüllt'})")
        print(f"zielsystem gegen msgspec (nur Dekodieren): msgspec braucht {msgspec_ratio:.2f}× "
              f"so lange (Ziel ≥ 1: {'erfüllt' if msgspec_ratio >= 1 else 'NICHT erfüllt'})")
        floor = rust_floor(*(("example", 5100, "0") if "Mitte" in docs.name else ("generated", 5000, "0.05")))
        if floor:
            print(f"Rust allein (gleiche Art Blätter, ohne Python): serde_json typisiert dekodieren "
                  f"{floor['decode_us_per_sheet']:.2f} µs, volle Prüfung {floor['check_us_per_sheet']:.2f} µs, "
                  f"über die geliehene Sicht {floor.get('bytes_us_per_sheet', float('nan')):.2f} µs "
                  f"je Blatt; msgspec dekodiert in {per_sheet['msgspec (nur Dekodieren)'] * 1e6:.2f} µs, "
                  f"pydantic/20 = {per_sheet['pydantic v2 (gleiche Regeln)'] / 20 * 1e6:.2f} µs")
        print(f"Übereinstimmung zielsystem/pydantic (Regelcodes, gültig, Schemafehler): "
              f"{same} von {len(docs.sheets)}")
        for line in differences:
            print("  abweichend:", line)
        targets_met &= pydantic_ratio >= 20 and msgspec_ratio >= 1
        results["sets"].append({
            "name": docs.name,
            "sheets": len(docs.sheets),
            "bytes_per_sheet": docs.bytes / len(docs.sheets),
            "seconds_per_sheet": per_sheet,
            "pydantic_over_zielsystem": pydantic_ratio,
            "msgspec_over_zielsystem": msgspec_ratio,
            "agreement": same,
            "rust_alone": floor,
        })
    print("\nWas jeder Prüfer prüft:")
    for name, _, what in PEERS:
        print(f"- {name}: {what}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0 if targets_met else 1


if __name__ == "__main__":
    sys.exit(main())
