//! Arbitrary text through the whole extractor: no panic, and every mention and evidence span
//! lies on char boundaries inside the document's text.
#![no_main]

use delegraph_text::{Format, load};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(doc) = load("fuzz.txt", "fuzz.txt", text.as_bytes(), Format::Text) else {
        return;
    };
    let f = delegraph_extract::extract(&doc);
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end
            && r.end <= f.text.len()
            && f.text.is_char_boundary(r.start)
            && f.text.is_char_boundary(r.end)
    };
    for s in &f.sentences {
        assert!(ok(s), "sentence {s:?}");
    }
    let cores = f
        .persons
        .iter()
        .map(|p| &p.core)
        .chain(f.places.iter().map(|p| &p.core))
        .chain(f.organizations.iter().map(|o| &o.core));
    for c in cores {
        for m in &c.mentions {
            assert!(ok(m), "mention {m:?} of {:?}", c.name);
        }
    }
    for t in &f.trips {
        for e in &t.evidence {
            assert!(ok(e), "trip evidence {e:?}");
        }
    }
});
