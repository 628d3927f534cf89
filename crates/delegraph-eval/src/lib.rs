//! Scoring extraction records against gold records.
//!
//! A record (the project's `spec/extraction-record.md`) lists what one document states:
//! persons, places, organizations, trips, partnerships and agreements. [`score`] compares a
//! set of system records with gold records and counts, per entity type and per fact slot, true
//! positives, false positives and false negatives; with `id`s on the system side it also
//! measures cross-document linking. The rules are those of the project's referee,
//! `tools/score.py` (normalized names, feminine office titles reduced to their base, optional
//! entities and `any` slots neither rewarded nor penalized, trips and agreements paired by
//! best overlap), and the figures equal its figures; a test compares them.
//!
//! Records are `serde_json::Value`s: gold records carry fields the extractor never writes
//! (`optional`, `any`, `key`), and a user's hand-written record should be scored, not refused,
//! when one field is malformed. Reading files is the caller's business.

mod doc;
mod normalize;
mod value;

pub use doc::EntityType;
pub use normalize::{degender, norm, title_head};

use doc::Doc;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

/// What can be wrong with a record.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    #[error("not an extraction record (expected a JSON object)")]
    NotAnObject,
    #[error("the record names no document (field \"document\")")]
    NoDocument,
}

/// Records by document file name.
pub type Records = BTreeMap<String, Value>;

/// Adds a record under its document's file name (the base name of its `document` field, else
/// `fallback`); a later record for the same document replaces an earlier one.
pub fn add_record(
    records: &mut Records,
    record: Value,
    fallback: Option<&str>,
) -> Result<(), EvalError> {
    if !record.is_object() {
        return Err(EvalError::NotAnObject);
    }
    let name = match value::get(&record, "document") {
        Some(d) if value::truthy(Some(d)) => value::py_str(d),
        _ => fallback.ok_or(EvalError::NoDocument)?.to_string(),
    };
    let base = name.rsplit('/').next().unwrap_or(&name).to_string();
    records.insert(base, record);
    Ok(())
}

