//! The views of a small, hand-built network with invented names, one of them hostile
//! (quotes, a backslash before `N`, a newline, `<>`, non-Latin letters): what each view
//! draws, focus, depth, the node cap, isolation, determinism, and DOT that stays well formed.
//! The DOT text of every view is snapshotted (review with `cargo insta review`).

use delegraph_views::net::{Agreement, Entity, Kind, Net, Office, Trip};
use delegraph_views::{ViewError, ViewKind, ViewOptions, render_net};
use std::collections::BTreeSet;

const ID: &str = "https://w3id.org/delegraph/id/";
const HOSTILE: &str = "Zoë \"Zee\" \\N <O'Brien>\n李 明";

fn iri(local: &str) -> String {
    format!("{ID}{local}")
}

fn entity(net: &mut Net, local: &str, label: &str, kind: Kind, country: Option<&str>) {
    let iri = iri(local);
    net.entities.insert(
        iri.clone(),
        Entity {
            iri,
            label: label.to_string(),
            kind,
            country: country.map(str::to_string),
            names: BTreeSet::from([label.to_string()]),
        },
    );
}

fn net() -> Net {
    let mut n = Net::default();
    entity(
        &mut n,
        "person/petra-wendland",
        "Petra Wendland",
        Kind::Person,
        None,
    );
    entity(&mut n, "person/zoe", HOSTILE, Kind::Person, None);
    entity(&mut n, "person/arvo-tamm", "Arvo Tamm", Kind::Person, None);
    entity(&mut n, "place/neustadt", "Neustadt", Kind::City, Some("DE"));
    entity(&mut n, "place/tartu", "Tartu", Kind::City, Some("EE"));
    entity(&mut n, "place/riga", "Riga", Kind::City, Some("LV"));
    entity(
        &mut n,
        "place/estland",
        "Estland",
        Kind::Country,
        Some("EE"),
    );
    entity(
        &mut n,
        "org/stadtwerke",
        "Stadtwerke Neustadt",
        Kind::Company,
        None,
    );
    entity(
        &mut n,
        "org/fotoagentur",
        "Fotoagentur Blick",
        Kind::Media,
        None,
    );
    entity(&mut n, "org/spd", "SPD", Kind::Party, None);
    entity(
        &mut n,
        "trip/wendland-tartu",
        "Petra Wendland → Tartu, Riga",
        Kind::Trip,
        None,
    );
    entity(
        &mut n,
        "agreement/neustadt-tartu",
        "letter of intent (Neustadt, Tartu)",
        Kind::Agreement,
        None,
    );
    n.trips.insert(
        iri("trip/wendland-tartu"),
        Trip {
            leader: Some(iri("person/petra-wendland")),
            origin: Some(iri("place/neustadt")),
            route: vec![iri("place/tartu"), iri("place/riga")],
            members: BTreeSet::from([iri("person/zoe"), iri("org/stadtwerke")]),
            met: BTreeSet::from([iri("person/arvo-tamm")]),
            start: Some("2024-05-02".into()),
            end: Some("2024-05-05".into()),
            status: Some("completed".into()),
        },
    );
    n.offices.push(Office {
        holder: iri("person/petra-wendland"),
        title: "Oberbürgermeisterin".into(),
        of: Some(iri("place/neustadt")),
    });
    n.offices.push(Office {
        holder: iri("person/arvo-tamm"),
        title: "Bürgermeister".into(),
        of: Some(iri("place/tartu")),
    });
    n.party_of
        .insert((iri("person/petra-wendland"), iri("org/spd")));
    n.partnerships.insert(
        (iri("place/neustadt"), iri("place/tartu")),
        BTreeSet::from(["1991".to_string()]),
    );
    n.agreements.insert(
        iri("agreement/neustadt-tartu"),
        Agreement {
            kind: Some("letter_of_intent".into()),
            date: Some("2024-05-03".into()),
            parties: BTreeSet::from([iri("place/neustadt"), iri("place/tartu")]),
            signatories: BTreeSet::from([iri("person/petra-wendland"), iri("person/arvo-tamm")]),
        },
    );
    n
}

fn draw(view: ViewKind) -> String {
    render_net(
        &net(),
        &ViewOptions {
            view,
            ..ViewOptions::default()
        },
    )
    .expect("the view draws")
    .dot
}

/// Every line's quotes are balanced (escaped quotes excepted), so no string runs on.
fn assert_well_formed(dot: &str) {
    assert!(dot.starts_with("digraph delegraph {\n") && dot.ends_with("}\n"));
    for line in dot.lines() {
        let quotes = line
            .char_indices()
            .filter(|&(i, c)| {
                c == '"' && line[..i].chars().rev().take_while(|&c| c == '\\').count() % 2 == 0
            })
            .count();
        assert_eq!(quotes % 2, 0, "unbalanced quotes in {line:?}");
    }
    let open = dot.matches('{').count();
    assert_eq!(open, dot.matches('}').count(), "braces balance");
}

