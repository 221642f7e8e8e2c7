//! Fuzzes the JSON Lines reader: any bytes, split into lines as the binary splits them (with a
//! small line limit, so that longer lines are read as a stream), each line parsed into a document
//! or an error record. Beyond "no panic", it checks what the reader promises: one record per
//! non-blank line, a text within `--max-bytes`, and every carried field still one valid JSON
//! value.

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclaims_cli::jsonl::{Line, Record, parse_line, parse_long_line, read_line};
use newsclaims_pipeline::Input;

/// Small limits, so that cuts and too-long lines happen on small inputs.
const MAX_BYTES: usize = 64;
const MAX_LINE: usize = 512;

fuzz_target!(|data: &[u8]| {
    let mut reader = std::io::Cursor::new(data);
    let mut line = 0;
    loop {
        line += 1;
        let record = Record {
            name: "fuzz",
            line,
            fallback_id: format!("fuzz:{line}"),
        };
        let input = match read_line(&mut reader, MAX_LINE).expect("reading memory never fails") {
            Line::End => break,
            Line::Blank => continue,
            Line::Text(raw) => {
                assert!(raw.len() <= MAX_LINE && !raw.contains(&b'\n'));
                parse_line(&record, &raw, MAX_BYTES, &["claims"])
            }
            Line::TooLong(head) => {
                assert!(head.len() <= MAX_LINE && !head.contains(&b'\n'));
                parse_long_line(&record, head, &mut reader, MAX_BYTES, &["claims"])
                    .expect("reading memory never fails")
            }
        };
        match input {
            Input::Document(doc, _) => {
                assert!(doc.text.len() <= MAX_BYTES, "text over the limit");
                for (name, value) in &doc.fields {
                    assert!(name != "id" && name != "text" && name != "claims");
                    assert!(
                        serde_json::from_str::<&serde_json::value::RawValue>(value).is_ok(),
                        "carried field {name} is not one JSON value: {value}"
                    );
                }
            }
            Input::Unreadable(u) => assert_eq!(u.line, Some(line)),
        }
    }
});