/// True positives, false positives and false negatives of one category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    pub fn add(&mut self, tp: usize, fp: usize, fn_: usize) {
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
    }

    fn merge(&mut self, o: &Prf) {
        self.add(o.tp, o.fp, o.fn_);
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    fn row(&self) -> Row {
        Row {
            tp: self.tp,
            fp: self.fp,
            fn_: self.fn_,
            precision: round4(self.precision()),
            recall: round4(self.recall()),
            f1: round4(self.f1()),
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Rounds to four decimals as Python's `round(x, 4)` does (correctly rounded decimal).
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

#[derive(Serialize)]
struct Row {
    tp: usize,
    fp: usize,
    #[serde(rename = "fn")]
    fn_: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

/// Entity and fact F1 of one document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DocScore {
    pub entity_f1: f64,
    pub fact_f1: f64,
}

/// The outcome of scoring.
#[derive(Debug, Clone)]
pub struct Report {
    /// Gold documents scored.
    pub documents: usize,
    /// Gold documents without a system record (scored as all missed).
    pub missing_documents: Vec<String>,
    pub entity: Prf,
    pub fact: Prf,
    /// Cross-document linking, when system records carry `id`s.
    pub linking: Option<Prf>,
    /// `entity.persons`, …, `offices`, `trip.leader`, …, `agreement.kind`.
    pub categories: BTreeMap<String, Prf>,
    pub per_doc: BTreeMap<String, DocScore>,
    /// Every miss, per document (with `explain`).
    pub misses: Vec<(String, Vec<String>)>,
}

/// Scores `system` records against `gold` records (both keyed by document file name).
/// With `explain`, the report lists every false positive and false negative.
pub fn score(gold: &Records, system: &Records, explain: bool) -> Report {
    let mut report = Report {
        documents: gold.len(),
        missing_documents: gold
            .keys()
            .filter(|n| !system.contains_key(*n))
            .cloned()
            .collect(),
        entity: Prf::default(),
        fact: Prf::default(),
        linking: None,
        categories: BTreeMap::new(),
        per_doc: BTreeMap::new(),
        misses: Vec::new(),
    };
    let mut docs: Vec<(&str, Doc)> = Vec::new();
    for (name, g) in gold {
        let d = Doc::new(g, system.get(name), explain).run();
        let (mut de, mut df) = (Prf::default(), Prf::default());
        for (k, v) in &d.ent {
            report
                .categories
                .entry(format!("entity.{k}"))
                .or_default()
                .merge(v);
            de.merge(v);
        }
        for (k, v) in &d.fact {
            report.categories.entry(k.clone()).or_default().merge(v);
            df.merge(v);
        }
        report.entity.merge(&de);
        report.fact.merge(&df);
        report.per_doc.insert(
            name.clone(),
            DocScore {
                entity_f1: round4(de.f1()),
                fact_f1: round4(df.f1()),
            },
        );
        if explain && !d.notes.is_empty() {
            report.misses.push((name.clone(), d.notes.clone()));
        }
        docs.push((name, d));
    }
    report.linking = linking(gold, &docs);
    report
}

/// An entity (or trip) across documents: its type and global key.
type GlobalKey = (&'static str, Option<String>);

/// Pairwise cross-document linking over the gold entities (and keyed trips): two mentions in
/// different documents are the same entity in the gold; are they in the system?
fn linking(gold: &Records, docs: &[(&str, Doc)]) -> Option<Prf> {
    let mut mentions: BTreeSet<(&str, GlobalKey)> = BTreeSet::new();
    let mut sys_ids: HashMap<(&str, GlobalKey), String> = HashMap::new();
    let key_of = |e: &Value| -> Option<String> {
        match value::get(e, "key") {
            Some(k) if value::truthy(Some(k)) => Some(value::py_str(k)),
            _ => value::get(e, "name").map(|n| norm(&value::py_str(n))),
        }
    };
    for (name, d) in docs {
        let g = &gold[*name];
        for ((typ, _), e) in &d.gold_ents {
            if !value::truthy(e.get("optional")) {
                mentions.insert((name, (typ.key(), key_of(e))));
            }
        }
        for ((typ, j), gid) in &d.sys_to_gold {
            let Some(gid @ doc::Gid::Gold(gt, gi)) = gid else {
                continue;
            };
            if d.is_optional(gid) {
                continue;
            }
            let se = &value::list(d.sys(), typ.key())[*j];
            let ge = d.gold_ents[&(*gt, *gi)];
            let gk = (gt.key(), key_of(ge));
            if let Some(id) = value::get(se, "id").filter(|v| value::truthy(Some(v))) {
                sys_ids.entry((name, gk)).or_insert_with(|| id.to_string());
            }
        }
        let syss = value::list(d.sys(), "trips");
        for (i, t) in value::list(g, "trips").iter().enumerate() {
            if value::truthy(t.get("optional")) || !value::truthy(t.get("key")) {
                continue;
            }
            let gk: GlobalKey = ("trips", Some(value::py_str(&t["key"])));
            mentions.insert((name, gk.clone()));
            for (gi, sj) in &d.trip_pairs {
                if *gi == i
                    && let Some(id) =
                        value::get(&syss[*sj], "id").filter(|v| value::truthy(Some(v)))
                {
                    sys_ids.insert((name, gk.clone()), id.to_string());
                }
            }
        }
    }
    if sys_ids.is_empty() {
        return None;
    }
    let ms: Vec<_> = mentions.into_iter().collect();
    let mut prf = Prf::default();
    for (x, a) in ms.iter().enumerate() {
        for b in &ms[x + 1..] {
            if a.0 == b.0 {
                continue;
            }
            let gold_same = a.1 == b.1;
            let sys_same = match (sys_ids.get(a), sys_ids.get(b)) {
                (Some(sa), Some(sb)) => sa == sb,
                _ => false,
            };
            match (gold_same, sys_same) {
                (true, true) => prf.add(1, 0, 0),
                (false, true) => prf.add(0, 1, 0),
                (true, false) => prf.add(0, 0, 1),
                (false, false) => {}
            }
        }
    }
    Some(prf)
}

impl Report {
    /// The figures as JSON, in the referee's `--json` shape.
    pub fn to_json(&self) -> Value {
        #[derive(Serialize)]
        struct Out<'a> {
            documents: usize,
            missing_documents: &'a [String],
            entity: Row,
            fact: Row,
            linking: Option<Row>,
            categories: BTreeMap<&'a str, Row>,
            per_doc: BTreeMap<&'a str, PerDoc>,
            #[serde(skip_serializing_if = "Option::is_none")]
            misses: Option<BTreeMap<&'a str, &'a [String]>>,
        }
        #[derive(Serialize)]
        struct PerDoc {
            entity_f1: f64,
            fact_f1: f64,
        }
        let out = Out {
            documents: self.documents,
            missing_documents: &self.missing_documents,
            entity: self.entity.row(),
            fact: self.fact.row(),
            linking: self.linking.map(|l| l.row()),
            categories: self
                .categories
                .iter()
                .map(|(k, v)| (k.as_str(), v.row()))
                .collect(),
            per_doc: self
                .per_doc
                .iter()
                .map(|(k, v)| {
                    (
                        k.as_str(),
                        PerDoc {
                            entity_f1: v.entity_f1,
                            fact_f1: v.fact_f1,
                        },
                    )
                })
                .collect(),
            misses: (!self.misses.is_empty()).then(|| {
                self.misses
                    .iter()
                    .map(|(d, n)| (d.as_str(), n.as_slice()))
                    .collect()
            }),
        };
        serde_json::to_value(out).unwrap_or(Value::Null)
    }

    /// The figures as an aligned table (precision, recall, F1, tp, fp, fn per category, then
    /// the totals), with the misses first when explained and per-document F1 when asked.
    pub fn to_table(&self, per_doc: bool) -> String {
        let mut s = String::new();
        for (doc, notes) in &self.misses {
            let _ = writeln!(s, "== {doc}");
            for n in notes {
                let _ = writeln!(s, "{n}");
            }
        }
        let line = |s: &mut String, k: &str, v: &Prf| {
            let _ = writeln!(
                s,
                "{k:28} {:6.3} {:6.3} {:6.3} {:5} {:5} {:5}",
                v.precision(),
                v.recall(),
                v.f1(),
                v.tp,
                v.fp,
                v.fn_
            );
        };
        let _ = writeln!(
            s,
            "{:28} {:>6} {:>6} {:>6} {:>5} {:>5} {:>5}",
            "category", "P", "R", "F1", "tp", "fp", "fn"
        );
        for (k, v) in &self.categories {
            line(&mut s, k, v);
        }
        let _ = writeln!(s, "{}", "-".repeat(66));
        line(&mut s, "ENTITIES", &self.entity);
        line(&mut s, "FACTS", &self.fact);
        if let Some(l) = &self.linking {
            line(&mut s, "LINKING", l);
        }
        if !self.missing_documents.is_empty() {
            let _ = writeln!(
                s,
                "documents without a system record: {}",
                self.missing_documents.len()
            );
        }
        if per_doc {
            for (n, r) in &self.per_doc {
                let _ = writeln!(
                    s,
                    "{n:40} entity F1 {:.3}  fact F1 {:.3}",
                    r.entity_f1, r.fact_f1
                );
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn recs(v: Vec<Value>) -> Records {
        let mut r = Records::new();
        for x in v {
            add_record(&mut r, x, None).unwrap();
        }
        r
    }

    /// An invented article's gold record and a system record with typical errors.
    fn example() -> (Records, Records) {
        let gold = recs(vec![json!({
            "document": "a.txt",
            "persons": [
                {"name": "Petra Wendland", "aliases": ["Wendland"], "party": "SPD",
                 "offices": [{"title": "Oberbürgermeisterin", "of": "Neustadt"}]},
                {"name": "Ole Brandt", "aliases": [], "offices": [], "optional": true}
            ],
            "places": [
                {"name": "Neustadt", "kind": "city", "country": "DE", "aliases": ["Neustädter"]},
                {"name": "Tartu", "kind": "city", "country": "EE", "aliases": []}
            ],
            "organizations": [{"name": "Stadtwerke Neustadt", "kind": "company", "aliases": []}],
            "trips": [{"leader": "Petra Wendland", "origin": "Neustadt", "destinations": ["Tartu"],
                       "start": {"any": ["2024-05-02", "2024-05-03"]}, "end": null,
                       "members": ["Stadtwerke Neustadt"], "meetings": [], "cost_eur": null}],
            "partnerships": [{"cities": ["Neustadt", "Tartu"], "since": 1991}],
            "agreements": []
        })]);
        let sys = recs(vec![json!({
            "document": "a.txt",
            "persons": [
                {"name": "Dr. Petra Wendland", "aliases": [], "offices": [{"title": "Oberbürgermeister", "of": "Neustädter"}]},
                {"name": "Ole Brandt", "aliases": [], "offices": []},
                {"name": "Wendland", "aliases": [], "offices": []}
            ],
            "places": [{"name": "Neustadt", "kind": "city", "aliases": []}],
            "organizations": [{"name": "Tartu Marathon", "kind": "event", "aliases": []}],
            "trips": [{"leader": "Wendland", "origin": "Neustadt", "destinations": ["Tartu", "Riga"],
                       "start": "2024-05-03", "end": "2024-05-05", "members": [], "meetings": []}],
            "partnerships": [{"cities": ["Tartu", "Neustadt"], "since": "1990"}],
            "agreements": [{"parties": ["Neustadt"], "kind": "other", "date": null, "signatories": []}]
        })]);
        (gold, sys)
    }

    #[test]
    fn counts_follow_the_referee_rules() {
        let (gold, sys) = example();
        let r = score(&gold, &sys, true);
        let c = |k: &str| r.categories[k];
        // Dr. is dropped; the optional person is neither rewarded nor penalized; the surname
        // alone is a duplicate of the full name.
        assert_eq!(
            c("entity.persons"),
            Prf {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            c("entity.places"),
            Prf {
                tp: 1,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(
            c("entity.organizations"),
            Prf {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        // Title head degendered; 'of' through the adjective alias.
        assert_eq!(
            c("offices"),
            Prf {
                tp: 2,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            c("trip.leader"),
            Prf {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            c("trip.start"),
            Prf {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            c("trip.end"),
            Prf {
                tp: 0,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            c("trip.destinations"),
            Prf {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            c("trip.members"),
            Prf {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(
            c("partnership"),
            Prf {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            c("partnership.since"),
            Prf {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            c("agreement.parties"),
            Prf {
                tp: 0,
                fp: 1,
                fn_: 0
            }
        );
        assert!(r.linking.is_none());
        let misses = &r.misses[0].1;
        assert!(
            misses
                .iter()
                .any(|m| m.contains("trip.members FN: 'Stadtwerke Neustadt'"))
        );
        let json = r.to_json();
        assert_eq!(json["categories"]["offices"]["f1"], json!(1.0));
        assert!(r.to_table(true).contains("ENTITIES"));
    }

    #[test]
    fn a_missing_document_is_all_missed() {
        let (gold, _) = example();
        let r = score(&gold, &Records::new(), false);
        assert_eq!(r.missing_documents, ["a.txt"]);
        assert_eq!(r.entity.tp, 0);
        assert_eq!(r.entity.fn_, 4);
        assert_eq!(r.fact.tp, 0);
    }

    #[test]
    fn linking_counts_pairs_across_documents() {
        let gold = recs(vec![
            json!({"document": "a.txt", "persons": [{"name": "Petra Wendland"}, {"name": "Jan Ebert"}]}),
            json!({"document": "b.txt", "persons": [{"name": "Petra Wendland"}, {"name": "Jan Ebert"}]}),
        ]);
        let sys = recs(vec![
            json!({"document": "a.txt", "persons": [{"id": "p1", "name": "Petra Wendland"}, {"id": "j1", "name": "Jan Ebert"}]}),
            json!({"document": "b.txt", "persons": [{"id": "p1", "name": "Petra Wendland"}, {"id": "p1", "name": "Jan Ebert"}]}),
        ]);
        let l = score(&gold, &sys, false).linking.unwrap();
        // Wendland linked (tp); Ebert not linked (fn); Ebert(b) = Wendland(a), Wendland(b) =
        // Ebert(b)'s id shared with Wendland(a): two false links.
        assert_eq!(
            l,
            Prf {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
    }

    #[test]
    fn records_are_keyed_by_document_base_name() {
        let mut r = Records::new();
        add_record(&mut r, json!({"document": "dir/x.txt"}), None).unwrap();
        add_record(&mut r, json!({"persons": []}), Some("y.json")).unwrap();
        assert!(r.contains_key("x.txt") && r.contains_key("y.json"));
        assert!(add_record(&mut r, json!([1]), None).is_err());
    }
}
