//! A record as a flat run of items ([`Tape`]): what the JSON writer writes, before it is text.
//! A program that keeps records in memory in its own objects (the Python module builds dicts
//! and lists) walks the tape instead of writing JSON and parsing it again.
//!
//! The tape is made by serializing the very record the JSON writer serializes, so it has the
//! same fields in the same order and the same values: a builder that follows it builds what a
//! JSON parser would build from the JSON line. Its strings live in one buffer, so making a tape
//! costs a few allocations, however many fields the record has.

use serde::Serialize;
use serde::ser::{self, Impossible};

use crate::json::{error_record, record};
use crate::{Analysis, Unreadable};

/// What serde_json names the struct that carries a [`serde_json::value::RawValue`]'s JSON text
/// (a carried input field): that text is passed on as [`Item::Json`].
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// One document's record as a flat run of items.
#[derive(Clone, Debug, Default)]
pub struct Tape {
    tokens: Vec<Token>,
    /// Every string of the record, one after the other.
    strings: String,
}

/// An item as stored: strings are ranges of [`Tape::strings`].
#[derive(Clone, Copy, Debug)]
enum Token {
    Map,
    List,
    End,
    Key(u32, u32),
    Str(u32, u32),
    Json(u32, u32),
    Int(i64),
    UInt(u64),
    Float(f64),
    Bool(bool),
    Null,
}

