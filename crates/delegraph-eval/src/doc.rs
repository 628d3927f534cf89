//! One document: a system record matched against its gold record, counted per entity type
//! and fact slot. A faithful port of the referee's `Doc` class (`tools/score.py`): the same
//! matching order, the same greedy pairings and the same treatment of optional and `any`
//! slots, so that the figures agree.

use crate::Prf;
use crate::normalize::{norm, title_head, title_words};
use crate::value::{any_values, get, list, py_eq, py_float, py_int, py_str, truthy};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The entity lists of a record, in the order the referee walks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityType {
    Persons,
    Places,
    Organizations,
}

impl EntityType {
    pub const ALL: [EntityType; 3] = [Self::Persons, Self::Places, Self::Organizations];

    /// The record field (and category suffix): `persons`, `places`, `organizations`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Persons => "persons",
            Self::Places => "places",
            Self::Organizations => "organizations",
        }
    }
}

/// What a name resolves to: a gold entity, or an unknown normalized name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Gid {
    Gold(EntityType, usize),
    Unknown(Option<String>),
}

/// A scored value: an entity, a text (dates, kinds), an amount, a set of entities (pairs of
/// partner towns, agreement parties) or an office title head of a person.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Val {
    Gid(Gid),
    Text(String),
    Amount(u64),
    Set(BTreeSet<Gid>),
    Title(Gid, String),
}

fn amount(f: f64) -> Val {
    // -0.0 == 0.0 in Python; compare by bits after folding the sign of zero.
    Val::Amount(if f == 0.0 { 0 } else { f.to_bits() })
}

/// A founding year, or a system value that is no year.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Year {
    Int(i64),
    Unreadable(String),
}

const TRIP_SCALARS: [&str; 4] = ["leader", "origin", "start", "end"];
const TRIP_LISTS: [&str; 3] = ["destinations", "members", "meetings"];

fn norm_value(v: &Value) -> Option<String> {
    (!v.is_null()).then(|| norm(&py_str(v)))
}

fn norm_field(e: &Value, key: &str) -> Option<String> {
    get(e, key).and_then(norm_value)
}

/// The normalized name and aliases of an entity.
fn keys_of(e: &Value) -> BTreeSet<String> {
    let mut ks: BTreeSet<String> = norm_field(e, "name").into_iter().collect();
    ks.extend(list(e, "aliases").iter().filter_map(norm_value));
    ks.remove("");
    ks
}

pub(crate) struct Doc<'a> {
    g: &'a Value,
    s: &'a Value,
    explain: bool,
    pub notes: Vec<String>,
    pub ent: BTreeMap<String, Prf>,
    pub fact: BTreeMap<String, Prf>,
    pub gold_ents: BTreeMap<(EntityType, usize), &'a Value>,
    gold_key: HashMap<String, Gid>,
    /// System entity -> the gold entity it matched (in the order matched).
    pub sys_to_gold: Vec<((EntityType, usize), Option<Gid>)>,
    sys_to_gold_map: HashMap<(EntityType, usize), Option<Gid>>,
    sys_name: HashMap<String, Option<Gid>>,
    /// (gold trip, system trip) pairs.
    pub trip_pairs: Vec<(usize, usize)>,
}

static EMPTY: Value = Value::Null;

impl<'a> Doc<'a> {
    pub fn new(gold: &'a Value, sys: Option<&'a Value>, explain: bool) -> Self {
        let mut d = Doc {
            g: gold,
            s: sys.unwrap_or(&EMPTY),
            explain,
            notes: Vec::new(),
            ent: BTreeMap::new(),
            fact: BTreeMap::new(),
            gold_ents: BTreeMap::new(),
            gold_key: HashMap::new(),
            sys_to_gold: Vec::new(),
            sys_to_gold_map: HashMap::new(),
            sys_name: HashMap::new(),
            trip_pairs: Vec::new(),
        };
        for typ in EntityType::ALL {
            for (i, e) in list(gold, typ.key()).iter().enumerate() {
                d.gold_ents.insert((typ, i), e);
                for k in keys_of(e) {
                    d.gold_key.entry(k).or_insert(Gid::Gold(typ, i));
                }
            }
        }
        d.match_entities();
        d
    }

