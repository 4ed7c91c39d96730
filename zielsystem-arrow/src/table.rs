//! One schema per table: its columns, each with its name, German header, Arrow type and how to read
//! it from a row. The same definition builds the record batch, the empty table's schema, the CSV
//! and the XLSX sheet, so the exports cannot disagree about a column.

use std::collections::BTreeSet;
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int32Builder, ListBuilder, StringBuilder,
    UInt32Builder,
};
use arrow_array::types::Int16Type;
use arrow_array::{ArrayRef, DictionaryArray, Int16Array, RecordBatch, StringArray};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use zielsystem_core::Tertial;

/// A closed vocabulary as an ordered category: its JSON values in order (the order of the scale:
/// `red` > `yellow` > `green`) and their German labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Category {
    /// The JSON values, in the vocabulary's order.
    pub values: &'static [&'static str],
    /// The German label of each value, in the same order.
    pub labels_de: &'static [&'static str],
}

impl Category {
    /// The German label of the value at `index`.
    pub fn label_de(&self, index: usize) -> &'static str {
        self.labels_de.get(index).copied().unwrap_or_default()
    }

    /// The JSON value at `index`.
    pub fn value(&self, index: usize) -> &'static str {
        self.values.get(index).copied().unwrap_or_default()
    }
}

/// How a column is read from a row of type `R`, and its Arrow type.
pub enum Value<R> {
    /// Text (`utf8`).
    Text(for<'a> fn(&'a R) -> Option<&'a str>),
    /// Free text from a sheet or system (titles, risks, countermeasures): like `Text`, and
    /// neutralised in CSV so a spreadsheet never reads it as a formula.
    FreeText(for<'a> fn(&'a R) -> Option<&'a str>),
    /// A list of ids (`list<utf8>`).
    TextList(for<'a> fn(&'a R) -> &'a [String]),
    /// An integer that may be negative (`int32`).
    Int32(fn(&R) -> Option<i32>),
    /// A count or other whole number ≥ 0 (`uint32`).
    UInt32(fn(&R) -> Option<u32>),
    /// A measure (`float64`).
    Float64(fn(&R) -> Option<f64>),
    /// A day (`date32`).
    Date(fn(&R) -> Option<NaiveDate>),
    /// A yes/no (`bool`).
    Bool(fn(&R) -> Option<bool>),
    /// A closed vocabulary: an ordered dictionary (`dictionary<int16, utf8>`) over every value of
    /// the vocabulary, in its order, whether it occurs or not.
    Category(Category, fn(&R) -> Option<usize>),
    /// A tertial: an ordered dictionary over the tertials that occur, in calendar order.
    Tertial(fn(&R) -> Option<Tertial>),
}

/// One column of a table.
pub struct Column<R> {
    /// The column name (the row type's JSON key).
    pub name: &'static str,
    /// The German header of exports meant for people.
    pub header_de: &'static str,
    /// Whether the column can be empty.
    pub nullable: bool,
    /// How the column is read.
    pub value: Value<R>,
}

impl<R> Column<R> {
    /// A column that is never empty.
    pub fn new(name: &'static str, header_de: &'static str, value: Value<R>) -> Self {
        Column {
            name,
            header_de,
            nullable: false,
            value,
        }
    }

    /// A column that may be empty.
    pub fn optional(name: &'static str, header_de: &'static str, value: Value<R>) -> Self {
        Column {
            name,
            header_de,
            nullable: true,
            value,
        }
    }

    fn data_type(&self) -> DataType {
        match self.value {
            Value::Text(_) | Value::FreeText(_) => DataType::Utf8,
            Value::TextList(_) => {
                DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true)))
            }
            Value::Int32(_) => DataType::Int32,
            Value::UInt32(_) => DataType::UInt32,
            Value::Float64(_) => DataType::Float64,
            Value::Date(_) => DataType::Date32,
            Value::Bool(_) => DataType::Boolean,
            Value::Category(..) | Value::Tertial(_) => {
                DataType::Dictionary(Box::new(DataType::Int16), Box::new(DataType::Utf8))
            }
        }
    }

    /// The Arrow field: dictionaries ordered, the German header in the field's metadata
    /// (`zielsystem:header_de`).
    pub fn field(&self) -> Field {
        Field::new(self.name, self.data_type(), self.nullable)
            .with_dict_is_ordered(true)
            .with_metadata(
                [(
                    "zielsystem:header_de".to_string(),
                    self.header_de.to_string(),
                )]
                .into(),
            )
    }
}

/// A row type with a table schema: adding a table to the exports is one implementation.
pub trait ArrowRow: Sized {
    /// The table's name (`attainment`, `countermeasures`, …).
    const TABLE: &'static str;
    /// The German name of the table (the XLSX sheet's name, at most 31 characters).
    const TITLE_DE: &'static str;
    /// The columns, in order.
    fn columns() -> Vec<Column<Self>>;

