//! A deserializer adapter that reads structs from JSON objects only.
//!
//! serde's derived `Deserialize` for a struct also accepts a JSON *array* of the field values in
//! order (`["Text", "amt-soz"]` for a contribution), and `serde_json` offers that path. The JSON
//! Schema (`"type": "object"`) rejects it, so typed decoding must too, or the fast path would accept
//! documents the published schema refuses. [`StrictStructs`] wraps any deserializer, recursively,
//! and turns every `deserialize_struct` into `deserialize_map`; everything else passes through.

use std::fmt;

use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// Wraps a deserializer so that structs are read from maps only.
pub(crate) struct StrictStructs<D>(pub(crate) D);

struct Wrap<V>(V);
struct Seed<S>(S);

macro_rules! forward_deserialize {
    ($($method:ident),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
                self.0.$method(Wrap(visitor))
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for StrictStructs<D> {
    type Error = D::Error;

    forward_deserialize!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_unit_struct(name, Wrap(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_newtype_struct(name, Wrap(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple(len, Wrap(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple_struct(name, len, Wrap(visitor))
    }

    /// The point of the adapter: a struct is read as a map, never from a sequence.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(Wrap(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_enum(name, variants, Wrap(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(
            fn $method<E: serde::de::Error>(self, value: $ty) -> Result<V::Value, E> {
                self.0.$method(value)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(formatter)
    }

    forward_visit!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    fn visit_none<E: serde::de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(StrictStructs(deserializer))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(StrictStructs(deserializer))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(Wrap(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Wrap(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(Wrap(data))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(StrictStructs(deserializer))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Wrap<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Wrap<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Seed(seed))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Wrap<A> {
    type Error = A::Error;
    type Variant = Wrap<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        self.0
            .variant_seed(Seed(seed))
            .map(|(value, variant)| (value, Wrap(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Wrap<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Seed(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Wrap(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, Wrap(visitor))
    }
}

/// Typed decoding of a contract document: `serde_json::from_slice`, except that structs are read
/// from JSON objects only, as the published schemas demand. Use this (or
/// [`crate::rules::decode`]) rather than plain `serde_json` wherever outside input is read.
///
/// The bytes are checked to be UTF-8 once, as a whole (with SIMD), and then read as text: reading
/// bytes, `serde_json` checks every string on its own, which costs more. Bytes that are not UTF-8 take
/// the byte path, so errors (and their positions) are `serde_json`'s either way.
pub fn from_slice<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> serde_json::Result<T> {
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let value = T::deserialize(StrictStructs(&mut deserializer))?;
        deserializer.end()?;
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = T::deserialize(StrictStructs(&mut deserializer))?;
    deserializer.end()?;
    Ok(value)
}

/// The key a document may carry at its root to name its JSON Schema (for editors); ignored.
pub(crate) const SCHEMA_KEY: &str = "$schema";

/// Typed decoding of a whole document: [`from_slice`], except that the root object may carry a
/// `$schema` key with a text or `null` (the published schemas admit it), which is ignored. The second value
/// says whether one was dropped: the document was then read through a map, which keeps only the
/// last of a repeated key, so the caller must look for repeated keys itself.
pub(crate) fn from_document<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
) -> (serde_json::Result<T>, bool) {
    let error = match from_slice::<T>(bytes) {
        Ok(document) => return (Ok(document), false),
        Err(error) => error,
    };
    if !mentions_schema_key(bytes) {
        return (Err(error), false);
    }
    let Ok(mut root) = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(bytes)
    else {
        return (Err(error), false);
    };
    if !matches!(
        root.remove(SCHEMA_KEY),
        Some(serde_json::Value::String(_) | serde_json::Value::Null)
    ) {
        return (Err(error), false);
    }
    match T::deserialize(StrictStructs(serde_json::Value::Object(root))) {
        Ok(document) => (Ok(document), true),
        Err(_) => (Err(error), false),
    }
}

/// Whether `bytes` may hold a root `$schema` key: only then can [`from_document`] read a document
/// that [`from_slice`] refuses.
pub(crate) fn mentions_schema_key(bytes: &[u8]) -> bool {
    // Most documents have no `$` at all: counting them (a loop the compiler vectorises, in `u8`s
    // per chunk of 255) is cheaper than looking at every window.
    let dollars = bytes.chunks(255).any(|chunk| {
        chunk
            .iter()
            .fold(0u8, |count, &b| count.wrapping_add(u8::from(b == b'$')))
            > 0
    });
    dollars
        && bytes
            .windows(SCHEMA_KEY.len() + 2)
            .any(|window| window.get(1..=SCHEMA_KEY.len()) == Some(SCHEMA_KEY.as_bytes()))
}

/// `from_document` for callers outside the schema-level pass: `serde_json::from_slice`, except
/// that structs are read from JSON objects only and a root `$schema` text is ignored.
pub fn from_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> serde_json::Result<T> {
    from_document(bytes).0
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::report_sheet::{Contribution, ReportSheet};

    #[test]
    fn structs_come_from_objects_only() {
        let plain: Contribution = serde_json::from_str(r#"["Text", "amt-soz"]"#).unwrap();
        assert_eq!(
            plain.text, "Text",
            "serde alone reads a struct from an array"
        );
        assert!(from_slice::<Contribution>(br#"["Text", "amt-soz"]"#).is_err());
        let strict: Contribution = from_slice(br#"{"text": "Text", "org_unit": null}"#).unwrap();
        assert_eq!(strict.org_unit, None);
        assert!(from_slice::<Vec<Contribution>>(br#"[{"text": "a"}, ["b"]]"#).is_err());
        assert!(from_slice::<Option<Contribution>>(br#"["b"]"#).is_err());
    }

    #[test]
    fn a_root_schema_key_is_ignored() {
        let text = include_str!("../../../tests/fixtures/rules-sheet-a01-t1.json");
        let linked = text.replacen(
            '{',
            r#"{"$schema": "../schemas/report-sheet.schema.json","#,
            1,
        );
        let plain: ReportSheet = from_slice(text.as_bytes()).unwrap();
        let (linked, dropped) = from_document::<ReportSheet>(linked.as_bytes());
        assert_eq!((linked.unwrap(), dropped), (plain, true));
        let not_a_text = text.replacen('{', r#"{"$schema": 1,"#, 1);
        assert!(
            from_document::<ReportSheet>(not_a_text.as_bytes())
                .0
                .is_err()
        );
        let nested = text.replacen(r#""text":"#, r#""$schema": "x", "text":"#, 1);
        assert_ne!(nested, text);
        assert!(from_document::<ReportSheet>(nested.as_bytes()).0.is_err());
    }

    #[test]
    fn whole_documents_decode_as_before() {
        let text = include_str!("../../../tests/fixtures/rules-sheet-a01-t1.json");
        let strict: ReportSheet = from_slice(text.as_bytes()).unwrap();
        let plain: ReportSheet = serde_json::from_str(text).unwrap();
        assert_eq!(strict, plain);
        assert!(
            from_slice::<ReportSheet>(b"{} x").is_err(),
            "trailing characters"
        );
    }
}
