//! The JSON tree of the slow path: every member of an object kept, repeated keys included.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

/// A parsed JSON value that keeps every member of an object, repeated keys included, in order.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json<'a> {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    /// Borrowed from the source text unless written with an escape.
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// The members of an object.
pub(crate) type Members<'a> = [(Cow<'a, str>, Json<'a>)];

/// Up to how many members an object is searched for a repeated key by comparing keys pairwise;
/// beyond, a hash set finds them (linear even for hostile objects with 100,000 keys).
const COMPARED_PAIRWISE: usize = 24;

impl<'a> Json<'a> {
    /// The members of an object as the typed decoders see them: for a repeated key the last
    /// occurrence counts (as in `serde_json::Value`), in the order of those occurrences.
    pub(crate) fn effective_members<'m>(
        members: &'m Members<'a>,
    ) -> impl Iterator<Item = &'m (Cow<'a, str>, Json<'a>)> {
        // Objects without a repeated key are the rule: then every member counts.
        let last: Option<HashMap<&str, usize>> = Json::repeats(members).then(|| {
            members
                .iter()
                .enumerate()
                .map(|(index, (key, _))| (&**key, index))
                .collect()
        });
        members
            .iter()
            .enumerate()
            .filter_map(move |(index, member)| {
                let repeated_later = last
                    .as_ref()
                    .is_some_and(|last| last.get(&*member.0).is_some_and(|&l| l > index));
                (!repeated_later).then_some(member)
            })
    }

    /// Whether a key is repeated among `members`.
    pub(crate) fn repeats(members: &Members<'a>) -> bool {
        Json::repetitions(members).next().is_some()
    }

    /// The indexes of the members whose key an earlier member has already, in order.
    pub(crate) fn repetitions<'m>(members: &'m Members<'a>) -> impl Iterator<Item = usize> + 'm {
        let mut seen: Option<HashSet<&str>> =
            (members.len() > COMPARED_PAIRWISE).then(|| HashSet::with_capacity(members.len()));
        members
            .iter()
            .enumerate()
            .filter_map(move |(index, (key, _))| {
                let repeated = match &mut seen {
                    Some(seen) => !seen.insert(&**key),
                    None => members
                        .iter()
                        .take(index)
                        .any(|(earlier, _)| earlier == key),
                };
                repeated.then_some(index)
            })
    }
}

impl From<serde_json::Value> for Json<'_> {
    fn from(value: serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(n) => Json::Number(n),
            Value::String(s) => Json::String(Cow::Owned(s)),
            Value::Array(items) => Json::Array(items.into_iter().map(Json::from).collect()),
            Value::Object(members) => Json::Object(
                members
                    .into_iter()
                    .map(|(key, value)| (Cow::Owned(key), Json::from(value)))
                    .collect(),
            ),
        }
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(value.into()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(value.into()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Json<'de>, E> {
        serde_json::Number::from_f64(value)
            .map(Json::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(value)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(value)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json<'de>, D::Error> {
        Json::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element::<Json<'de>>()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut members = Vec::new();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let value = map.next_value::<Json<'de>>()?;
            members.push((key, value));
        }
        Ok(Json::Object(members))
    }
}

/// A key of an object, borrowed from the source text unless written with an escape.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(value)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(value)))
    }
}
