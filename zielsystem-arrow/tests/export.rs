//! The tables and their exports on the bundled example and on hostile texts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::Int16Type;
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use calamine::{Data, Reader, Xlsx};
use zielsystem_arrow::{ArrowRow, CsvDialect, record_batch, schema, to_csv, to_xlsx};
use zielsystem_core::analytics::corpus::LoadOptions;
use zielsystem_core::analytics::{AttainmentRow, Corpus, CountermeasureRow, Row};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/mitte-2022")
}

fn corpus() -> Corpus {
    zielsystem_arrow::load::read_corpus(&[], &[example()], LoadOptions::default()).unwrap()
}

fn hostile(mut rows: Vec<CountermeasureRow>) -> Vec<CountermeasureRow> {
    let texts = [
        "=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTab", "\rCR", "harmlos",
    ];
    for (row, text) in rows.iter_mut().zip(texts) {
        row.description = text.to_string();
    }
    rows
}

#[test]
fn the_example_loads_without_problems() {
    let corpus = corpus();
    assert_eq!(corpus.groups.len(), 1);
    assert_eq!(corpus.sheets_read, 51);
    assert_eq!(corpus.sheets_placed(), 51);
    assert_eq!(corpus.unplaced().count(), 0);
}

#[test]
fn columns_are_the_core_row_types_json_keys() {
    fn names<R: ArrowRow>() -> Vec<String> {
        R::columns().iter().map(|c| c.name.to_string()).collect()
    }
    use zielsystem_core::analytics::{
        AccuracyRow, IndicatorRow, PunctualityRow, RiskRow, TransitionCell,
    };
    assert_eq!(names::<AttainmentRow>(), <AttainmentRow as Row>::columns());
    assert_eq!(
        names::<CountermeasureRow>(),
        <CountermeasureRow as Row>::columns()
    );
    assert_eq!(names::<IndicatorRow>(), <IndicatorRow as Row>::columns());
    assert_eq!(names::<RiskRow>(), <RiskRow as Row>::columns());
    assert_eq!(
        names::<PunctualityRow>(),
        <PunctualityRow as Row>::columns()
    );
    assert_eq!(
        names::<TransitionCell>(),
        <TransitionCell as Row>::columns()
    );
    assert_eq!(names::<AccuracyRow>(), <AccuracyRow as Row>::columns());
}

#[test]
fn typed_columns_and_ordered_categories() {
    let rows = corpus().attainment_table();
    let batch = record_batch(&rows).unwrap();
    assert_eq!(batch.num_rows(), rows.len());
    let schema = batch.schema();
    assert_eq!(
        schema.field_with_name("submitted_on").unwrap().data_type(),
        &DataType::Date32
    );
    assert_eq!(
        schema.field_with_name("year").unwrap().data_type(),
        &DataType::Int32
    );
    assert_eq!(
        schema.field_with_name("risk_count").unwrap().data_type(),
        &DataType::UInt32
    );
    let light = schema.field_with_name("light").unwrap();
    assert_eq!(light.dict_is_ordered(), Some(true));
    let lights = batch
        .column_by_name("light")
        .unwrap()
        .as_dictionary::<Int16Type>();
    let values: Vec<&str> = lights
        .values()
        .as_string::<i32>()
        .iter()
        .flatten()
        .collect();
    assert_eq!(values, ["green", "yellow", "red"]);
    let forecasts = batch
        .column_by_name("forecast")
        .unwrap()
        .as_dictionary::<Int16Type>();
    let values: Vec<&str> = forecasts
        .values()
        .as_string::<i32>()
        .iter()
        .flatten()
        .collect();
    assert_eq!(
        values,
        [
            "achieved",
            "on_track",
            "at_risk",
            "unlikely",
            "not_achieved"
        ]
    );
    let tertials = batch
        .column_by_name("tertial")
        .unwrap()
        .as_dictionary::<Int16Type>();
    let values: Vec<&str> = tertials
        .values()
        .as_string::<i32>()
        .iter()
        .flatten()
        .collect();
    assert_eq!(values, ["2022-T1", "2022-T2", "2022-T3"]);
    assert_eq!(
        light
            .metadata()
            .get("zielsystem:header_de")
            .map(String::as_str),
        Some("Ampel")
    );
}

#[test]
fn an_empty_table_has_the_same_schema() {
    let empty: Vec<AttainmentRow> = Vec::new();
    let batch: RecordBatch = record_batch(&empty).unwrap();
    assert_eq!(batch.num_rows(), 0);
    assert_eq!(batch.schema(), schema::<AttainmentRow>());
    for column in batch.columns() {
        assert_ne!(column.data_type(), &DataType::Null);
    }
}

