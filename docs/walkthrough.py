"""The analyst's walkthrough (docs/python.md) as one runnable script.

Loads the bundled example district, validates it, consolidates the report of tertial II, takes it
through decision and the council's note with its Bezirksamtsvorlage, evaluates goal attainment and
draws the lights per tertial; then loads a corpus of several authorities and years, compares them
across years with a chart, and exports the tables (Parquet for DuckDB, CSV and XLSX for the
steering service). Needs ``pip install "./zielsystem-py[pandas,polars,duckdb]" matplotlib``.

    python docs/walkthrough.py [--example examples/mitte-2022] [--output walkthrough-out] [--corpus DIR]

Without ``--corpus`` a small corpus (4 authorities, 3 years) is generated into the output folder
with ``cargo run -p zielsystem-bench --bin zielsystem-gen`` (needs the Rust toolchain).

Where the walkthrough shows a refusal (ParseError, LifecycleError), the script exits non-zero when
the refusal does not come, so CI notices.
"""

from __future__ import annotations

import argparse
import datetime
import shutil
import subprocess
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # draw to files, no window needed
import matplotlib.pyplot as plt  # noqa: E402
import duckdb  # noqa: E402
import pandas as pd  # noqa: E402
import polars as pl  # noqa: E402

import zielsystem as zs  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--example", type=Path, default=REPO / "examples" / "mitte-2022")
parser.add_argument("--output", type=Path, default=Path("walkthrough-out"))
parser.add_argument("--corpus", type=Path, help="a zielsystem-gen folder (systems.jsonl, sheets.jsonl)")
args = parser.parse_args()
args.output.mkdir(parents=True, exist_ok=True)
pd.set_option("display.width", 120)

# --- 1. Load the target system and every report sheet ------------------------------------------
system = zs.TargetSystem.from_file(args.example / "target-system.json")
sheets = [zs.ReportSheet.from_file(path) for path in sorted(args.example.glob("sheets/*/*.json"))]
print(system)
print(f"{len(sheets)} Berichtsblätter, Tertiale:", sorted({str(sheet.tertial) for sheet in sheets}))
t1 = zs.Tertial("2022-T1")
print(f"{t1.label_de}: Stichtag {t1.cut_off}, Berichtsfrist {t1.deadline}")

# --- 2. Validate: the system, then every sheet in one batch (the GIL is released meanwhile) -----
checked = zs.validate_system(system)
print("Zielsystem gültig:", checked.valid, "| Hinweise:", checked.codes)
results = zs.validate_sheets(sheets, system)
for sheet, result in zip(sheets, results):
    for finding in result.findings:
        print(f"  {sheet.tertial} {sheet.goal}: {finding.code} {finding.severity} {finding.path} – {finding.message}")
print(f"{sum(r.valid for r in results)} von {len(results)} Berichtsblättern gültig")

# A document that is not of its shape is reported, not raised, when validated from JSON …
broken = zs.validate_sheet('{"goal": "A01", "forecast": "green"}', system)
print("Kaputtes Blatt:", broken.codes)
if broken.valid:
    raise SystemExit("walkthrough: a broken sheet validated as valid")
# … and raises ParseError (a ValueError) when a typed object is asked for.
try:
    zs.ReportSheet.from_json('{"goal": "A01", "forecast": "green"}')
except zs.ParseError as error:
    print("ParseError mit", len(error.errors()), "Befunden")
else:
    raise SystemExit("walkthrough: ReportSheet.from_json accepted a broken sheet (ParseError expected)")

# --- 3. The consolidated tertial report --------------------------------------------------------
t2 = [sheet for sheet in sheets if sheet.tertial == zs.Tertial("2022-T2")]
earlier = [sheet for sheet in sheets if sheet.tertial < zs.Tertial("2022-T2")]
report = zs.consolidate(system, t2, "2022-T2", zs.Tertial("2022-T2").deadline, previous=earlier)
print(report, "| Befunde:", [f.code for f in report.findings])
(args.output / "vorlage-bezirksamt-2022-T2.md").write_text(report.to_markdown(), encoding="utf-8")
(args.output / "vorlage-bezirksamt-2022-T2.html").write_text(report.to_html(), encoding="utf-8")
(args.output / "ampeln-2022-T2.svg").write_text(report.to_svg(), encoding="utf-8")

