//! The JSON tree of the slow path: every member of an object kept, repeated keys included.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

/// A parsed JSON value that keeps every member of an object, repeated keys included, in order.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Up to how many members an object is searched for a repeated key by comparing keys pairwise;
/// beyond, a hash set finds them (linear even for hostile objects with 100,000 keys).
const COMPARED_PAIRWISE: usize = 24;

impl Json {
    /// The members of an object as the typed decoders see them: for a repeated key the last
    /// occurrence counts (as in `serde_json::Value`), in the order of those occurrences.
    pub(crate) fn effective_members(
        members: &[(String, Json)],
    ) -> impl Iterator<Item = &(String, Json)> {
        // Objects without a repeated key are the rule: then every member counts.
        let last: Option<HashMap<&str, usize>> = Json::repeats(members).then(|| {
            members
                .iter()
                .enumerate()
                .map(|(index, (key, _))| (key.as_str(), index))
                .collect()
        });
        members
            .iter()
            .enumerate()
            .filter_map(move |(index, member)| {
                let repeated_later = last
                    .as_ref()
                    .is_some_and(|last| last.get(member.0.as_str()).is_some_and(|&l| l > index));
                (!repeated_later).then_some(member)
            })
    }

    /// Whether a key is repeated among `members`.
    pub(crate) fn repeats(members: &[(String, Json)]) -> bool {
        Json::repetitions(members).next().is_some()
    }

    /// The indexes of the members whose key an earlier member has already, in order.
    pub(crate) fn repetitions(members: &[(String, Json)]) -> impl Iterator<Item = usize> + '_ {
        let mut seen: Option<HashSet<&str>> =
            (members.len() > COMPARED_PAIRWISE).then(|| HashSet::with_capacity(members.len()));
        members
            .iter()
            .enumerate()
            .filter_map(move |(index, (key, _))| {
                let repeated = match &mut seen {
                    Some(seen) => !seen.insert(key.as_str()),
                    None => members
                        .iter()
                        .take(index)
                        .any(|(earlier, _)| earlier == key),
                };
                repeated.then_some(index)
            })
    }
}

impl From<serde_json::Value> for Json {
    fn from(value: serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(n) => Json::Number(n),
            Value::String(s) => Json::String(s),
            Value::Array(items) => Json::Array(items.into_iter().map(Json::from).collect()),
            Value::Object(members) => Json::Object(
                members
                    .into_iter()
                    .map(|(key, value)| (key, Json::from(value)))
                    .collect(),
            ),
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Json, E> {
        Ok(Json::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Json, E> {
        Ok(Json::Number(value.into()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Json, E> {
        Ok(Json::Number(value.into()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Json, E> {
        serde_json::Number::from_f64(value)
            .map(Json::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Json, E> {
        Ok(Json::String(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Json, E> {
        Ok(Json::String(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        Json::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element::<Json>()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value::<Json>()?;
            members.push((key, value));
        }
        Ok(Json::Object(members))
    }
}
