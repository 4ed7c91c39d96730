//! Typed decoding from the tree of the slow path: `&Json` is a serde `Deserializer`, as
//! `serde_json`'s `&Value` is, so a repaired tree ([`crate::decode::across`]) is decoded where it
//! is, without converting it into a `Value` or writing it out and parsing it again.
//!
//! It mirrors `serde_json`'s deserializer of `&Value` method by method (the same visits, the same
//! refusals), reading an object as typed decoding does: for a repeated key the last occurrence
//! counts ([`Json::effective_members`]). Keys are read as texts only: the published schemas have
//! no maps with other keys.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Expected, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};

use std::borrow::Cow;
use std::fmt;

use crate::decode::tree::{Json, Members};

/// Why a tree does not decode. Only that it does not counts (the repair then makes its next
/// attempt), so no message is written: serde's refusals cost no formatting.
#[derive(Debug)]
pub(crate) struct Error;

impl fmt::Display for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("the tree does not decode as the type")
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        Error
    }
}

/// A number as `serde_json` visits it: an unsigned integer, a negative one, or a double.
fn visit_number<'de, V: Visitor<'de>>(
    number: &serde_json::Number,
    visitor: V,
) -> Result<V::Value, Error> {
    if let Some(n) = number.as_u64() {
        visitor.visit_u64(n)
    } else if let Some(n) = number.as_i64() {
        visitor.visit_i64(n)
    } else {
        visitor.visit_f64(number.as_f64().unwrap_or(f64::NAN))
    }
}

impl Json<'_> {
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Json::Null => Unexpected::Unit,
            Json::Bool(b) => Unexpected::Bool(*b),
            Json::Number(number) => {
                if let Some(n) = number.as_u64() {
                    Unexpected::Unsigned(n)
                } else if let Some(n) = number.as_i64() {
                    Unexpected::Signed(n)
                } else {
                    Unexpected::Float(number.as_f64().unwrap_or(f64::NAN))
                }
            }
            Json::String(text) => Unexpected::Str(text),
            Json::Array(_) => Unexpected::Seq,
            Json::Object(_) => Unexpected::Map,
        }
    }

    fn invalid_type(&self, expected: &dyn Expected) -> Error {
        de::Error::invalid_type(self.unexpected(), expected)
    }
}

fn visit_items<'de, V: Visitor<'de>>(
    items: &'de [Json<'de>],
    unique_keys: bool,
    visitor: V,
) -> Result<V::Value, Error> {
    let length = items.len();
    let mut access = Items(items.iter(), unique_keys);
    let value = visitor.visit_seq(&mut access)?;
    if access.0.len() == 0 {
        Ok(value)
    } else {
        Err(de::Error::invalid_length(
            length,
            &"fewer elements in array",
        ))
    }
}

fn visit_members<'de, V: Visitor<'de>>(
    members: &'de Members<'de>,
    unique_keys: bool,
    visitor: V,
) -> Result<V::Value, Error> {
    if !unique_keys && Json::repeats(members) {
        let effective: Vec<&(Cow<'de, str>, Json<'de>)> =
            Json::effective_members(members).collect();
        visit_map(effective.into_iter(), unique_keys, visitor)
    } else {
        visit_map(members.iter(), unique_keys, visitor)
    }
}

fn visit_map<'de, V: Visitor<'de>, I: ExactSizeIterator<Item = &'de (Cow<'de, str>, Json<'de>)>>(
    members: I,
    unique_keys: bool,
    visitor: V,
) -> Result<V::Value, Error> {
    let length = members.len();
    let mut access = MemberAccess {
        members,
        unique_keys,
        value: None,
    };
    let value = visitor.visit_map(&mut access)?;
    if access.members.len() == 0 {
        Ok(value)
    } else {
        Err(de::Error::invalid_length(length, &"fewer elements in map"))
    }
}

/// A tree to decode, and whether it is known to have no repeated key (then objects are not
/// searched for one).
#[derive(Clone, Copy)]
pub(crate) struct Tree<'de> {
    pub(crate) json: &'de Json<'de>,
    pub(crate) unique_keys: bool,
}

macro_rules! numbers {
    ($($method:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.json {
                Json::Number(number) => visit_number(number, visitor),
                other => Err(other.invalid_type(&visitor)),
            }
        }
    )*};
}