    /// Scores every fact slot.
    pub fn run(mut self) -> Self {
        self.offices();
        self.trips();
        self.partnerships();
        self.agreements();
        self
    }

    pub fn sys(&self) -> &'a Value {
        self.s
    }

    fn note(&mut self, kind: &str, msg: String) {
        if self.explain {
            self.notes.push(format!("  {kind}: {msg}"));
        }
    }

    fn add_fact(&mut self, cat: &str, tp: usize, fp: usize, fn_: usize) {
        self.fact
            .entry(cat.to_string())
            .or_default()
            .add(tp, fp, fn_);
    }

    fn add_ent(&mut self, typ: EntityType, tp: usize, fp: usize, fn_: usize) {
        self.ent
            .entry(typ.key().to_string())
            .or_default()
            .add(tp, fp, fn_);
    }

    fn gold_resolve(&self, name: &Value) -> Gid {
        let k = norm_value(name);
        match k.as_ref().and_then(|k| self.gold_key.get(k)) {
            Some(g) => g.clone(),
            None => Gid::Unknown(k),
        }
    }

    fn sys_resolve(&self, name: &Value) -> Gid {
        let k = norm_value(name);
        if let Some(k) = &k {
            if let Some(Some(g)) = self.sys_name.get(k) {
                return g.clone();
            }
            if let Some(g) = self.gold_key.get(k) {
                return g.clone();
            }
        }
        Gid::Unknown(k)
    }

    pub fn is_optional(&self, gid: &Gid) -> bool {
        match gid {
            Gid::Gold(t, i) => self
                .gold_ents
                .get(&(*t, *i))
                .is_some_and(|e| truthy(e.get("optional"))),
            Gid::Unknown(_) => false,
        }
    }

    fn label(&self, gid: &Gid) -> String {
        match gid {
            Gid::Gold(t, i) => match self.gold_ents.get(&(*t, *i)).and_then(|e| get(e, "name")) {
                Some(n) => format!("'{}'", py_str(n)),
                None => "None".into(),
            },
            Gid::Unknown(Some(k)) => format!("'{k}'"),
            Gid::Unknown(None) => "None".into(),
        }
    }

    fn show(&self, v: &Val) -> String {
        match v {
            Val::Gid(g) => self.label(g),
            Val::Text(t) => format!("'{t}'"),
            Val::Amount(bits) => format!("{}", f64::from_bits(*bits)),
            Val::Set(s) => format!(
                "({})",
                s.iter()
                    .map(|g| self.label(g))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Val::Title(g, h) => format!("({}, '{h}')", self.label(g)),
        }
    }

    fn match_entities(&mut self) {
        for typ in EntityType::ALL {
            let golds: Vec<Gid> = (0..list(self.g, typ.key()).len())
                .map(|i| Gid::Gold(typ, i))
                .collect();
            let mut used: BTreeSet<Gid> = BTreeSet::new();
            for (j, se) in list(self.s, typ.key()).iter().enumerate() {
                let sk = keys_of(se);
                let sname = norm_field(se, "name");
                // (gold entity, whether it was already taken)
                let mut best: Option<(Gid, bool)> = None;
                for gid in &golds {
                    let Gid::Gold(t, i) = gid else { continue };
                    let ge = self.gold_ents[&(*t, *i)];
                    let gk = keys_of(ge);
                    let gname = norm_field(ge, "name");
                    let hit = sname.as_ref().is_some_and(|n| gk.contains(n))
                        || gname.as_ref().is_some_and(|n| sk.contains(n));
                    if hit {
                        if !used.contains(gid) {
                            best = Some((gid.clone(), false));
                            break;
                        }
                        if best.is_none() {
                            best = Some((gid.clone(), true));
                        }
                    }
                }
                let name =
                    get(se, "name").map_or("None".to_string(), |n| format!("'{}'", py_str(n)));
                match best {
                    None => {
                        self.sys_to_gold.push(((typ, j), None));
                        self.add_ent(typ, 0, 1, 0);
                        self.note("entity FP", format!("{} {name}", typ.key()));
                        for k in sk {
                            self.sys_name.entry(k).or_insert(None);
                        }
                    }
                    Some((gid, dup)) => {
                        self.sys_to_gold.push(((typ, j), Some(gid.clone())));
                        if dup {
                            if !self.is_optional(&gid) {
                                self.add_ent(typ, 0, 1, 0);
                                let l = self.label(&gid);
                                self.note(
                                    "entity FP (duplicate)",
                                    format!("{} {name} ~ {l}", typ.key()),
                                );
                            }
                        } else {
                            used.insert(gid.clone());
                            if !self.is_optional(&gid) {
                                self.add_ent(typ, 1, 0, 0);
                            }
                        }
                        for k in sk {
                            let slot = self.sys_name.entry(k).or_insert(None);
                            if slot.is_none() {
                                *slot = Some(gid.clone());
                            }
                        }
                    }
                }
            }
            for gid in &golds {
                if !used.contains(gid) && !self.is_optional(gid) {
                    self.add_ent(typ, 0, 0, 1);
                    let l = self.label(gid);
                    self.note("entity FN", format!("{} {l}", typ.key()));
                }
            }
        }
        self.sys_to_gold_map = self.sys_to_gold.iter().cloned().collect();
    }

    fn score_set(
        &mut self,
        cat: &str,
        sys_vals: &BTreeSet<Val>,
        gold_vals: &BTreeSet<Val>,
        gold_opt: &BTreeSet<Val>,
    ) {
        for v in sys_vals {
            if gold_vals.contains(v) {
                self.add_fact(cat, 1, 0, 0);
            } else if !gold_opt.contains(v) {
                self.add_fact(cat, 0, 1, 0);
                let shown = self.show(v);
                self.note(&format!("{cat} FP"), shown);
            }
        }
        for v in gold_vals.difference(sys_vals) {
            self.add_fact(cat, 0, 0, 1);
            let shown = self.show(v);
            self.note(&format!("{cat} FN"), shown);
        }
    }

    /// A scalar slot: one system value against the gold's accepted values.
    fn score_scalar(
        &mut self,
        cat: &str,
        sys_val: Option<&Value>,
        gold_slot: Option<&Value>,
        resolve_gold: &dyn Fn(&Self, &Value) -> Option<Val>,
        resolve_sys: &dyn Fn(&Self, &Value) -> Option<Val>,
    ) {
        let (vals, null_ok) = any_values(gold_slot);
        let accepted: BTreeSet<Val> = vals.iter().filter_map(|v| resolve_gold(self, v)).collect();
        let first = accepted.iter().next().cloned();
        let empty = match sys_val {
            None | Some(Value::Null) => true,
            Some(Value::String(s)) => s.is_empty(),
            _ => false,
        };
        if empty {
            if let (false, Some(f)) = (null_ok, &first) {
                self.add_fact(cat, 0, 0, 1);
                let shown = self.show(f);
                self.note(&format!("{cat} FN"), shown);
            }
            return;
        }
        let sv = sys_val.expect("not empty");
        // A malformed system value is simply wrong.
        let v = resolve_sys(self, sv).unwrap_or_else(|| Val::Text(format!("unreadable: {sv}")));
        if accepted.contains(&v) {
            self.add_fact(cat, 1, 0, 0);
        } else {
            self.add_fact(cat, 0, 1, 0);
            let shown = self.show(&v);
            self.note(&format!("{cat} FP"), shown);
            if let (false, Some(f)) = (null_ok, &first) {
                self.add_fact(cat, 0, 0, 1);
                let shown = self.show(f);
                self.note(&format!("{cat} FN"), shown);
            }
        }
    }

    fn offices(&mut self) {
        let mut gold_titles: BTreeSet<Val> = BTreeSet::new();
        let mut gold_opt: BTreeSet<Val> = BTreeSet::new();
        let mut gold_of: BTreeMap<Gid, Vec<(BTreeSet<Gid>, bool)>> = BTreeMap::new();
        for (i, p) in list(self.g, "persons").iter().enumerate() {
            let gid = Gid::Gold(EntityType::Persons, i);
            let optional = truthy(p.get("optional"));
            for o in list(p, "offices") {
                if let Some(h) = office_head(o) {
                    let t = Val::Title(gid.clone(), h);
                    if optional {
                        gold_opt.insert(t);
                    } else {
                        gold_titles.insert(t);
                    }
                }
                let (vals, null_ok) = any_values(get(o, "of"));
                if !vals.is_empty() && !optional {
                    let accepted = vals.iter().map(|v| self.gold_resolve(v)).collect();
                    gold_of
                        .entry(gid.clone())
                        .or_default()
                        .push((accepted, null_ok));
                }
            }
        }
        let mut sys_titles: BTreeSet<Val> = BTreeSet::new();
        let mut sys_of: BTreeMap<Gid, BTreeSet<Gid>> = BTreeMap::new();
        for (j, p) in list(self.s, "persons").iter().enumerate() {
            let gid = match self.sys_to_gold_map.get(&(EntityType::Persons, j)) {
                Some(Some(g)) => g.clone(),
                _ => Gid::Unknown(norm_field(p, "name")),
            };
            if self.is_optional(&gid) {
                continue;
            }
            let wanted: BTreeSet<String> = gold_titles
                .iter()
                .chain(&gold_opt)
                .filter_map(|t| match t {
                    Val::Title(g, h) if *g == gid => Some(h.clone()),
                    _ => None,
                })
                .collect();
            for o in list(p, "offices") {
                let mut h = office_head(o);
                let words = if truthy(o.get("title")) {
                    title_words(&py_str(&o["title"]))
                } else {
                    BTreeSet::new()
                };
                if let Some(hit) = wanted.intersection(&words).next() {
                    h = Some(hit.clone());
                }
                if let Some(h) = h {
                    sys_titles.insert(Val::Title(gid.clone(), h));
                }
                if truthy(o.get("of")) {
                    let r = self.sys_resolve(&o["of"]);
                    sys_of.entry(gid.clone()).or_default().insert(r);
                }
            }
        }
        self.score_set("offices", &sys_titles, &gold_titles, &gold_opt);
        let gids: BTreeSet<Gid> = gold_of.keys().chain(sys_of.keys()).cloned().collect();
        for gid in gids {
            let mut got = sys_of.get(&gid).cloned().unwrap_or_default();
            for (accepted, null_ok) in gold_of.get(&gid).cloned().unwrap_or_default() {
                if let Some(hit) = got.intersection(&accepted).next().cloned() {
                    got.remove(&hit);
                    self.add_fact("offices", 1, 0, 0);
                } else if !null_ok {
                    self.add_fact("offices", 0, 0, 1);
                    let msg = format!(
                        "{} of {}",
                        self.label(&gid),
                        accepted
                            .iter()
                            .next()
                            .map_or(String::new(), |g| self.label(g))
                    );
                    self.note("offices FN", msg);
                }
            }
            for v in got {
                self.add_fact("offices", 0, 1, 0);
                let msg = format!("{} of {}", self.label(&gid), self.label(&v));
                self.note("offices FP", msg);
            }
        }
    }

    /// The facts of a trip, for pairing system trips with gold trips by overlap.
    fn trip_facts(&self, t: &Value, gold: bool) -> BTreeSet<(&'static str, Val)> {
        let mut facts = BTreeSet::new();
        for slot in TRIP_SCALARS {
            let vals: Vec<&Value> = if gold {
                any_values(get(t, slot)).0
            } else if truthy(t.get(slot)) {
                vec![&t[slot]]
            } else {
                Vec::new()
            };
            for v in vals {
                let val = if slot == "leader" || slot == "origin" {
                    Val::Gid(if gold {
                        self.gold_resolve(v)
                    } else {
                        self.sys_resolve(v)
                    })
                } else {
                    Val::Text(py_str(v))
                };
                facts.insert((slot, val));
            }
        }
        for slot in TRIP_LISTS {
            for v in list(t, slot) {
                let g = if gold {
                    self.gold_resolve(v)
                } else {
                    self.sys_resolve(v)
                };
                facts.insert((slot, Val::Gid(g)));
            }
        }
        facts
    }

    fn trips(&mut self) {
        let golds = list(self.g, "trips");
        let syss = list(self.s, "trips");
        let gf: Vec<_> = golds.iter().map(|t| self.trip_facts(t, true)).collect();
        let sf: Vec<_> = syss.iter().map(|t| self.trip_facts(t, false)).collect();
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for (i, g) in gf.iter().enumerate() {
            for (j, s) in sf.iter().enumerate() {
                pairs.push((g.intersection(s).count(), i, j));
            }
        }
        pairs.sort_unstable_by(|a, b| b.cmp(a));
        let (mut gi_used, mut sj_used) = (BTreeSet::new(), BTreeSet::new());
        for (ov, i, j) in pairs {
            if ov == 0 || gi_used.contains(&i) || sj_used.contains(&j) {
                continue;
            }
            gi_used.insert(i);
            sj_used.insert(j);
            self.trip_pairs.push((i, j));
        }
        let entity = |d: &Self, v: &Value| Some(Val::Gid(d.gold_resolve(v)));
        let sys_entity = |d: &Self, v: &Value| Some(Val::Gid(d.sys_resolve(v)));
        let text = |_: &Self, v: &Value| Some(Val::Text(py_str(v)));
        let money = |_: &Self, v: &Value| py_float(v).map(amount);
        for (i, j) in self.trip_pairs.clone() {
            let (g, s) = (&golds[i], &syss[j]);
            if truthy(g.get("optional")) {
                continue;
            }
            for slot in ["leader", "origin"] {
                self.score_scalar(
                    &format!("trip.{slot}"),
                    s.get(slot),
                    get(g, slot),
                    &entity,
                    &sys_entity,
                );
            }
            for slot in ["start", "end"] {
                self.score_scalar(
                    &format!("trip.{slot}"),
                    s.get(slot),
                    get(g, slot),
                    &text,
                    &text,
                );
            }
            for slot in TRIP_LISTS {
                let sv: BTreeSet<Val> = list(s, slot)
                    .iter()
                    .map(|v| Val::Gid(self.sys_resolve(v)))
                    .collect();
                let gv: BTreeSet<Val> = list(g, slot)
                    .iter()
                    .map(|v| Val::Gid(self.gold_resolve(v)))
                    .collect();
                let go: BTreeSet<Val> = list(g, &format!("{slot}_optional"))
                    .iter()
                    .map(|v| Val::Gid(self.gold_resolve(v)))
                    .collect();
                self.score_set(&format!("trip.{slot}"), &sv, &gv, &go);
            }
            if get(g, "cost_eur").is_some() || get(s, "cost_eur").is_some() {
                self.score_scalar(
                    "trip.cost",
                    s.get("cost_eur"),
                    get(g, "cost_eur"),
                    &money,
                    &money,
                );
            }
        }
        for (j, s) in syss.iter().enumerate() {
            if sj_used.contains(&j) {
                continue;
            }
            let mut n = 0;
            for slot in TRIP_SCALARS {
                if truthy(s.get(slot)) {
                    self.add_fact(&format!("trip.{slot}"), 0, 1, 0);
                    n += 1;
                }
            }
            for slot in TRIP_LISTS {
                let k = list(s, slot)
                    .iter()
                    .map(norm_value)
                    .collect::<BTreeSet<_>>()
                    .len();
                self.add_fact(&format!("trip.{slot}"), 0, k, 0);
                n += k;
            }
            let msg = format!(
                "{} {} -> {} ({n} facts)",
                shown_raw(s.get("leader")),
                shown_raw(s.get("origin")),
                shown_raw(s.get("destinations"))
            );
            self.note("trip FP (unpaired)", msg);
        }
        for (i, g) in golds.iter().enumerate() {
            if gi_used.contains(&i) || truthy(g.get("optional")) {
                continue;
            }
            let mut n = 0;
            for slot in TRIP_SCALARS {
                let (vals, null_ok) = any_values(get(g, slot));
                if !vals.is_empty() && !null_ok {
                    self.add_fact(&format!("trip.{slot}"), 0, 0, 1);
                    n += 1;
                }
            }
            for slot in TRIP_LISTS {
                let k = list(g, slot).len();
                self.add_fact(&format!("trip.{slot}"), 0, 0, k);
                n += k;
            }
            let msg = format!(
                "{} {} -> {} ({n} facts)",
                shown_raw(g.get("leader")),
                shown_raw(g.get("origin")),
                shown_raw(g.get("destinations"))
            );
            self.note("trip FN (unpaired)", msg);
        }
    }

    fn partnerships(&mut self) {
        let mut gold_pairs: BTreeSet<Val> = BTreeSet::new();
        let mut gold_since: BTreeSet<(BTreeSet<Gid>, i64)> = BTreeSet::new();
        let mut opt: BTreeSet<BTreeSet<Gid>> = BTreeSet::new();
        let mut since_may_be_empty: BTreeSet<BTreeSet<Gid>> = BTreeSet::new();
        for p in list(self.g, "partnerships") {
            let pair: BTreeSet<Gid> = list(p, "cities")
                .iter()
                .map(|c| self.gold_resolve(c))
                .collect();
            if truthy(p.get("optional")) {
                opt.insert(pair);
                continue;
            }
            gold_pairs.insert(Val::Set(pair.clone()));
            let (vals, null_ok) = any_values(get(p, "since"));
            for v in &vals {
                if let Some(y) = py_int(v) {
                    gold_since.insert((pair.clone(), y));
                }
            }
            if !vals.is_empty() && null_ok {
                since_may_be_empty.insert(pair);
            }
        }
        let mut sys_pairs: BTreeSet<Val> = BTreeSet::new();
        let mut sys_since: BTreeSet<(BTreeSet<Gid>, Year)> = BTreeSet::new();
        for p in list(self.s, "partnerships") {
            let pair: BTreeSet<Gid> = list(p, "cities")
                .iter()
                .map(|c| self.sys_resolve(c))
                .collect();
            if opt.contains(&pair) {
                continue;
            }
            sys_pairs.insert(Val::Set(pair.clone()));
            if let Some(y) = get(p, "since") {
                let year = py_int(y).map_or_else(|| Year::Unreadable(y.to_string()), Year::Int);
                sys_since.insert((pair, year));
            }
        }
        self.score_set("partnership", &sys_pairs, &gold_pairs, &BTreeSet::new());
        // The year is only judged where the pair itself is right.
        let mut by_pair: BTreeMap<BTreeSet<Gid>, BTreeSet<Year>> = BTreeMap::new();
        for (pair, y) in gold_since {
            by_pair.entry(pair).or_default().insert(Year::Int(y));
        }
        let mut sys_by_pair: BTreeMap<BTreeSet<Gid>, BTreeSet<Year>> = BTreeMap::new();
        for (pair, y) in sys_since {
            if gold_pairs.contains(&Val::Set(pair.clone())) {
                sys_by_pair.entry(pair).or_default().insert(y);
            }
        }
        let show_years = |ys: &BTreeSet<Year>| {
            let v: Vec<String> = ys
                .iter()
                .map(|y| match y {
                    Year::Int(i) => i.to_string(),
                    Year::Unreadable(s) => format!("'unreadable: {s}'"),
                })
                .collect();
            format!("[{}]", v.join(", "))
        };
        for (pair, ys) in &by_pair {
            let got = sys_by_pair.get(pair).cloned().unwrap_or_default();
            let shown = self.show(&Val::Set(pair.clone()));
            if got.intersection(ys).next().is_some() {
                self.add_fact("partnership.since", 1, 0, 0);
            } else if got.is_empty() && since_may_be_empty.contains(pair) {
                // the gold allows leaving the year out
            } else {
                self.add_fact("partnership.since", 0, 0, 1);
                self.note(
                    "partnership.since FN",
                    format!("{shown} {}", show_years(ys)),
                );
            }
            let extra: BTreeSet<Year> = got.difference(ys).cloned().collect();
            if !extra.is_empty() {
                self.add_fact("partnership.since", 0, 1, 0);
                self.note(
                    "partnership.since FP",
                    format!("{shown} {}", show_years(&extra)),
                );
            }
        }
        for (pair, ys) in &sys_by_pair {
            if !by_pair.contains_key(pair) {
                self.add_fact("partnership.since", 0, 1, 0);
                let shown = self.show(&Val::Set(pair.clone()));
                self.note(
                    "partnership.since FP",
                    format!("{shown} {}", show_years(ys)),
                );
            }
        }
    }

    fn agreements(&mut self) {
        let golds = list(self.g, "agreements");
        let syss = list(self.s, "agreements");
        let set_of = |d: &Self, a: &Value, key: &str, gold: bool| -> BTreeSet<Gid> {
            list(a, key)
                .iter()
                .map(|x| {
                    if gold {
                        d.gold_resolve(x)
                    } else {
                        d.sys_resolve(x)
                    }
                })
                .collect()
        };
        let gp: Vec<_> = golds
            .iter()
            .map(|a| set_of(self, a, "parties", true))
            .collect();
        let sp: Vec<_> = syss
            .iter()
            .map(|a| set_of(self, a, "parties", false))
            .collect();
        let gs: Vec<_> = golds
            .iter()
            .map(|a| set_of(self, a, "signatories", true))
            .collect();
        let ss: Vec<_> = syss
            .iter()
            .map(|a| set_of(self, a, "signatories", false))
            .collect();
        // Parties first; ties go to the agreement that also shares signatories, date and
        // kind, then to a required gold agreement, then to document order.
        let closeness = |i: usize, j: usize| {
            let in_any = |key: &str| {
                let (vals, _) = any_values(get(&golds[i], key));
                get(&syss[j], key).is_some_and(|sv| vals.iter().any(|v| py_eq(v, sv)))
            };
            (
                gp[i].intersection(&sp[j]).count(),
                gs[i].intersection(&ss[j]).count(),
                in_any("date"),
                in_any("kind"),
                !truthy(golds[i].get("optional")),
                std::cmp::Reverse(i),
                std::cmp::Reverse(j),
            )
        };
        let mut pairs = Vec::new();
        for i in 0..golds.len() {
            for j in 0..syss.len() {
                pairs.push((closeness(i, j), i, j));
            }
        }
        pairs.sort_unstable_by(|a, b| b.cmp(a));
        let (mut gu, mut su) = (BTreeSet::new(), BTreeSet::new());
        let text = |_: &Self, v: &Value| Some(Val::Text(py_str(v)));
        for (c, i, j) in pairs {
            if c.0 == 0 || gu.contains(&i) || su.contains(&j) {
                continue;
            }
            gu.insert(i);
            su.insert(j);
            let (g, s) = (&golds[i], &syss[j]);
            if truthy(g.get("optional")) {
                continue;
            }
            self.score_set(
                "agreement.parties",
                &BTreeSet::from([Val::Set(sp[j].clone())]),
                &BTreeSet::from([Val::Set(gp[i].clone())]),
                &BTreeSet::new(),
            );
            self.score_scalar(
                "agreement.date",
                s.get("date"),
                get(g, "date"),
                &text,
                &text,
            );
            self.score_scalar(
                "agreement.kind",
                s.get("kind"),
                get(g, "kind"),
                &text,
                &text,
            );
            let sv = ss[j].iter().cloned().map(Val::Gid).collect();
            let gv = gs[i].iter().cloned().map(Val::Gid).collect();
            self.score_set("agreement.signatories", &sv, &gv, &BTreeSet::new());
        }
        for (j, s) in syss.iter().enumerate() {
            if !su.contains(&j) {
                self.add_fact("agreement.parties", 0, 1, 0);
                self.note("agreement FP (unpaired)", shown_raw(s.get("parties")));
            }
        }
        for (i, g) in golds.iter().enumerate() {
            if !gu.contains(&i) && !truthy(g.get("optional")) {
                self.add_fact("agreement.parties", 0, 0, 1);
                self.add_fact("agreement.signatories", 0, 0, list(g, "signatories").len());
                let (vals, null_ok) = any_values(get(g, "date"));
                if !vals.is_empty() && !null_ok {
                    self.add_fact("agreement.date", 0, 0, 1);
                }
                self.note("agreement FN (unpaired)", shown_raw(g.get("parties")));
            }
        }
    }
}

/// The head noun of an office's title (`None` for an empty title).
fn office_head(o: &Value) -> Option<String> {
    if truthy(o.get("title")) {
        title_head(&py_str(&o["title"]))
    } else {
        None
    }
}

/// A raw record value as the explanation shows it.
fn shown_raw(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".into(),
        Some(Value::String(s)) => format!("'{s}'"),
        Some(Value::Array(a)) => format!(
            "[{}]",
            a.iter()
                .map(|x| shown_raw(Some(x)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Some(other) => other.to_string(),
    }
}