# The lifecycle: draft → decided by the Bezirksamt → noted by the council. A step the rules forbid
# is refused with LifecycleError, which carries the findings; the report itself never changes.
try:
    report.decide(system, datetime.date(2022, 8, 20), "120/VI")  # before the cut-off of 31.08.2022
except zs.LifecycleError as error:
    print("Abgelehnt:", [(f.code, f.path) for f in error.findings])
else:
    raise SystemExit("walkthrough: a decision before the cut-off was accepted (LifecycleError expected)")
# The decision re-checks the sheets against the system (TR05) and records, per countermeasure,
# whether the Bezirksamt adopted it (every one, unless listed in not_adopted).
decided = report.decide(system, datetime.date(2022, 10, 11), "120/VI")
noted = decided.note(datetime.date(2022, 10, 27), "0512/VI", "noted")
print(noted.stage, noted.decision, noted.council)
# The two papers: the Bezirksamtsvorlage zur Beschlussfassung and, after the decision, the Vorlage
# zur Kenntnisnahme for the council; both checked by BV01–BV04.
paper = decided.to_paper()
council = decided.to_council_paper()
assert council is not None
print(paper, "| BV-Befunde:", zs.validate_paper(paper).codes, zs.validate_paper(council).codes)
(args.output / "vorlage-bezirksamt-2022-T2.json").write_text(paper.to_json(indent=2), encoding="utf-8")
(args.output / "vorlage-bvv-2022-T2.json").write_text(council.to_json(indent=2), encoding="utf-8")

# --- 4. The attainment table ------------------------------------------------------------------
table = zs.attainment_table(system, sheets)
frame = table.to_pandas()
print(frame.head(8).to_string(index=False))
# Typed columns: tertials and lights are ordered categories, so "worst light of the year" is max().
at_risk = frame[frame["forecast"].isin(["at_risk", "unlikely"])]
print("Gefährdet (T2):", ", ".join(at_risk[at_risk["tertial"] == "2022-T2"]["goal"]))
worst = frame.groupby("goal", observed=True)["light"].max()
print("Im Jahr rot gewesen:", ", ".join(worst[worst == "red"].index))
print("Verspätet eingereicht:", frame[frame["days_late"] > 0][["goal", "tertial", "member", "days_late"]].to_string(index=False))
table.to_xlsx(args.output / "zielerreichung-2022.xlsx")  # German headers and labels, frozen header row

# --- 5. Summaries -----------------------------------------------------------------------------
by_tertial = zs.summary_by(system, sheets, "tertial").to_pandas()
print(by_tertial[["tertial", "sheets", "green", "yellow", "red", "share_at_risk"]].to_string(index=False))
by_perspective = zs.summary_by(system, sheets, ["tertial", "perspective"]).to_pandas()
print(by_perspective[["tertial", "perspective", "green", "yellow", "red"]].to_string(index=False))

# --- 6. Transitions between two tertials ------------------------------------------------------
moves = zs.transitions(system, sheets, "2022-T1", "2022-T2")
print(moves)
def name(light: str | None) -> str:
    return light or "kein Blatt"


matrix = {name(before): {name(after): n for after, n in row.items()} for before, row in moves.matrix().items()}
print(pd.DataFrame(matrix).T)  # rows: light in T1, columns: light in T2
for cell in moves:
    if cell["from_light"] != cell["to_light"] and cell["count"]:
        print(f"  {cell['from_light']} → {cell['to_light']}: {', '.join(cell['goals'])}")

# --- 7. Forecast accuracy at year end ---------------------------------------------------------
accuracy = zs.forecast_accuracy(system, sheets).to_pandas()
print(accuracy[["perspective", "tertial", "forecasts", "borne_out", "unresolved", "accuracy_percent"]].to_string(index=False))

