//! Prints the text delegraph reads from a file (after HTML/PDF extraction and normalization),
//! for looking at what the rules see: `cargo run -p delegraph-text --example show_text FILE`.

use delegraph_text::{Format, load};

fn main() {
    for path in std::env::args().skip(1) {
        let ext = path.rsplit('.').next().unwrap_or("");
        let format = Format::from_extension(ext).unwrap_or(Format::Text);
        let bytes = std::fs::read(&path).expect("readable file");
        match load(&path, &path, &bytes, format) {
            Ok(d) => println!("{}", d.text),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
