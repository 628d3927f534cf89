//! A panic inside the extractor is a bug in a rule, but it must not end a run over thousands
//! of documents: it becomes an error that names the document, and the other documents go on.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Set while a guarded call runs on this thread: its panic is reported by the caller.
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    /// Where the last guarded panic happened ("crates/…/persons.rs:790:30").
    static LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The default hook prints several lines per panic; a guarded one is printed by its caller
/// as one line instead. Panics elsewhere keep the default report.
fn install_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if GUARDED.with(Cell::get) {
                let at = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()));
                LOCATION.with(|l| *l.borrow_mut() = at);
            } else {
                default(info);
            }
        }));
    });
}

/// Runs `f`; a panic becomes `Err` with one line naming `what`, the panic's message and where
/// it happened.
pub(crate) fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    GUARDED.with(|g| g.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(false));
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_owned());
        let at = LOCATION.with(|l| l.borrow_mut().take()).unwrap_or_default();
        format!("{what}: internal error in extraction ({message} at {at}); no facts from this document, please report it")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_one_line_naming_the_document() {
        let err = guarded("notes/a.txt", || -> u32 { panic!("index out of bounds") }).unwrap_err();
        assert!(
            err.starts_with("notes/a.txt: internal error in extraction (index out of bounds at ")
        );
        assert!(err.contains("guard.rs:"), "{err}");
        assert!(!err.contains('\n'));
    }

    #[test]
    fn a_value_passes_and_later_panics_are_guarded_again() {
        assert_eq!(guarded("a", || 7), Ok(7));
        assert!(
            guarded("b", || -> () { panic!("{}", String::from("owned")) })
                .unwrap_err()
                .contains("(owned at ")
        );
        assert_eq!(guarded("c", || "fine"), Ok("fine"));
    }
}
