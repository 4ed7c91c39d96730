"""Arrow-native tables: typed columns and their orders, empty tables, corpora of many authorities
and years, and the exports (Parquet, CSV, XLSX) read back the way a steering service would."""

from __future__ import annotations

import csv
import datetime
import importlib
import json
import os
import shutil
from pathlib import Path
from typing import Any, Dict, List

import pytest

import zielsystem as zs

from conftest import FIXTURES, REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "mitte-2022"
HOSTILE = ["=1+1", "+SUM(A1:A9)", "-2+3", "@cmd|' /C calc'!A0", "\tTab", "\rCR"]


def _extra(package: str) -> Any:
    if os.environ.get("ZIELSYSTEM_REQUIRE_EXTRAS") == "1":
        return importlib.import_module(package)  # scripts/test installs them: fail, never skip
    return pytest.importorskip(package)


def _corpus_folder(tmp_path: Path) -> Path:
    """The fixture district twice (a second authority) and a year without a system, plus hostile
    texts in the countermeasures and risks of the second authority."""
    root = tmp_path / "corpus"
    for authority, folder in [("Bezirksamt Beispiel von Berlin", "beispiel"), ("Bezirksamt Anders von Berlin", "anders")]:
        system = json.loads((FIXTURES / "target-system.json").read_text(encoding="utf-8"))
        system["authority"] = authority
        (root / folder).mkdir(parents=True)
        (root / folder / "target-system.json").write_text(json.dumps(system), encoding="utf-8")
        for number, path in enumerate(sorted(FIXTURES.glob("sheets/*/*.json"))):
            sheet = json.loads(path.read_text(encoding="utf-8"))
            sheet["authority"] = authority
            if folder == "anders":
                for i, countermeasure in enumerate(sheet["countermeasures"]):
                    countermeasure["description"] = HOSTILE[(number + i) % len(HOSTILE)]
                for i, risk in enumerate(sheet["risks"]):
                    risk["description"] = HOSTILE[(number + i + 3) % len(HOSTILE)]
            target = root / folder / "sheets" / path.parent.name / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(sheet), encoding="utf-8")
    stray = json.loads((FIXTURES / "sheets" / "2022-T1" / "A01.json").read_text(encoding="utf-8"))
    stray["tertial"] = "2023-T1"
    stray["submitted_on"] = "2023-05-20"
    (root / "stray").mkdir()
    (root / "stray" / "A01-2023.json").write_text(json.dumps(stray), encoding="utf-8")
    (root / "stray" / "broken.json").write_text("{", encoding="utf-8")
    return root


