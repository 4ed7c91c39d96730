"""The analyst's path over a big corpus: load + validate + attainment table from Python, then
pyarrow, polars, pandas and DuckDB on it and on its partitioned Parquet export.

    target/release/zielsystem-gen --out /tmp/corpus-51k --authorities 150 --years 5 --limit 51000
    python benchmarks/analytics.py /tmp/corpus-51k [--rounds 7] [--json out.json]

Each round runs every step once, in the same order (interleaved), so machine load hits them alike;
the figures are the medians over the rounds, as wall time and as the process's CPU time (user +
system of all its threads: what the step costs, less disturbed than wall time when other jobs share
the cores). Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, List

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa

import zielsystem as zs

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("corpus", type=Path, help="a folder with systems.jsonl and sheets.jsonl")
parser.add_argument("--rounds", type=int, default=7)
parser.add_argument("--json", type=Path)
args = parser.parse_args()

scratch = Path(tempfile.mkdtemp(prefix="zielsystem-bench-"))
state: Dict[str, Any] = {}


def load() -> None:
    corpus = zs.load_corpus(args.corpus)
    state["corpus"] = corpus
    state["table"] = corpus.attainment_table()
    len(state["table"])


def build_batch() -> None:
    # The record batch is built on first use; a fresh table measures its construction.
    state["fresh"] = state["corpus"].attainment_table()
    state["fresh"].__arrow_c_schema__()


def to_arrow() -> None:
    state["arrow"] = state["table"].to_arrow()


def to_polars() -> None:
    state["polars"] = state["table"].to_polars()


def to_pandas() -> None:
    state["pandas"] = state["table"].to_pandas()


def rows_to_pandas() -> None:
    # The old path for comparison: every row as a dict, then a DataFrame of strings.
    pd.DataFrame.from_records(state["table"].rows)


def getitem_200() -> None:
    table = state["table"]
    for i in range(200):
        table[i * 97 % len(table)]


def polars_worst_light() -> None:
    frame = state["polars"]
    frame.group_by("authority", "year", "goal").agg(pl.col("light").max()).height


def parquet_partitioned() -> None:
    out = scratch / "attainment"
    shutil.rmtree(out, ignore_errors=True)
    state["parquet_files"] = state["table"].to_parquet(out, partition=True)


def duckdb_on_parquet() -> None:
    out = (scratch / "attainment").as_posix()
    duckdb.sql(
        f"select authority, year, count(*) filter (where light = 'red') as red "
        f"from read_parquet('{out}/**/*.parquet', hive_partitioning = true) group by all"
    ).fetchall()


def duckdb_on_table() -> None:
    arrow = state["arrow"]  # noqa: F841 - DuckDB finds the local variable by name
    duckdb.sql("select tertial, count(*) from arrow where light = 'red' group by all").fetchall()


STEPS: List[Callable[[], None]] = [
    load,
    build_batch,
    to_arrow,
    to_polars,
    to_pandas,
    rows_to_pandas,
    getitem_200,
    polars_worst_light,
    parquet_partitioned,
    duckdb_on_parquet,
    duckdb_on_table,
]

times: Dict[str, List[float]] = {step.__name__: [] for step in STEPS}
cpu_times: Dict[str, List[float]] = {step.__name__: [] for step in STEPS}
for _ in range(args.rounds):
    for step in STEPS:
        start, cpu_start = time.perf_counter(), time.process_time()
        step()
        times[step.__name__].append(time.perf_counter() - start)
        cpu_times[step.__name__].append(time.process_time() - cpu_start)

corpus = state["corpus"]
facts = {
    "systems": len(corpus.groups),
    "sheets_read": corpus.sheets_read,
    "sheets_placed": corpus.sheets_placed,
    "unplaced": corpus.unplaced_count,
    "rows": len(state["table"]),
    "parquet_files": state["parquet_files"],
    "pyarrow": pa.__version__,
    "polars": pl.__version__,
    "pandas": pd.__version__,
    "duckdb": duckdb.__version__,
}
medians = {name: statistics.median(values) for name, values in times.items()}
cpu_medians = {name: statistics.median(values) for name, values in cpu_times.items()}
facts["load_average"] = os.getloadavg()[0]
print(json.dumps(facts))
print(f"{'step':22} {'wall median':>12} {'min':>9} {'max':>9} {'CPU median':>11}")
for name, value in medians.items():
    print(
        f"{name:22} {value * 1000:9.1f} ms {min(times[name]) * 1000:6.1f} ms {max(times[name]) * 1000:6.1f} ms"
        f" {cpu_medians[name] * 1000:8.1f} ms"
    )
if args.json:
    args.json.write_text(
        json.dumps(
            {"facts": facts, "medians_s": medians, "cpu_medians_s": cpu_medians, "times_s": times, "cpu_times_s": cpu_times},
            indent=2,
        )
    )
shutil.rmtree(scratch, ignore_errors=True)
