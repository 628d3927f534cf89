use super::*;
use delegraph_text::{split_sentences, tokenize};

/// Analyzes `text`; atoms are given as words ("Anna Beispiel") that must occur in it.
fn run(text: &str, atoms: &[&str]) -> Analysis {
    let toks = tokenize(text);
    let sents = split_sentences(text, &toks);
    let ranges: Vec<Range<usize>> = atoms
        .iter()
        .filter_map(|a| {
            let b = text.find(a)?;
            let s = toks.iter().position(|t| t.start == b)?;
            let e = toks.iter().position(|t| t.end == b + a.len())?;
            Some(s..e + 1)
        })
        .collect();
    analyze(text, &toks, &sents, &ranges)
}

fn subj<'a>(a: &Analysis, text: &'a str, c: usize) -> &'a str {
    a.clauses[c]
        .subject
        .clone()
        .map_or("", |r| a.text_of(r, text))
}

#[test]
fn separable_particle_joins_the_lemma() {
    let t = "Die Delegation reist am Montag in Lüttich an.";
    let a = run(t, &["Lüttich"]);
    assert_eq!(a.clauses.len(), 1);
    assert_eq!(a.clauses[0].lemma.as_deref(), Some("anreisen"));
    assert_eq!(a.clauses[0].tense, Tense::Present);
    assert_eq!(subj(&a, t, 0), "Die Delegation");
    let t = "Am Freitag kehrt die Bürgermeisterin nach Hause zurück.";
    let a = run(t, &[]);
    assert_eq!(a.clauses[0].lemma.as_deref(), Some("zurückkehren"));
    assert_eq!(subj(&a, t, 0), "die Bürgermeisterin");
    // An apposition after the particle does not hide it.
    let t = "Am Montag traf eine Abordnung aus Tartu in Aschersleben ein, an ihrer Spitze Bürgermeister Mart Kuusik.";
    let a = run(t, &["Tartu", "Aschersleben", "Mart Kuusik"]);
    assert_eq!(a.clauses[0].lemma.as_deref(), Some("eintreffen"));
    // Parentheses are asides, not boundaries: the particle after them still counts.
    let t = "Dem Landrat schließen sich Kreisrätin Ronja Wiebking (SPD) und Kreisrat Arvid Lohmöller (CDU) an.";
    let a = run(t, &["Ronja Wiebking", "Arvid Lohmöller", "SPD", "CDU"]);
    assert_eq!(a.clauses.len(), 1);
    assert_eq!(a.clauses[0].lemma.as_deref(), Some("anschließen"));
    assert_eq!(
        subj(&a, t, 0),
        "Kreisrätin Ronja Wiebking (SPD) und Kreisrat Arvid Lohmöller"
    );
}

#[test]
fn perfect_and_pluperfect() {
    let t = "Bürgermeisterin Ilka Sommerfeld ist nach Tartu gereist.";
    let a = run(t, &["Ilka Sommerfeld", "Tartu"]);
    let c = &a.clauses[0];
    assert_eq!(
        (c.lemma.as_deref(), c.tense),
        (Some("reisen"), Tense::Perfect)
    );
    assert_eq!(subj(&a, t, 0), "Bürgermeisterin Ilka Sommerfeld");
    let t = "Die Gruppe hatte zuvor das Rathaus besichtigt.";
    let a = run(t, &[]);
    assert_eq!(a.clauses[0].tense, Tense::Pluperfect);
    assert_eq!(a.clauses[0].lemma.as_deref(), Some("besichtigen"));
}

#[test]
fn passive_with_agent() {
    let t =
        "Die Gäste aus Tartu wurden im Rathaus von Oberbürgermeister Jens Koppelmann empfangen.";
    let a = run(t, &["Tartu", "Jens Koppelmann"]);
    let c = &a.clauses[0];
    assert_eq!((c.voice, c.tense), (Voice::Passive, Tense::Past));
    assert_eq!(c.lemma.as_deref(), Some("empfangen"));
    // The prefield is one constituent: the subject with its attribute.
    assert_eq!(subj(&a, t, 0), "Die Gäste aus Tartu");
    let von = a.chunks[c.chunks.clone()]
        .iter()
        .find(|ch| ch.prep.as_deref() == Some("von"))
        .unwrap();
    assert_eq!(
        a.text_of(von.range.clone(), t),
        "von Oberbürgermeister Jens Koppelmann"
    );
    // Inverted: the participle first.
    let t = "Unterzeichnet wurde die Vereinbarung von Ilka Sommerfeld.";
    let a = run(t, &["Ilka Sommerfeld"]);
    assert_eq!(a.clauses[0].voice, Voice::Passive);
    assert_eq!(a.clauses[0].lemma.as_deref(), Some("unterzeichnen"));
    assert_eq!(subj(&a, t, 0), "die Vereinbarung");
}