/// One item of a [`Tape`]. A map is [`Item::Map`], then a [`Item::Key`] and a value per entry,
/// then [`Item::End`]; a list is [`Item::List`], its values, then [`Item::End`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Item<'a> {
    Map,
    List,
    End,
    /// A map entry's name; its value follows.
    Key(&'a str),
    Str(&'a str),
    /// A value given as JSON text (a field carried from the input as it was read).
    Json(&'a str),
    Int(i64),
    UInt(u64),
    Float(f64),
    Bool(bool),
    Null,
}

impl Tape {
    /// The record of an analysed document: the items of [`write_json`](crate::write_json)'s line.
    pub fn record(analysis: &Analysis) -> Tape {
        Tape::of(&record(analysis))
    }

    /// The error record of a document that could not be read.
    pub fn error_record(unreadable: &Unreadable) -> Tape {
        Tape::of(&error_record(unreadable))
    }

    fn of(value: &impl Serialize) -> Tape {
        let mut tape = Tape::default();
        // The records are maps of strings and numbers, which the tape holds all of.
        value
            .serialize(&mut tape)
            .expect("a record is made of what a tape holds");
        tape
    }

    /// The items, in order.
    pub fn items(&self) -> impl Iterator<Item = Item<'_>> + '_ {
        let at = |start: u32, len: u32| &self.strings[start as usize..(start + len) as usize];
        self.tokens.iter().map(move |&token| match token {
            Token::Map => Item::Map,
            Token::List => Item::List,
            Token::End => Item::End,
            Token::Key(s, n) => Item::Key(at(s, n)),
            Token::Str(s, n) => Item::Str(at(s, n)),
            Token::Json(s, n) => Item::Json(at(s, n)),
            Token::Int(i) => Item::Int(i),
            Token::UInt(u) => Item::UInt(u),
            Token::Float(f) => Item::Float(f),
            Token::Bool(b) => Item::Bool(b),
            Token::Null => Item::Null,
        })
    }

    fn push_str(&mut self, s: &str) -> Result<(), Unsupported> {
        let start = u32::try_from(self.strings.len()).map_err(|_| Unsupported("4 GB of text"))?;
        let len = u32::try_from(s.len()).map_err(|_| Unsupported("4 GB of text"))?;
        self.strings.push_str(s);
        self.tokens.push(Token::Str(start, len));
        Ok(())
    }

    /// Turns the string just pushed into a key (or JSON text): `what` it was serialized for.
    fn retag_last(&mut self, what: fn(u32, u32) -> Token) -> Result<(), Unsupported> {
        match self.tokens.last_mut() {
            Some(last @ Token::Str(..)) => {
                let Token::Str(s, n) = *last else {
                    unreachable!("matched above")
                };
                *last = what(s, n);
                Ok(())
            }
            _ => Err(Unsupported("a map key or raw JSON that is not a string")),
        }
    }
}

/// What a record never holds (bytes, enum variants with data ...), should one ever be asked for.
#[derive(Debug)]
pub struct Unsupported(&'static str);

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a tape cannot hold {}", self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Unsupported("what a Serialize impl refused")
    }
}

/// A map or list being serialized; `raw` when it is serde_json's carrier of JSON text.
pub struct Compound<'a> {
    tape: &'a mut Tape,
    raw: bool,
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Impossible<(), Unsupported>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.tokens.push(Token::Bool(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        self.tokens.push(Token::Int(v));
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        self.tokens.push(Token::UInt(v));
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Unsupported> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unsupported> {
        // What serde_json writes for a float JSON cannot hold.
        self.tokens.push(if v.is_finite() {
            Token::Float(v)
        } else {
            Token::Null
        });
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.push_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        self.push_str(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        Err(Unsupported("bytes"))
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.tokens.push(Token::Null);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        self.push_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        Err(Unsupported("an enum variant with data"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        self.tokens.push(Token::List);
        Ok(Compound {
            tape: self,
            raw: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported("an enum variant with data"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        self.tokens.push(Token::Map);
        Ok(Compound {
            tape: self,
            raw: false,
        })
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Compound<'a>, Unsupported> {
        if name == RAW_VALUE {
            return Ok(Compound {
                tape: self,
                raw: true,
            });
        }
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported("an enum variant with data"))
    }
}

impl Compound<'_> {
    fn end(self) -> Result<(), Unsupported> {
        if !self.raw {
            self.tape.tokens.push(Token::End);
        }
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Unsupported> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Unsupported> {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Unsupported> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Unsupported> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Unsupported> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Unsupported> {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Unsupported> {
        key.serialize(&mut *self.tape)?;
        self.tape.retag_last(Token::Key)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Unsupported> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Unsupported> {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        if self.raw {
            value.serialize(&mut *self.tape)?;
            return self.tape.retag_last(Token::Json);
        }
        self.tape.push_str(key)?;
        self.tape.retag_last(Token::Key)?;
        value.serialize(&mut *self.tape)
    }
    fn skip_field(&mut self, _: &'static str) -> Result<(), Unsupported> {
        Ok(())
    }
    fn end(self) -> Result<(), Unsupported> {
        Compound::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tape holds what the JSON line holds, in the same order: written out as JSON text, it
    /// is the line, byte for byte.
    #[test]
    fn a_tape_is_the_json_line() {
        let mut doc = newsclaims_pipeline::Document::new(
            "d1",
            "“We will prevail,” Zelensky said. Prices rose 5% in May, the ministry said.",
        );
        doc.fields = vec![
            ("url".into(), "\"https://example.org/a\"".into()),
            ("tags".into(), "[1,{\"b\":null}]".into()),
            ("claims".into(), "[]".into()),
        ];
        let analysis = newsclaims_pipeline::analyze(&doc);
        let mut line = Vec::new();
        crate::write_json(&mut line, &analysis, false);
        assert_eq!(
            json_text(&Tape::record(&analysis)),
            String::from_utf8(line).unwrap()
        );

        let unreadable = Unreadable {
            id: "x".into(),
            kind: newsclaims_pipeline::ErrorKind::MalformedJson,
            message: "not JSON".into(),
            line: Some(3),
        };
        let mut line = Vec::new();
        crate::write_error_record(&mut line, &unreadable);
        assert_eq!(
            json_text(&Tape::error_record(&unreadable)),
            String::from_utf8(line).unwrap()
        );
    }

    /// Compact JSON text from a tape, as a builder of other objects would walk it.
    fn json_text(tape: &Tape) -> String {
        let mut out = String::new();
        // Per open map or list: its closing bracket and whether an item was written in it.
        let mut open: Vec<(char, bool)> = Vec::new();
        let mut after_key = false;
        for item in tape.items() {
            if item == Item::End {
                let (close, _) = open.pop().expect("an End closes what was opened");
                out.push(close);
                continue;
            }
            if !after_key && let Some((_, written)) = open.last_mut() {
                if *written {
                    out.push(',');
                }
                *written = true;
            }
            after_key = false;
            match item {
                Item::Map => {
                    out.push('{');
                    open.push(('}', false));
                }
                Item::List => {
                    out.push('[');
                    open.push((']', false));
                }
                Item::Key(k) => {
                    out += &serde_json::to_string(k).unwrap();
                    out.push(':');
                    after_key = true;
                }
                Item::Str(s) => out += &serde_json::to_string(s).unwrap(),
                Item::Json(j) => out += j,
                Item::Int(i) => out += &i.to_string(),
                Item::UInt(u) => out += &u.to_string(),
                Item::Float(f) => out += &serde_json::to_string(&f).unwrap(),
                Item::Bool(b) => out += &b.to_string(),
                Item::Null => out += "null",
                Item::End => unreachable!("handled above"),
            }
        }
        assert!(open.is_empty(), "every map and list is closed");
        out
    }
}