impl<'de> Deserializer<'de> for Tree<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.json {
            Json::Null => visitor.visit_unit(),
            Json::Bool(b) => visitor.visit_bool(*b),
            Json::Number(number) => visit_number(number, visitor),
            Json::String(text) => visitor.visit_borrowed_str(text),
            Json::Array(items) => visit_items(items, self.unique_keys, visitor),
            Json::Object(members) => visit_members(members, self.unique_keys, visitor),
        }
    }

    numbers!(
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
    );

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.json {
            Json::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.json {
            Json::Object(members) => {
                let mut effective = Json::effective_members(members);
                let (Some((variant, value)), None) = (effective.next(), effective.next()) else {
                    return Err(de::Error::invalid_value(
                        Unexpected::Map,
                        &"map with a single key",
                    ));
                };
                visitor.visit_enum(Variant {
                    variant,
                    value: Some(Tree {
                        json: value,
                        unique_keys: self.unique_keys,
                    }),
                })
            }
            Json::String(variant) => visitor.visit_enum(Variant {
                variant,
                value: None,
            }),
            other => Err(de::Error::invalid_type(
                other.unexpected(),
                &"string or map",
            )),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.json {
            Json::Bool(b) => visitor.visit_bool(*b),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.json {
            Json::String(text) => visitor.visit_borrowed_str(text),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.json {
            Json::String(text) => visitor.visit_borrowed_str(text),
            Json::Array(items) => visit_items(items, self.unique_keys, visitor),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.json {
            Json::Null => visitor.visit_unit(),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.json {
            Json::Array(items) => visit_items(items, self.unique_keys, visitor),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.json {
            Json::Object(members) => visit_members(members, self.unique_keys, visitor),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.json {
            Json::Array(items) => visit_items(items, self.unique_keys, visitor),
            Json::Object(members) => visit_members(members, self.unique_keys, visitor),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// The entries of a list.
struct Items<'de>(std::slice::Iter<'de, Json<'de>>, bool);

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let unique_keys = self.1;
        self.0
            .next()
            .map(|json| seed.deserialize(Tree { json, unique_keys }))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// The members of an object that count.
struct MemberAccess<'de, I> {
    members: I,
    unique_keys: bool,
    value: Option<Tree<'de>>,
}

impl<'de, I: ExactSizeIterator<Item = &'de (Cow<'de, str>, Json<'de>)>> MapAccess<'de>
    for MemberAccess<'de, I>
{
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        self.value = Some(Tree {
            json: value,
            unique_keys: self.unique_keys,
        });
        seed.deserialize(BorrowedStrDeserializer::<Error>::new(key))
            .map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(value),
            None => Err(de::Error::custom("value is missing")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

/// A variant of an enumeration: its name, and its value where it has one.
struct Variant<'de> {
    variant: &'de str,
    value: Option<Tree<'de>>,
}

impl<'de> EnumAccess<'de> for Variant<'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), Error> {
        let variant = seed.deserialize(self.variant.into_deserializer())?;
        Ok((variant, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.value {
            Some(value) => serde::Deserialize::deserialize(value),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        match self.value {
            Some(value) => seed.deserialize(value),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.value.map(|tree| (tree.json, tree.unique_keys)) {
            Some((Json::Array(items), _)) if items.is_empty() => visitor.visit_unit(),
            Some((Json::Array(items), unique_keys)) => visit_items(items, unique_keys, visitor),
            Some((other, _)) => Err(de::Error::invalid_type(
                other.unexpected(),
                &"tuple variant",
            )),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value.map(|tree| (tree.json, tree.unique_keys)) {
            Some((Json::Object(members), unique_keys)) => {
                visit_members(members, unique_keys, visitor)
            }
            Some((other, _)) => Err(de::Error::invalid_type(
                other.unexpected(),
                &"struct variant",
            )),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::Tree;
    use crate::decode::strict::StrictStructs;
    use crate::decode::syntax::parse_tree;
    use crate::model::report_sheet::ReportSheet;
    use serde::Deserialize;

    /// The same typed value from the tree as from the text, and the same refusals.
    #[test]
    fn decodes_as_typed_decoding_does() {
        let text = include_str!("../../../tests/fixtures/rules-sheet-a01-t1.json");
        let tree = parse_tree(text.as_bytes()).unwrap();
        let from_tree = ReportSheet::deserialize(StrictStructs(Tree {
            json: &tree,
            unique_keys: false,
        }))
        .unwrap();
        let from_text: ReportSheet = crate::decode::strict::from_slice(text.as_bytes()).unwrap();
        assert_eq!(from_tree, from_text);
        for (from, to) in [
            (r#""forecast": ""#, r#""forecast": 3, "x": ""#),
            (r#""tertial": ""#, r#""tertial": ["#),
            (r#""goal": "A01""#, r#""goal": 1"#),
        ] {
            let broken = text.replacen(from, to, 1);
            assert_ne!(broken, text);
            let typed = crate::decode::strict::from_slice::<ReportSheet>(broken.as_bytes());
            let tree = parse_tree(broken.as_bytes());
            if let Ok(tree) = tree {
                assert_eq!(
                    ReportSheet::deserialize(StrictStructs(Tree {
                        json: &tree,
                        unique_keys: false
                    }))
                    .is_ok(),
                    typed.is_ok(),
                    "{to}"
                );
            }
        }
    }

    #[test]
    fn the_last_of_a_repeated_key_counts() {
        let tree = parse_tree(br#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        let map = std::collections::BTreeMap::<String, u8>::deserialize(Tree {
            json: &tree,
            unique_keys: false,
        })
        .unwrap();
        assert_eq!(map.get("a"), Some(&3));
        assert_eq!(map.len(), 2);
    }
}
