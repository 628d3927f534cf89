//! Any bytes in any input format: `load` returns a document or an error, never panics, and a
//! document's text, boilerplate ranges and offset map are sound.
#![no_main]

use delegraph_text::{Format, load};
use libfuzzer_sys::fuzz_target;

const FORMATS: [Format; 4] = [Format::Text, Format::Markdown, Format::Html, Format::Pdf];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let format = FORMATS[pick as usize % FORMATS.len()];
    let Ok(doc) = load("fuzz.txt", "fuzz.txt", bytes, format) else {
        return;
    };
    assert!(!doc.text.trim().is_empty(), "a loaded document has text");
    for r in &doc.boilerplate {
        assert!(r.start < r.end && r.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(r.start) && doc.text.is_char_boundary(r.end));
    }
    let mut prev = 0;
    for (i, _) in doc.text.char_indices() {
        let o = doc.original_offset(i);
        assert!(o >= prev, "the offset map is monotonic");
        prev = o;
    }
});