def test_getitem_is_one_row_and_never_a_copy_of_the_table(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    table = zs.attainment_table(system, sheets)
    first = table[0]
    first["goal"] = "changed"
    assert table[0]["goal"] == "A01"
    assert table[-1] == table.rows[-1]
    assert table[::2] == table.rows[::2]
    with pytest.raises(IndexError):
        table[len(table)]
    assert [row["goal"] for row in table] == [row["goal"] for row in table.rows]


def test_pyarrow_types_and_orders(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    pa = _extra("pyarrow")
    arrow = zs.attainment_table(system, sheets).to_arrow()
    schema = arrow.schema
    assert schema.field("submitted_on").type == pa.date32()
    assert schema.field("deadline").type == pa.date32()
    assert schema.field("year").type == pa.int32()
    assert schema.field("risk_count").type == pa.uint32()
    assert schema.field("indicator_attainment_percent").type == pa.float64()
    for name in ("tertial", "forecast", "light", "perspective", "reporting_status"):
        assert pa.types.is_dictionary(schema.field(name).type), name
        assert schema.field(name).type.ordered, name
    assert arrow.column("light").chunk(0).dictionary.to_pylist() == ["green", "yellow", "red"]
    assert arrow.column("forecast").chunk(0).dictionary.to_pylist() == [
        "achieved",
        "on_track",
        "at_risk",
        "unlikely",
        "not_achieved",
    ]
    assert schema.field("light").metadata == {b"zielsystem:header_de": b"Ampel"}


def test_pandas_categories_in_order(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    _extra("pandas")
    frame = zs.attainment_table(system, sheets).to_pandas()
    assert list(frame["light"].cat.categories) == ["green", "yellow", "red"]
    assert frame["light"].cat.ordered
    # The worst light of a goal over the year: red beats yellow (alphabetically it would not).
    worst = frame.groupby("goal", observed=True)["light"].max()
    assert worst["A01"] == "red"
    assert str(frame["submitted_on"].dtype).startswith("datetime64")
    assert str(frame["days_late"].dtype) == "uint32"
    # Tertials filter and sort as tertials.
    assert list(frame[frame["tertial"] >= "2022-T2"]["tertial"].unique()) == ["2022-T2", "2022-T3"]
    assert list(frame.sort_values("forecast")["forecast"].cat.categories)[:2] == ["achieved", "on_track"]
    labels = zs.labels_de()
    assert list(frame["light"].cat.rename_categories(labels["light"]).cat.categories) == ["grün", "gelb", "rot"]


def test_polars_enums_in_order(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    pl = _extra("polars")
    frame = zs.attainment_table(system, sheets).to_polars()
    assert frame.schema["light"] == pl.Enum(["green", "yellow", "red"])
    assert frame.schema["submitted_on"] == pl.Date
    assert frame.schema["days_late"] == pl.UInt32
    worst = frame.group_by("goal").agg(pl.col("light").max()).sort("goal")
    assert worst.filter(pl.col("goal") == "A01")["light"].to_list() == ["red"]
    assert frame.filter(pl.col("tertial") == "2022-T1").height == 3


@pytest.mark.parametrize("package", ["pandas", "polars"])
def test_empty_tables_keep_their_types(system: zs.TargetSystem, package: str) -> None:
    _extra(package)
    table = zs.attainment_table(system, [])
    frame = getattr(table, f"to_{package}")()
    assert list(frame.columns) == table.columns
    assert len(frame) == 0
    if package == "pandas":
        assert str(frame["light"].dtype) == "category"
        assert list(frame["light"].cat.categories) == ["green", "yellow", "red"]
        assert str(frame["risk_count"].dtype) == "uint32"
    else:
        pl = importlib.import_module("polars")
        assert frame.schema["light"] == pl.Enum(["green", "yellow", "red"])
        assert pl.Null not in frame.schema.values()


def test_duckdb_reads_the_table_without_a_copy(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    duckdb = _extra("duckdb")
    _extra("pyarrow")
    table = zs.attainment_table(system, sheets)
    con = duckdb.connect()
    con.register("attainment", table.to_arrow())
    assert con.sql("select count(*) from attainment where light = 'red'").fetchall() == [
        (sum(1 for r in table if r["light"] == "red"),)
    ]


def test_corpus_places_and_lists(tmp_path: Path) -> None:
    corpus = zs.load_corpus(_corpus_folder(tmp_path))
    assert corpus.groups == [("Bezirksamt Anders von Berlin", 2022), ("Bezirksamt Beispiel von Berlin", 2022)]
    assert corpus.sheets_read == 22
    assert corpus.sheets_placed == 20
    assert corpus.unplaced_count == 2
    problems = [p for p in corpus.problems() if not p["placed"]]
    reasons = sorted((Path(p["source"]).name, p["reason"]) for p in problems)
    assert reasons == [("A01-2023.json", "no_system"), ("broken.json", "not_a_document")]
    table = corpus.attainment_table()
    assert len(table) == 18
    assert {r["authority"] for r in table} == {"Bezirksamt Anders von Berlin", "Bezirksamt Beispiel von Berlin"}
    punctuality = corpus.punctuality_table()
    assert sum(r["sheets"] for r in punctuality) == 18
    assert len(corpus.risk_table()) == sum(r["risk_count"] for r in table)
    assert len(corpus.indicator_table()) > 0
    assert "problems" not in repr(corpus)


def test_corpus_summary_by_authority_and_year(tmp_path: Path) -> None:
    corpus = zs.load_corpus(_corpus_folder(tmp_path))
    summary = corpus.summary_by(["authority", "year"])
    assert summary.columns[:2] == ["authority", "year"]
    assert [(r["authority"], r["year"], r["sheets"]) for r in summary] == [
        ("Bezirksamt Anders von Berlin", 2022, 9),
        ("Bezirksamt Beispiel von Berlin", 2022, 9),
    ]
    # Without the authority the two fall into one group per year and tertial.
    by_tertial = corpus.summary_by(["year", "tertial"])
    assert "authority" not in by_tertial.columns
    assert sum(r["sheets"] for r in by_tertial) == len(corpus.attainment_table())
    assert len({(r["year"], r["tertial"]) for r in by_tertial}) == len(by_tertial)
    with pytest.raises(ValueError, match="authority, year"):
        corpus.summary_by("bezirk")  # type: ignore[arg-type]


def test_tertials_filter_data_frames_like_their_codes(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    pd = _extra("pandas")
    pl = _extra("polars")
    table = zs.attainment_table(system, sheets)
    second = zs.Tertial("2022-T2")
    codes = [r["tertial"] for r in table]
    expected_equal = sum(1 for c in codes if c == "2022-T2")
    expected_later = sum(1 for c in codes if c >= "2022-T2")
    assert 0 < expected_equal < expected_later < len(codes)
    frame = table.to_pandas()
    assert int((frame["tertial"] == second).sum()) == expected_equal
    assert int((frame["tertial"] >= second).sum()) == expected_later
    assert int(frame["tertial"].isin([second]).sum()) == expected_equal
    assert len(frame.query("tertial >= @second")) == expected_later
    plain = pd.DataFrame({"tertial": codes})  # pandas 3: the str dtype
    assert int((plain["tertial"] >= second).sum()) == expected_later
    polars_frame = table.to_polars()
    assert polars_frame.filter(pl.col("tertial") == second).height == expected_equal
    assert polars_frame.filter(pl.col("tertial").cast(pl.String) >= second).height == expected_later


def test_load_corpus_of_a_missing_folder_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nirgends"):
        zs.load_corpus(tmp_path / "nirgends.jsonl")


def _read_csv(path: Path, excel: bool) -> List[Dict[str, str]]:
    with path.open(encoding="utf-8-sig" if excel else "utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter=";" if excel else ","))


def test_csv_exports_every_row_and_defuses_formulas(tmp_path: Path) -> None:
    corpus = zs.load_corpus(_corpus_folder(tmp_path))
    countermeasures = corpus.countermeasure_table()
    plain, excel = tmp_path / "g.csv", tmp_path / "g-excel.csv"
    countermeasures.to_csv(plain)
    countermeasures.to_csv(excel, excel=True)
    assert excel.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = _read_csv(plain, excel=False)
    german = _read_csv(excel, excel=True)
    assert len(rows) == len(german) == len(countermeasures)
    assert list(german[0])[:3] == ["Bezirksamt", "Jahr", "Ziel"]
    texts = [r["description"] for r in rows if r["authority"] == "Bezirksamt Anders von Berlin"]
    assert texts and all(t.startswith("'") for t in texts)
    assert {t[1:] for t in texts} <= set(HOSTILE)
    assert all(r["Aktivität zur Gegensteuerung"][0] not in "=+-@\t\r" for r in german)
    risks = tmp_path / "r.csv"
    corpus.risk_table().to_csv(risks, excel=True)
    assert all(r["Risiko"][0] not in "=+-@\t\r" for r in _read_csv(risks, excel=True))
    attainment = tmp_path / "a.csv"
    corpus.attainment_table().to_csv(attainment, excel=True)
    row = _read_csv(attainment, excel=True)[0]
    assert row["Ampel"] in {"grün", "gelb", "rot"}
    assert row["Tertial"] == "I. Tertial 2022"
    datetime.datetime.strptime(row["Eingereicht am"], "%d.%m.%Y")


def test_xlsx_has_german_headers_every_row_and_no_formulas(tmp_path: Path) -> None:
    openpyxl = _extra("openpyxl")
    corpus = zs.load_corpus(_corpus_folder(tmp_path))
    path = tmp_path / "gegensteuerung.xlsx"
    table = corpus.countermeasure_table()
    table.to_xlsx(path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Gegensteuerung"]
    assert sheet.freeze_panes == "A2"
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["Bezirksamt", "Jahr", "Ziel"]
    assert sheet.max_row == len(table) + 1
    column = headers.index("Aktivität zur Gegensteuerung") + 1
    values = [sheet.cell(row=r, column=column) for r in range(2, sheet.max_row + 1)]
    assert all(cell.data_type == "s" for cell in values)
    assert {cell.value for cell in values} & set(HOSTILE)
    attainment = tmp_path / "zielerreichung.xlsx"
    corpus.attainment_table().to_xlsx(attainment)
    sheet = openpyxl.load_workbook(attainment)["Zielerreichung"]
    headers = [cell.value for cell in sheet[1]]
    light = headers.index("Ampel") + 1
    assert {sheet.cell(row=r, column=light).value for r in range(2, sheet.max_row + 1)} <= {"grün", "gelb", "rot"}
    submitted = headers.index("Eingereicht am") + 1
    assert isinstance(sheet.cell(row=2, column=submitted).value, datetime.datetime)


def test_parquet_partitioned_for_duckdb_and_polars(tmp_path: Path) -> None:
    duckdb = _extra("duckdb")
    pl = _extra("polars")
    corpus = zs.load_corpus(_corpus_folder(tmp_path))
    table = corpus.attainment_table()
    single = tmp_path / "a.parquet"
    assert table.to_parquet(single) == 1
    assert pl.read_parquet(single).height == len(table)
    folder = tmp_path / "parts"
    assert table.to_parquet(folder, partition=True) == 2
    counts = duckdb.sql(
        f"select authority, year, count(*) from read_parquet('{folder.as_posix()}/**/*.parquet', hive_partitioning = true) "
        "group by all order by authority"
    ).fetchall()
    assert counts == [("Bezirksamt Anders von Berlin", 2022, 9), ("Bezirksamt Beispiel von Berlin", 2022, 9)]
    with pytest.raises(FileExistsError):
        table.to_parquet(folder, partition=True)
    shutil.rmtree(folder)
    with pytest.raises(ValueError, match="parquet"):
        table._native.write(str(tmp_path / "x"), "csv", True)
