//! Progress on standard error: a bar with files (or graphs) done, rate and time left while
//! documents are read, extracted or pushed (hidden when standard error is not a terminal, or
//! with `--quiet`), and per-document counts with `--verbose`.

use delegraph_model::DocFacts;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How much the command tells on standard error.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ui {
    pub quiet: bool,
    pub verbose: bool,
}

impl Ui {
    /// Prints a summary line, unless `--quiet`.
    pub fn summary(&self, line: &str) {
        if !self.quiet {
            eprintln!("delegraph: {line}");
        }
    }

    /// Prints a warning line (always, even with `--quiet`).
    pub fn warn(&self, line: &str) {
        eprintln!("{line}");
    }

    /// A bar over `len` files (indicatif hides it by itself when stderr is no terminal).
    pub fn bar(&self, len: usize, what: &str) -> Progress {
        self.bar_of(len, what, "files")
    }

    /// A bar over `len` steps counted in `unit` (`files`, `graphs`).
    pub fn bar_of(&self, len: usize, what: &str, unit: &'static str) -> Progress {
        let bar = if self.quiet {
            ProgressBar::hidden()
        } else {
            ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr())
        };
        bar.set_style(
            ProgressStyle::with_template(&format!(
                "{{prefix:>10}} [{{bar:30}}] {{pos}}/{{len}} {unit} · {{rate}} · {{eta}} left  {{wide_msg}}"
            ))
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key(
                "rate",
                move |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.1} {unit}/s", s.per_sec());
                },
            )
            .progress_chars("=> "),
        );
        bar.set_prefix(what.to_string());
        Progress {
            bar,
            verbose: self.verbose,
        }
    }
}

/// One running bar.
pub struct Progress {
    bar: ProgressBar,
    verbose: bool,
}

impl Progress {
    /// A bar that shows nothing (library callers).
    pub fn hidden() -> Progress {
        Progress {
            bar: ProgressBar::hidden(),
            verbose: false,
        }
    }

    /// One file done; its name is shown beside the bar.
    pub fn step(&self, name: &str) {
        let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
        self.bar.set_message(file.to_string());
        self.bar.inc(1);
    }

    /// One document extracted: with `--verbose`, what it holds.
    pub fn extracted(&self, f: &DocFacts) {
        if self.verbose {
            let line = format!(
                "delegraph: {}: {} persons, {} places, {} organizations, {} trips, {} partnerships, {} agreements",
                f.document,
                f.persons.len(),
                f.places.len(),
                f.organizations.len(),
                f.trips.len(),
                f.partnerships.len(),
                f.agreements.len()
            );
            // Printed above the bar (or plainly, when the bar is hidden).
            self.bar.suspend(|| eprintln!("{line}"));
        }
        self.step(&f.document);
    }

    /// Prints a warning line above the bar (always, even with `--quiet`).
    pub fn warn(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