#[test]
fn future_modal_and_subjunctive() {
    let t = "Im Herbst wird eine Delegation nach Tartu reisen.";
    let a = run(t, &["Tartu"]);
    assert_eq!(a.clauses[0].tense, Tense::Future);
    assert!(!a.clauses[0].is_factual());
    let t = "Der Landrat will im Mai nach Tartu fliegen.";
    let a = run(t, &["Tartu"]);
    assert_eq!(a.clauses[0].modal, Some("wollen"));
    assert_eq!(a.clauses[0].lemma.as_deref(), Some("fliegen"));
    assert_eq!(subj(&a, t, 0), "Der Landrat");
    let t = "Sie sagte, die Gruppe sei gut angekommen.";
    let a = run(t, &[]);
    assert_eq!(a.clauses.len(), 2);
    assert_eq!(a.clauses[1].mood, Mood::Subjunctive);
    assert_eq!(a.clauses[1].lemma.as_deref(), Some("ankommen"));
}

#[test]
fn subordinate_and_relative_clauses() {
    let t = "Nachdem die Delegation in Tartu angekommen war, besuchte sie die Universität.";
    let a = run(t, &["Tartu"]);
    assert_eq!(a.clauses.len(), 2);
    assert_eq!(a.clauses[0].kind, ClauseKind::Subordinate);
    assert_eq!(a.clauses[0].lemma.as_deref(), Some("ankommen"));
    assert_eq!(a.clauses[1].lemma.as_deref(), Some("besuchen"));
    assert_eq!(subj(&a, t, 1), "sie");
    let t = "Die Delegation, die am Montag in Tartu eintraf, besuchte das Rathaus.";
    let a = run(t, &["Tartu"]);
    let rel = a
        .clauses
        .iter()
        .position(|c| c.kind == ClauseKind::Relative)
        .unwrap();
    assert_eq!(a.clauses[rel].lemma.as_deref(), Some("eintreffen"));
    assert_eq!(subj(&a, t, rel), "Die Delegation");
    let main = a
        .clauses
        .iter()
        .position(|c| c.kind == ClauseKind::Main)
        .unwrap();
    assert_eq!(a.clauses[main].lemma.as_deref(), Some("besuchen"));
    assert_eq!(subj(&a, t, main), "Die Delegation");
}

#[test]
fn coordinated_clause_shares_the_subject() {
    let t = "Der Bürgermeister reiste nach Tartu und traf dort den Stadtrat.";
    let a = run(t, &["Tartu"]);
    assert_eq!(a.clauses.len(), 2);
    assert_eq!(a.clauses[1].lemma.as_deref(), Some("treffen"));
    assert_eq!(subj(&a, t, 1), "Der Bürgermeister");
    // Coordinated noun phrases are one phrase, not two clauses.
    let t = "Ilka Sommerfeld und Jens Koppelmann besuchten die Schule und das Museum.";
    let a = run(t, &["Ilka Sommerfeld", "Jens Koppelmann"]);
    assert_eq!(a.clauses.len(), 1);
    assert_eq!(subj(&a, t, 0), "Ilka Sommerfeld und Jens Koppelmann");
}

#[test]
fn lists_across_commas_are_one_phrase() {
    let t = "Mit dabei waren Stadtrat Arvid Lohmöller, Ratsfrau Heike Lind und Paul Kessler.";
    let a = run(t, &["Arvid Lohmöller", "Heike Lind", "Paul Kessler"]);
    assert_eq!(a.clauses.len(), 1);
    assert_eq!(a.clauses[0].lemma.as_deref(), Some("sein"));
    assert_eq!(
        subj(&a, t, 0),
        "Stadtrat Arvid Lohmöller, Ratsfrau Heike Lind und Paul Kessler"
    );
}

#[test]
fn infinitive_clause_takes_the_planner() {
    let t = "Die Stadt plant, im Herbst eine Delegation nach Tartu zu entsenden.";
    let a = run(t, &["Tartu"]);
    let inf = a
        .clauses
        .iter()
        .position(|c| c.kind == ClauseKind::Infinitive)
        .unwrap();
    assert_eq!(a.clauses[inf].lemma.as_deref(), Some("entsenden"));
    assert_eq!(subj(&a, t, inf), "Die Stadt");
}

#[test]
fn object_pronoun_before_the_subject() {
    let t = "Eingeladen hatte sie Bürgermeisterin Ronja Wiebking.";
    let a = run(t, &["Ronja Wiebking"]);
    assert_eq!(subj(&a, t, 0), "Bürgermeisterin Ronja Wiebking");
    let t = "Am Montag hat sie der Landrat empfangen.";
    let a = run(t, &[]);
    assert_eq!(subj(&a, t, 0), "der Landrat");
}

