//! Bounded decoding of texts and lists: typed decoding refuses what the published schemas refuse
//! with `maxLength` and `maxItems` ([`crate::decode::limits`]).
//!
//! A field that carries `#[schemars(length(max = …))]` deserializes through the function of this
//! module with the same constant, so typed decoding fails exactly where the schema does; the
//! schema-level pass ([`crate::rules::decode`]) then reports the `SCHEMA_LIMIT` finding with its
//! path. A list is refused at its first surplus entry, before anything more of it is read.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, Error, SeqAccess, Visitor};

use crate::decode::limits::{
    GOALS_MAX_ITEMS, ID_MAX_CHARS, LIST_MAX_ITEMS, NAME_MAX_CHARS, REFERENCES_MAX_ITEMS,
    TEXT_MAX_CHARS, char_len,
};

fn check_length<E: Error>(text: Cow<'_, str>, limit: usize) -> Result<String, E> {
    // A text of at most `limit` bytes has at most `limit` characters: count only when needed.
    if text.len() > limit && char_len(&text) > limit {
        return Err(E::custom(format_args!(
            "text longer than {limit} characters"
        )));
    }
    Ok(text.into_owned())
}

fn bounded_text<'de, D: Deserializer<'de>>(
    deserializer: D,
    limit: usize,
) -> Result<String, D::Error> {
    check_length(Cow::<'de, str>::deserialize(deserializer)?, limit)
}

fn bounded_optional_text<'de, D: Deserializer<'de>>(
    deserializer: D,
    limit: usize,
) -> Result<Option<String>, D::Error> {
    Option::<Cow<'de, str>>::deserialize(deserializer)?
        .map(|text| check_length(text, limit))
        .transpose()
}

/// An identifier as an element of a list.
struct Id(String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        bounded_text(deserializer, ID_MAX_CHARS).map(Id)
    }
}

struct BoundedList<T> {
    limit: usize,
    element: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for BoundedList<T> {
    type Value = Vec<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "a list of at most {} entries", self.limit)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(self.limit));
        while let Some(item) = seq.next_element::<T>()? {
            if items.len() == self.limit {
                return Err(A::Error::custom(format_args!(
                    "list longer than {} entries",
                    self.limit
                )));
            }
            items.push(item);
        }
        Ok(items)
    }
}

fn bounded_list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
    limit: usize,
) -> Result<Vec<T>, D::Error> {
    deserializer.deserialize_seq(BoundedList {
        limit,
        element: PhantomData,
    })
}

/// An identifier of at most [`ID_MAX_CHARS`] characters.
pub fn id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    bounded_text(deserializer, ID_MAX_CHARS)
}

/// A name or title of at most [`NAME_MAX_CHARS`] characters.
pub fn name<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    bounded_text(deserializer, NAME_MAX_CHARS)
}

/// An optional name of at most [`NAME_MAX_CHARS`] characters.
pub fn optional_name<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    bounded_optional_text(deserializer, NAME_MAX_CHARS)
}

/// A free text of at most [`TEXT_MAX_CHARS`] characters.
pub fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    bounded_text(deserializer, TEXT_MAX_CHARS)
}

/// An optional free text of at most [`TEXT_MAX_CHARS`] characters.
pub fn optional_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    bounded_optional_text(deserializer, TEXT_MAX_CHARS)
}

/// A list of at most [`LIST_MAX_ITEMS`] entries.
pub fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    bounded_list(deserializer, LIST_MAX_ITEMS)
}

/// The goals of a target system: at most [`GOALS_MAX_ITEMS`].
pub fn goals<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    bounded_list(deserializer, GOALS_MAX_ITEMS)
}

/// References to org units (of a goal or a countermeasure): at most [`REFERENCES_MAX_ITEMS`].
pub fn references<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    bounded_list(deserializer, REFERENCES_MAX_ITEMS)
}

/// References to org units, each an identifier of at most [`ID_MAX_CHARS`] characters: at most
/// [`REFERENCES_MAX_ITEMS`].
pub fn id_references<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let ids: Vec<Id> = bounded_list(deserializer, REFERENCES_MAX_ITEMS)?;
    Ok(ids.into_iter().map(|Id(id)| id).collect())
}

/// Goal references of the form `"<year>/<goal id>"`, each of at most [`NAME_MAX_CHARS`]
/// characters: at most [`REFERENCES_MAX_ITEMS`].
pub fn name_references<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<String>, D::Error> {
    let names: Vec<Name> = bounded_list(deserializer, REFERENCES_MAX_ITEMS)?;
    Ok(names.into_iter().map(|Name(name)| name).collect())
}

/// A name as an element of a list.
struct Name(String);

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        bounded_text(deserializer, NAME_MAX_CHARS).map(Name)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Probe {
        #[serde(deserialize_with = "id")]
        id: String,
        #[serde(default, deserialize_with = "optional_name")]
        name: Option<String>,
        #[serde(deserialize_with = "id_references")]
        refs: Vec<String>,
    }

    fn probe(id: &str, name: Option<&str>, refs: usize) -> Result<Probe, serde_json::Error> {
        let value = serde_json::json!({"id": id, "name": name, "refs": vec!["x"; refs]});
        serde_json::from_value(value)
    }

    #[test]
    fn limits_are_inclusive_and_count_characters() {
        let at_limit = "ä".repeat(ID_MAX_CHARS);
        assert_eq!(probe(&at_limit, None, 0).unwrap().id, at_limit);
        assert!(probe(&format!("{at_limit}x"), None, 0).is_err());
        assert!(probe("a", Some(&"n".repeat(NAME_MAX_CHARS)), 0).is_ok());
        let long = probe("a", Some(&"n".repeat(NAME_MAX_CHARS + 1)), 0).unwrap_err();
        assert!(long.to_string().contains("longer than 300"), "{long}");
        assert_eq!(probe("a", None, 0).unwrap().name, None);
        assert_eq!(
            probe("a", None, REFERENCES_MAX_ITEMS).unwrap().refs.len(),
            REFERENCES_MAX_ITEMS
        );
        let many = probe("a", None, REFERENCES_MAX_ITEMS + 1).unwrap_err();
        assert!(many.to_string().contains("list longer than"), "{many}");
    }

    #[test]
    fn ids_in_lists_are_bounded_too() {
        let value = serde_json::json!({"id": "a", "refs": ["x".repeat(ID_MAX_CHARS + 1)]});
        assert!(serde_json::from_value::<Probe>(value).is_err());
        let missing_name = serde_json::json!({"id": "a", "refs": []});
        assert!(serde_json::from_value::<Probe>(missing_name).is_ok());
    }
}