# --- 8. Chart: lights per tertial -------------------------------------------------------------
colours = {"green": "#2e7d32", "yellow": "#f9a825", "red": "#c62828"}
labels = {"green": "grün", "yellow": "gelb", "red": "rot"}
fig, ax = plt.subplots(figsize=(7, 4))
bottom = [0] * len(by_tertial)
for light in ("green", "yellow", "red"):
    counts = list(by_tertial[light])
    ax.bar(by_tertial["tertial"], counts, bottom=bottom, color=colours[light], label=labels[light])
    bottom = [b + c for b, c in zip(bottom, counts)]
ax.set_title(f"Ampeln je Tertial – {system.authority} {system.year}")
ax.set_ylabel("Ziele")
ax.legend(title="Ampel")
fig.tight_layout()
chart = args.output / "lights-per-tertial.png"
fig.savefig(chart, dpi=120)
print("Diagramm:", chart)

# --- 9. Many authorities and years at once ------------------------------------------------------
corpus_folder = args.corpus
if corpus_folder is None:
    corpus_folder = args.output / "corpus"
    shutil.rmtree(corpus_folder, ignore_errors=True)
    subprocess.run(
        ["cargo", "run", "--quiet", "-p", "zielsystem-bench", "--bin", "zielsystem-gen", "--",
         "--out", str(corpus_folder), "--authorities", "4", "--years", "3", "--first-year", "2021"],
        check=True,
        cwd=REPO,
    )
corpus = zs.load_corpus(corpus_folder)
print(corpus)
# Nothing vanishes: what could not be placed is listed with its reason, and so are placed sheets
# with error findings (the generator injects some on purpose).
problems = corpus.problems().to_pandas()
print(problems.groupby(["reason", "placed"], observed=True).size().to_string())
attainment = corpus.attainment_table()
print(f"{len(attainment)} Zeilen aus {corpus.sheets_placed} von {corpus.sheets_read} Berichtsblättern, "
      f"{len(corpus.groups)} Zielsysteme")

# Across authorities and years with polars: the share of goals at risk at the end of tertial II.
years = attainment.to_polars()
share = (
    years.filter(pl.col("tertial").cast(pl.String).str.ends_with("T2"))
    .group_by("authority", "year")
    .agg(pl.col("forecast").is_in(["at_risk", "unlikely"]).mean().alias("share_at_risk"))
    .sort("authority", "year")
)
print(share)
late = corpus.punctuality_table().to_polars().group_by("authority").agg(
    pl.col("late").sum(), pl.col("sheets").sum(), pl.col("max_days_late").max()
).sort("authority")
print(late)

# --- 10. Chart: share at risk in tertial II per authority over the years ------------------------
fig, ax = plt.subplots(figsize=(7, 4.6))
for authority in share["authority"].unique(maintain_order=True):
    rows = share.filter(pl.col("authority") == authority)
    ax.plot(rows["year"].to_list(), [100 * v for v in rows["share_at_risk"].to_list()], marker="o", label=authority)
ax.set_title("Gefährdete Zielerreichung im II. Tertial")
ax.set_ylabel("Anteil der Ziele in %")
ax.set_xticks(sorted(share["year"].unique().to_list()))
ax.legend(fontsize="small", loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, frameon=False)
fig.tight_layout()
chart = args.output / "share-at-risk-per-year.png"
fig.savefig(chart, dpi=120)
print("Diagramm:", chart)

# --- 11. Exports the steering service opens -----------------------------------------------------
parquet = args.output / "attainment-parquet"
shutil.rmtree(parquet, ignore_errors=True)
files = attainment.to_parquet(parquet, partition=True)  # authority=…/year=…/part-0.parquet
red = duckdb.sql(
    f"select authority, year, count(*) filter (where light = 'red') as rot, count(*) as zeilen "
    f"from read_parquet('{parquet.as_posix()}/**/*.parquet', hive_partitioning = true) "
    "group by all order by authority, year"
).fetchall()
print(f"Parquet: {files} Dateien; DuckDB:", red[:3], "…")
corpus.countermeasure_table().to_xlsx(args.output / "gegensteuerung.xlsx")
attainment.to_csv(args.output / "zielerreichung-excel.csv", excel=True)  # semicolons, BOM, German
print("Exportiert nach", args.output)
