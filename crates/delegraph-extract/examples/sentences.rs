//! Prints a document's sentences, one per line, as the extractor sees them (a debugging aid).
fn main() {
    let path = std::env::args().nth(1).expect("usage: sentences FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    let doc = delegraph_text::load(&path, &path, &bytes, delegraph_text::Format::Text)
        .expect("a text document");
    let toks = delegraph_text::tokenize(&doc.text);
    for r in delegraph_text::split_sentences(&doc.text, &toks) {
        println!(
            "| {}",
            doc.text[toks[r.start].start..toks[r.end - 1].end].replace('\n', "⏎")
        );
    }
}
