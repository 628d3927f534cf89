//! IRI minting on arbitrary names: a slug is never empty, is plain ASCII of lowercase letters,
//! digits and single inner dashes (so every IRI parser accepts it), and is the same for the
//! same name.

use delegraph_link::slug;
use proptest::prelude::*;

fn check(name: &str) -> Result<(), TestCaseError> {
    let s = slug(name);
    prop_assert!(!s.is_empty(), "{name:?}");
    prop_assert!(
        s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "{s:?} for {name:?}"
    );
    prop_assert!(
        !s.starts_with('-') && !s.ends_with('-') && !s.contains("--"),
        "{s:?}"
    );
    prop_assert_eq!(s, slug(name));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn arbitrary_names(name in any::<String>()) {
        check(&name)?;
    }

    #[test]
    fn hostile_names(name in "[ \"'<>#%\\\\\n\t{}|^`äöüßÆØÅ李明Жж\u{301}-]{0,40}") {
        check(&name)?;
    }
}