    /// The authority and year of the row, for tables that can be partitioned by them.
    fn authority_year(&self) -> Option<(&str, i32)> {
        None
    }
}

/// The Arrow schema of a row type (also the schema of its empty table).
pub fn schema<R: ArrowRow>() -> SchemaRef {
    schema_of(&R::columns())
}

pub(crate) fn schema_of<R>(columns: &[Column<R>]) -> SchemaRef {
    Arc::new(Schema::new(
        columns.iter().map(Column::field).collect::<Vec<_>>(),
    ))
}

/// `1970-01-01` as the day count of `date32`.
fn days_since_epoch(day: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    i32::try_from((day - epoch).num_days()).unwrap_or(i32::MAX)
}

fn dictionary(keys: Vec<Option<i16>>, values: &[&str]) -> Result<ArrayRef, ArrowError> {
    let keys = Int16Array::from(keys);
    let values = Arc::new(StringArray::from(values.to_vec()));
    Ok(Arc::new(DictionaryArray::<Int16Type>::try_new(
        keys, values,
    )?))
}

fn array<R>(column: &Column<R>, rows: &[&R]) -> Result<ArrayRef, ArrowError> {
    let n = rows.len();
    Ok(match column.value {
        Value::Text(get) | Value::FreeText(get) => {
            let mut builder = StringBuilder::with_capacity(n, n * 16);
            for row in rows {
                builder.append_option(get(*row));
            }
            Arc::new(builder.finish())
        }
        Value::TextList(get) => {
            let mut builder = ListBuilder::new(StringBuilder::new());
            for row in rows {
                for item in get(*row) {
                    builder.values().append_value(item);
                }
                builder.append(true);
            }
            Arc::new(builder.finish())
        }
        Value::Int32(get) => {
            let mut builder = Int32Builder::with_capacity(n);
            for row in rows {
                builder.append_option(get(*row));
            }
            Arc::new(builder.finish())
        }
        Value::UInt32(get) => {
            let mut builder = UInt32Builder::with_capacity(n);
            for row in rows {
                builder.append_option(get(*row));
            }
            Arc::new(builder.finish())
        }
        Value::Float64(get) => {
            let mut builder = Float64Builder::with_capacity(n);
            for row in rows {
                builder.append_option(get(*row));
            }
            Arc::new(builder.finish())
        }
        Value::Date(get) => {
            let mut builder = Date32Builder::with_capacity(n);
            for row in rows {
                builder.append_option(get(*row).map(days_since_epoch));
            }
            Arc::new(builder.finish())
        }
        Value::Bool(get) => {
            let mut builder = BooleanBuilder::with_capacity(n);
            for row in rows {
                builder.append_option(get(*row));
            }
            Arc::new(builder.finish())
        }
        Value::Category(category, get) => {
            let keys = rows
                .iter()
                .map(|row| get(*row).and_then(|index| i16::try_from(index).ok()))
                .collect();
            dictionary(keys, category.values)?
        }
        Value::Tertial(get) => {
            let present: BTreeSet<Tertial> = rows.iter().filter_map(|row| get(*row)).collect();
            let order: Vec<Tertial> = present.into_iter().collect();
            let codes: Vec<String> = order.iter().map(ToString::to_string).collect();
            let keys = rows
                .iter()
                .map(|row| {
                    get(*row)
                        .and_then(|t| order.binary_search(&t).ok())
                        .and_then(|index| i16::try_from(index).ok())
                })
                .collect();
            let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
            dictionary(keys, &codes)?
        }
    })
}

/// The rows as one Arrow record batch of the row type's schema (no rows: the empty table of the
/// same schema).
pub fn record_batch<R: ArrowRow>(rows: &[R]) -> Result<RecordBatch, ArrowError> {
    let rows: Vec<&R> = rows.iter().collect();
    record_batch_of(&R::columns(), &rows)
}

/// The rows as one record batch of the given columns.
pub fn record_batch_of<R>(columns: &[Column<R>], rows: &[&R]) -> Result<RecordBatch, ArrowError> {
    let columns: Vec<&Column<R>> = columns.iter().collect();
    record_batch_of_refs(&columns, rows)
}

/// [`record_batch_of`] over borrowed columns.
pub fn record_batch_of_refs<R>(
    columns: &[&Column<R>],
    rows: &[&R],
) -> Result<RecordBatch, ArrowError> {
    let arrays = columns
        .iter()
        .map(|column| array(column, rows))
        .collect::<Result<Vec<_>, _>>()?;
    let schema = Arc::new(Schema::new(
        columns.iter().map(|c| c.field()).collect::<Vec<_>>(),
    ));
    RecordBatch::try_new(schema, arrays)
}