#[test]
fn excel_csv_has_bom_semicolons_german_headers_and_every_row() {
    let rows = corpus().attainment_table();
    let bytes = to_csv(&rows, CsvDialect::Excel).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers[0], "Bezirksamt");
    assert!(headers.contains(&"Risikoorientierte Einschätzung".to_string()));
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), rows.len());
    let light = headers.iter().position(|h| h == "Ampel").unwrap();
    assert!(
        records
            .iter()
            .all(|r| ["grün", "gelb", "rot"].contains(&&r[light]))
    );
    let submitted = headers.iter().position(|h| h == "Eingereicht am").unwrap();
    assert_eq!(records[0][submitted].len(), "31.05.2022".len());
}

#[test]
fn plain_csv_has_json_names_and_values() {
    let rows = corpus().attainment_table();
    let bytes = to_csv(&rows, CsvDialect::Plain).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers, <AttainmentRow as Row>::columns());
    assert_eq!(reader.records().count(), rows.len());
}

#[test]
fn hostile_texts_never_become_formulas() {
    let rows = hostile(corpus().countermeasure_table());
    assert!(
        rows.len() >= 7,
        "the example has enough countermeasure rows"
    );
    for dialect in [CsvDialect::Plain, CsvDialect::Excel] {
        let bytes = to_csv(&rows, dialect).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let delimiter = if dialect == CsvDialect::Excel {
            b';'
        } else {
            b','
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let column = reader
            .headers()
            .unwrap()
            .iter()
            .position(|h| h == "description" || h == "Aktivität zur Gegensteuerung")
            .unwrap();
        let cells: Vec<String> = reader
            .records()
            .take(7)
            .map(|r| r.unwrap()[column].to_string())
            .collect();
        assert_eq!(
            cells,
            [
                "'=1+1",
                "'+SUM(A1)",
                "'-2+3",
                "'@cmd",
                "'\tTab",
                "'\rCR",
                "harmlos"
            ]
        );
    }
    // XLSX: the texts stay as they are, in string cells (never formulas).
    let bytes = to_xlsx(&rows).unwrap();
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = workbook.worksheet_range("Gegensteuerung").unwrap();
    let formulas = workbook.worksheet_formula("Gegensteuerung").unwrap();
    assert!(formulas.cells().all(|(_, _, f)| f.is_empty()));
    let column = (0..range.width())
        .find(|c| range.get((0, *c)) == Some(&Data::String("Aktivität zur Gegensteuerung".into())))
        .unwrap();
    assert_eq!(range.get((1, column)), Some(&Data::String("=1+1".into())));
    assert_eq!(range.get((4, column)), Some(&Data::String("@cmd".into())));
}

#[test]
fn xlsx_has_german_headers_labels_and_every_row() {
    let rows = corpus().attainment_table();
    let bytes = to_xlsx(&rows).unwrap();
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = workbook.worksheet_range("Zielerreichung").unwrap();
    assert_eq!(range.height(), rows.len() + 1);
    assert_eq!(range.get((0, 0)), Some(&Data::String("Bezirksamt".into())));
    let light = (0..range.width())
        .find(|c| range.get((0, *c)) == Some(&Data::String("Ampel".into())))
        .unwrap();
    for row in 1..range.height() {
        let Some(Data::String(label)) = range.get((row, light)) else {
            panic!("light of row {row} is not a string");
        };
        assert!(["grün", "gelb", "rot"].contains(&label.as_str()));
    }
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_round_trip_and_partitions() {
    let rows = corpus().attainment_table();
    let folder = std::env::temp_dir().join(format!("zielsystem-arrow-test-{}", std::process::id()));
    let file = folder.with_extension("parquet");
    zielsystem_arrow::parquet::write_file(&rows, &file).unwrap();
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
        std::fs::File::open(&file).unwrap(),
    )
    .unwrap()
    .build()
    .unwrap();
    let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
    assert_eq!(
        batches.iter().map(RecordBatch::num_rows).sum::<usize>(),
        rows.len()
    );
    assert_eq!(
        batches[0]
            .schema()
            .field_with_name("light")
            .unwrap()
            .dict_is_ordered(),
        Some(true)
    );
    std::fs::remove_file(&file).unwrap();
    let _ = std::fs::remove_dir_all(&folder);
    let files = zielsystem_arrow::parquet::write_partitioned(&rows, &folder).unwrap();
    assert_eq!(files, 1);
    assert!(
        folder
            .join("authority=Bezirksamt%20Mitte%20von%20Berlin/year=2022/part-0.parquet")
            .is_file()
    );
    // An existing folder is refused, not overwritten.
    assert!(zielsystem_arrow::parquet::write_partitioned(&rows, &folder).is_err());
    std::fs::remove_dir_all(&folder).unwrap();
}