#[test]
fn every_view_is_well_formed_deterministic_and_snapshotted() {
    for view in ViewKind::ALL {
        let dot = draw(view);
        assert_well_formed(&dot);
        assert_eq!(dot, draw(view), "{view:?} is deterministic");
        insta::assert_snapshot!(format!("view_{}", view.name()), dot);
    }
}

#[test]
fn hostile_names_are_escaped() {
    let dot = draw(ViewKind::Network);
    // Quotes escaped, the backslash doubled (GraphViz would read `\N` as the node name), the
    // newline a space, `<>` and Chinese kept.
    assert!(
        dot.contains(r#"label="Zoë \"Zee\" \\N <O'Brien> 李 明""#),
        "{dot}"
    );
    assert!(!dot.contains('\r'));
}

#[test]
fn network_draws_the_relations_with_labels_and_leaves_out_the_unconnected() {
    let dot = draw(ViewKind::Network);
    for label in [
        "leads",
        "travels with",
        "visits (1)",
        "visits (2)",
        "meets",
        "partner since 1991",
        "signs",
        "Oberbürgermeisterin",
        "member",
    ] {
        assert!(
            dot.contains(&format!("label=\"{label}\"")),
            "{label}: {dot}"
        );
    }
    // The photo agency appears only in a credit line: no edge, not drawn.
    assert!(!dot.contains("Fotoagentur"));
    // Places are boxed by country, named by the country's label.
    assert!(dot.contains("label=\"Estland (EE)\""), "{dot}");
    assert!(dot.contains("label=\"legend\""));
    let with_isolated = render_net(
        &net(),
        &ViewOptions {
            isolated: true,
            ..ViewOptions::default()
        },
    )
    .unwrap()
    .dot;
    assert!(with_isolated.contains("Fotoagentur Blick"));
}

#[test]
fn trips_show_the_route_in_order_with_dates() {
    let dot = draw(ViewKind::Trips);
    assert!(dot.contains("2024-05-02 – 2024-05-05"), "{dot}");
    let a = dot.find("\"1. Tartu\"").expect("first stop");
    let b = dot.find("\"2. Riga\"").expect("second stop");
    assert!(a < b);
    assert!(dot.contains("label=\"1 · 2024-05-02\""), "{dot}");
    assert!(dot.contains(
        "#stop-1\" -> \"https://w3id.org/delegraph/id/trip/wendland-tartu#stop-2\" [label=\"2\""
    ));
}

#[test]
fn partnerships_are_towns_with_founding_years() {
    let dot = draw(ViewKind::Partnerships);
    assert!(dot.contains("label=\"partner since 1991\""));
    assert!(dot.contains("dir=none"));
    assert!(
        !dot.contains("Riga"),
        "a town without partnership is left out"
    );
    assert!(!dot.contains("person/"));
}

#[test]
fn agreements_and_people() {
    let dot = draw(ViewKind::Agreements);
    assert!(dot.contains("letter of intent\\n2024-05-03"), "{dot}");
    assert!(dot.contains("label=\"signs\"") && dot.contains("label=\"party\""));
    let dot = draw(ViewKind::People);
    for label in ["travels with", "meets", "signs with", "Bürgermeister"] {
        assert!(
            dot.contains(&format!("label=\"{label}\"")),
            "{label}: {dot}"
        );
    }
}

#[test]
fn focus_depth_and_max_nodes() {
    let opts = |focus: &str, depth: usize, max: Option<usize>| ViewOptions {
        view: ViewKind::Network,
        focus: Some(focus.into()),
        depth,
        max_nodes: max,
        isolated: false,
    };
    // Depth 1 around the town: its partner, the trip from it, its mayor, the agreement.
    let r = render_net(&net(), &opts("neustadt", 1, None)).unwrap();
    assert!(r.dot.contains("\"Tartu\"") && r.dot.contains("Petra Wendland"));
    assert!(!r.dot.contains("Arvo Tamm"), "two edges away");
    let r2 = render_net(&net(), &opts("Neustadt", 2, None)).unwrap();
    assert!(r2.dot.contains("Arvo Tamm"));
    // By IRI, prefixed.
    render_net(&net(), &opts("dgid:place/neustadt", 1, None)).unwrap();
    // The cap keeps the focus and says so in the picture.
    let r = render_net(&net(), &opts("Neustadt", 2, Some(3))).unwrap();
    assert!(r.trimmed() && r.nodes <= 3, "{} of {}", r.nodes, r.total);
    assert!(r.dot.contains("showing"), "a visible note");
    assert!(r.dot.contains("\"Neustadt\""));
    assert!(matches!(
        render_net(&net(), &opts("Niemand", 1, None)),
        Err(ViewError::FocusNotFound(_))
    ));
    let people_only = ViewOptions {
        view: ViewKind::Partnerships,
        ..opts("Petra Wendland", 1, None)
    };
    assert!(matches!(
        render_net(&net(), &people_only),
        Err(ViewError::FocusNotInView { .. })
    ));
}

#[test]
fn an_empty_store_draws_a_note() {
    let r = render_net(&Net::default(), &ViewOptions::default()).unwrap();
    assert_eq!(r.nodes, 0);
    assert!(r.dot.contains("nothing to draw"));
    assert_well_formed(&r.dot);
}