#[test]
fn cases_from_articles() {
    let t = "Der Bürgermeister empfing den Botschafter im Rathaus.";
    let a = run(t, &[]);
    let chs = &a.chunks;
    assert!(chs[0].cases.nom());
    assert!(chs[1].cases.acc() && !chs[1].cases.nom());
    assert_eq!(chs[2].prep.as_deref(), Some("in"));
    assert_eq!(subj(&a, t, 0), "Der Bürgermeister");
}

proptest::proptest! {
    #[test]
    fn never_fails(s in "\\PC{0,200}") {
        let toks = tokenize(&s);
        let sents = split_sentences(&s, &toks);
        let a = analyze(&s, &toks, &sents, &[]);
        proptest::prop_assert_eq!(a.tags.len(), toks.len());
        for c in &a.clauses {
            if let Some(r) = &c.subject { proptest::prop_assert!(r.end <= toks.len()); }
        }
    }
}

#[test]
fn prefield_subject_with_appositions_and_coordination() {
    let t = "Die Bürgermeisterin von Tartu, Ilka Sommerfeld, und der Landrat von Aschersleben, Mart Kuusik, unterzeichneten am Montag ein Memorandum.";
    let a = run(
        t,
        &["Tartu", "Ilka Sommerfeld", "Aschersleben", "Mart Kuusik"],
    );
    assert_eq!(
        subj(&a, t, 0),
        "Die Bürgermeisterin von Tartu, Ilka Sommerfeld, und der Landrat von Aschersleben, Mart Kuusik"
    );
    // An adverbial prefield leaves the subject in the middle field.
    let t = "Am Montag unterzeichneten Bürgermeisterin Ilka Sommerfeld und Landrat Mart Kuusik ein Memorandum.";
    let a = run(t, &["Ilka Sommerfeld", "Mart Kuusik"]);
    assert_eq!(
        subj(&a, t, 0),
        "Bürgermeisterin Ilka Sommerfeld und Landrat Mart Kuusik"
    );
}

#[test]
fn dateline_before_a_spaced_hyphen_is_no_subject() {
    let t = "Tartu (ots) - Eine Delegation aus Aschersleben besuchte am Montag Tartu.";
    let a = run(t, &["Tartu", "Aschersleben"]);
    let c = a.clauses.iter().find(|c| c.lemma.is_some()).unwrap();
    assert_eq!(
        a.text_of(c.subject.clone().unwrap(), t),
        "Eine Delegation aus Aschersleben"
    );
    let t = "Tartu/Pori - Die Gäste aus Aschersleben trafen am Montag ein.";
    let a = run(t, &["Tartu", "Pori", "Aschersleben"]);
    let c = a.clauses.iter().find(|c| c.lemma.is_some()).unwrap();
    assert_eq!(
        a.text_of(c.subject.clone().unwrap(), t),
        "Die Gäste aus Aschersleben"
    );
    // A hyphen inside a clause stays no boundary.
    let t = "Die Gäste besuchten vom 3. - 5. Mai die Stadt Tartu.";
    let a = run(t, &["Tartu"]);
    assert_eq!(a.clauses.len(), 1);
}

#[test]
fn setting_out_takes_sein_in_the_perfect() {
    let t = "Oberbürgermeisterin Ilka Sommerfeld ist am Montag nach Tartu aufgebrochen.";
    let a = run(t, &["Ilka Sommerfeld", "Tartu"]);
    assert_eq!(
        (a.clauses[0].tense, a.clauses[0].voice),
        (Tense::Perfect, Voice::Active)
    );
    assert_eq!(subj(&a, t, 0), "Oberbürgermeisterin Ilka Sommerfeld");
    let t = "Die Maschine mit der Delegation ist am Abend in Tartu gelandet.";
    let a = run(t, &["Tartu"]);
    assert_eq!(
        (a.clauses[0].tense, a.clauses[0].voice),
        (Tense::Perfect, Voice::Active)
    );
}

#[test]
fn participial_adjunct_with_agent_is_a_passive_clause() {
    let t = "Aus Tartu war eine Delegation zu Gast, angeführt von Ilka Sommerfeld.";
    let a = run(t, &["Tartu", "Ilka Sommerfeld"]);
    assert_eq!(a.clauses.len(), 2);
    assert_eq!(a.clauses[0].lemma.as_deref(), Some("sein"));
    assert_eq!(a.clauses[1].lemma.as_deref(), Some("anführen"));
    assert_eq!(a.clauses[1].voice, Voice::Passive);
    assert_eq!(subj(&a, t, 1), "eine Delegation");
    // The same with "begleitet vom" after a finite verb of its own.
    let t = "Die Gäste reisten am Montag an, begleitet vom Landrat Mart Kuusik.";
    let a = run(t, &["Mart Kuusik"]);
    assert_eq!(a.clauses.len(), 2);
    assert_eq!(a.clauses[0].lemma.as_deref(), Some("anreisen"));
    assert_eq!(a.clauses[1].voice, Voice::Passive);
    assert_eq!(subj(&a, t, 1), "Die Gäste");
}
