//! Agreements, assembled from frames: a *signing* (an instance of the `sign` frame:
//! "unterzeichneten", "wurde … unterschrieben", "setzten ihre Unterschrift unter …", "haben
//! … eine Vereinbarung geschlossen") belongs to a *document* (an instance of the `agreement`
//! noun frame whose noun names a kind: "Memorandum of Understanding", "Absichtserklärung",
//! "Partnerschaftsurkunde", "Kommuniqué", "Vereinbarung") named in its clause — or, where the
//! clause says only "sie", "das Dokument" or nothing, to the document named last before it.
//!
//! Who signs: the persons in the signing's subject, object or agent (one signs no person) and
//! after "mit". Parties: the towns and bodies that sign as subject, those after "mit" and
//! "zwischen" and inside the document's phrase ("Kommuniqué der Städte A und B"); else what
//! the signatories represent (their office's place or body), the other places of the
//! sentence, the trip's ends, the one partnership of the text.

use super::dates::{bare_weekday, week_before};
use super::places::{contains_place, country_of, in_dateline, is_country, org_place};
use super::{AgreementB, PartnershipB, TripB, cues, in_sentence};
use crate::ctx::Ctx;
use crate::frames::Instance;
use crate::ner::{Found, OfRef, norm_key};
use delegraph_model::{AgreementKind, EntityRef, EntityType, OrgKind, Status};
use delegraph_text::PartialDate;
use delegraph_text::temporal::{TimeExpr, TimeValue};
use std::collections::BTreeSet;

/// A document the text names, with the kind its noun gives.
#[derive(Debug, Clone)]
struct Doc {
    tok: usize,
    sentence: usize,
    kind: AgreementKind,
    parties: Vec<EntityRef>,
}

/// The kind of agreement a noun names, from the lists `kind.*` of `data/cues.txt`, with the
/// words around it for the kinds named in several words ("Letter of Intent", "Gemeinsame
/// Erklärung").
pub(crate) fn kind_of(ctx: &Ctx, tok: usize) -> Option<AgreementKind> {
    let w = ctx.lower(tok);
    let next = |n: usize| ctx.lower(tok + n);
    let prev = if tok > 0 {
        ctx.lower(tok - 1)
    } else {
        String::new()
    };
    let named = |list: &str| cues::contains(list, &w) || cues::is(&format!("{list}.word"), &w);
    if named("kind.memorandum") {
        Some(AgreementKind::MemorandumOfUnderstanding)
    } else if named("kind.letter_of_intent")
        || (w == "letter" && next(1) == "of" && next(2).starts_with("intent"))
    {
        Some(AgreementKind::LetterOfIntent)
    } else if named("kind.partnership") {
        Some(AgreementKind::PartnershipAgreement)
    } else if named("kind.communique")
        || (w.starts_with("erklärung") && prev.starts_with("gemeinsam"))
    {
        Some(AgreementKind::Communique)
    } else if named("kind.cooperation") {
        Some(AgreementKind::CooperationAgreement)
    } else {
        None
    }
}

/// Words that refer to a document named before ("das Dokument", "sie", "darunter").
fn refers_back(ctx: &Ctx, r: std::ops::Range<usize>) -> bool {
    r.clone().any(|k| cues::is("document_nouns", &ctx.lower(k)))
        || r.len() <= 2
            && r.clone()
                .any(|k| cues::is("document_pronouns", &ctx.lower(k)))
}

/// The documents of the text, in text order: the agreement nouns that name a kind, and a
/// partnership sealed by a signing ("besiegeln ihre Städtepartnerschaft": a partnership
/// agreement).
fn documents(ctx: &Ctx, inst: &[Instance]) -> Vec<Doc> {
    let mut out: Vec<Doc> = inst
        .iter()
        .filter(|i| i.frame == "agreement")
        .filter_map(|i| {
            Some(Doc {
                tok: i.trigger,
                sentence: i.sentence,
                kind: kind_of(ctx, i.trigger)?,
                parties: i
                    .entities("party")
                    .filter(|e| e.ty != EntityType::Person)
                    .collect(),
            })
        })
        .collect();
    for i in inst
        .iter()
        .filter(|i| i.frame == "sign" && !i.noun && !i.weak)
    {
        let sealed = i
            .spans("document")
            .flat_map(|r| r.clone())
            .find(|&k| cues::ends("sealed_bonds", &ctx.lower(k)) && ctx.is_cap(k));
        if let Some(k) = sealed
            && !out.iter().any(|d| d.tok == k)
        {
            out.push(Doc {
                tok: k,
                sentence: i.sentence,
                kind: AgreementKind::PartnershipAgreement,
                parties: Vec::new(),
            });
        }
    }
    out.sort_by_key(|d| d.tok);
    out
}

/// "… haben eine Vereinbarung geschlossen. In dem Memorandum of Understanding sagen sich
/// beide zu …": a document of a specific kind, named with a definite article in the sentence
/// of a generic one or the next and signed by no clause of its own, names the generic one
/// again — one document, of the specific kind.
fn fold_renamings(ctx: &Ctx, inst: &[Instance], docs: &mut Vec<Doc>) {
    let generic = AgreementKind::CooperationAgreement;
    let signed_in_clause = |tok: usize| {
        inst.iter()
            .any(|i| i.frame == "sign" && !i.noun && i.span.contains(&tok))
    };
    let mut j = 1;
    while j < docs.len() {
        let d = &docs[j];
        let earlier = (0..j)
            .rev()
            .find(|&i| docs[i].kind == generic && docs[i].sentence + 1 >= d.sentence);
        if let Some(i) = earlier
            && d.kind != generic
            && named_definite(ctx, d.tok)
            && !signed_in_clause(d.tok)
        {
            let d = docs.remove(j);
            docs[i].kind = d.kind;
            for p in d.parties {
                if !docs[i].parties.contains(&p) {
                    docs[i].parties.push(p);
                }
            }
            continue;
        }
        j += 1;
    }
}

/// A noun after a definite article, an opening quote between them allowed ("dem „Memorandum").
fn named_definite(ctx: &Ctx, tok: usize) -> bool {
    let mut k = tok;
    while k > 0 && matches!(ctx.lower(k - 1).as_str(), "„" | "\"" | "»" | "«" | "‚") {
        k -= 1;
    }
    k > 0 && (definite(ctx, k - 1) || matches!(ctx.lower(k - 1).as_str(), "im" | "vom" | "zum"))
}

/// "Die Bürgermeister unterzeichneten die Urkunde": a document that names no kind and refers to
/// none named before is a document of its own — the partnership agreement where the text
/// states a partnership, else of another kind.
fn bare_documents(ctx: &Ctx, inst: &[Instance], docs: &mut Vec<Doc>, partnership: bool) {
    for i in inst
        .iter()
        .filter(|i| i.frame == "sign" && !i.noun && !i.weak)
    {
        let bare = i.spans("document").find_map(|r| {
            let k = r
                .clone()
                .find(|&k| ctx.is_cap(k) && cues::ends("bare_documents", &ctx.lower(k)))?;
            Some((k, definite(ctx, r.start)))
        });
        let Some((k, definite)) = bare else { continue };
        // "ein Kooperationsvertrag" names its kind: it is the document already found there.
        if docs.iter().any(|d| d.tok == k) {
            continue;
        }
        // "eine Urkunde" is a document of its own; "die Urkunde" one only if none came before.
        let named_before = docs.iter().any(|d| d.tok <= k);
        if !definite || !named_before {
            docs.push(Doc {
                tok: k,
                sentence: i.sentence,
                kind: if partnership {
                    AgreementKind::PartnershipAgreement
                } else {
                    AgreementKind::Other
                },
                parties: Vec::new(),
            });
        }
    }
    docs.sort_by_key(|d| d.tok);
}

/// One signing: who signs, which document, which parties it names itself.
#[derive(Debug, Clone)]
struct Signing {
    sentence: usize,
    doc: usize,
    signatories: Vec<EntityRef>,
    parties: Vec<EntityRef>,
    bodies: Vec<EntityRef>,
    status: Status,
}

/// The document a signing signs: one named in its clause (in a document slot first), else —
/// unless the verb needs its document named ("schließen") — the one named last before it,
/// at most three sentences back.
fn document_of(ctx: &Ctx, docs: &[Doc], i: &Instance) -> Option<usize> {
    let in_slot = |d: &Doc| i.spans("document").any(|r| r.contains(&d.tok));
    let in_clause = |d: &Doc| i.span.contains(&d.tok);
    if let Some(d) = docs
        .iter()
        .position(in_slot)
        .or_else(|| docs.iter().position(in_clause))
    {
        return Some(d);
    }
    // "unterschrieb das Goldene Buch": a signing of something named that is no agreement.
    // The nouns of a light verb ("ihre Unterschrift setzen") name nothing signed.
    let light = crate::frames::light_nouns(i.frame);
    let names_thing = |k: usize| {
        let l = ctx.lower(k);
        ctx.is_cap(k) && !light.iter().any(|n| l.starts_with(n.as_str()))
    };
    // Whichever phrase of the clause refers back ("Unterschrieben haben das Dokument …") is
    // the document, whatever function the analysis gave it.
    let back = i
        .slots
        .iter()
        .any(|(_, s, r)| *s == crate::frames::Slot::AnyNp && refers_back(ctx, r.clone()));
    let named_elsewhere = i
        .spans("document")
        .any(|r| !refers_back(ctx, r.clone()) && r.clone().any(names_thing));
    if i.weak || (named_elsewhere && !back) {
        return None;
    }
    // "der Vertrag" refers to the document named last, however far back; a pronoun or a
    // signing without object to one named shortly before.
    let definite = i.spans("document").any(|r| definite(ctx, r.start));
    docs.iter()
        .rposition(|d| d.tok < i.span.start && (definite || d.sentence + 3 >= i.sentence))
}

/// A phrase opened by a definite article or a demonstrative.
fn definite(ctx: &Ctx, k: usize) -> bool {
    matches!(
        ctx.lower(k).as_str(),
        "der" | "die" | "das" | "den" | "dem" | "des" | "dieser" | "diese" | "dieses" | "diesen"
    )
}

/// Persons and bodies in a signing's slots: persons who stand as subject, object, agent or
/// after "mit" sign (one signs no person); towns and bodies there, and after "zwischen", are
/// parties (not media, parties or events) — except the body of a signatory's title ("der
/// Präsident des Regionalrats, X"), which is what the signatory represents.
fn signers(ctx: &Ctx, f: &Found, i: &Instance) -> Signers {
    use crate::frames::Slot;
    let mut out = Signers::default();
    let signing_slot = |s: &Slot| {
        matches!(s, Slot::Subject | Slot::Object | Slot::Agent)
            || matches!(s, Slot::Pp(p) if p == "mit")
    };
    // "X für A und Y für B": a person in a "für" phrase is one coordinated into it.
    let person_slot =
        |s: &Slot| signing_slot(s) || *s == Slot::AnyNp || matches!(s, Slot::Pp(p) if p == "für");
    for e in i.in_slots(ctx, f, person_slot) {
        if e.ty == EntityType::Person && !out.signatories.contains(&e) {
            out.signatories.push(e);
        }
    }
    let party_slot =
        |s: &Slot| signing_slot(s) || matches!(s, Slot::Pp(p) if p == "zwischen" || p == "für");
    for (_, slot, r) in &i.slots {
        if !party_slot(slot) {
            continue;
        }
        let from = f.index.partition_point(|(t, _)| t.start < r.start);
        let mut covered_to = r.start;
        let mut body_ends: Vec<usize> = Vec::new();
        for (t, e) in f.index[from..].iter().take_while(|(t, _)| t.start < r.end) {
            // A place inside a body's name ("Kleinhausener Universität") is no party of its own.
            let inside = t.start < covered_to;
            covered_to = covered_to.max(t.end);
            if e.ty == EntityType::Organization {
                body_ends.push(t.end);
            }
            // "die X GmbH aus Y (Z)": the town after a body's name (and the region in
            // parentheses after the town) locates it.
            let locates_body = e.ty == EntityType::Place
                && t.start >= 1
                && matches!(ctx.lower(t.start - 1).as_str(), "aus" | "(")
                && body_ends.contains(&(t.start - 1));
            if locates_body {
                body_ends.push(t.end);
            }
            if e.ty == EntityType::Person
                || is_minor_body(f, *e)
                || inside
                || locates_body
                || adjectival_place(ctx, t.start, *e)
            {
                continue;
            }
            let list = if title_body(ctx, t.start) {
                &mut out.bodies
            } else {
                &mut out.parties
            };
            if !list.contains(e) {
                list.push(*e);
            }
        }
    }
    out.parties.retain(|p| !out.bodies.contains(p));
    for b in affiliations(ctx, f, i, &out.signatories) {
        if !out.bodies.contains(&b) && !out.parties.contains(&b) {
            out.bodies.push(b);
        }
    }
    out
}

/// "Rektor X vom Y College", "Bürgermeister Z aus W": the body or town named right after a
/// signatory's name in the signing clause is what the signatory signs for.
fn affiliations(ctx: &Ctx, f: &Found, i: &Instance, signatories: &[EntityRef]) -> Vec<EntityRef> {
    let mut out = Vec::new();
    for (t, e) in f.index.iter().filter(|(t, _)| i.span.contains(&t.start)) {
        if !signatories.contains(e) {
            continue;
        }
        let mut k = t.end;
        if !matches!(ctx.lower(k).as_str(), "vom" | "von" | "aus") {
            continue;
        }
        k += 1;
        if matches!(ctx.lower(k).as_str(), "der" | "dem" | "den") {
            k += 1;
        }
        let body = f.index.iter().find(|(x, b)| {
            x.start == k
                && (b.ty == EntityType::Organization && !is_minor_body(f, *b)
                    || b.ty == EntityType::Place && !is_country(f, *b))
        });
        if let Some((_, b)) = body
            && !out.contains(b)
        {
            out.push(*b);
        }
    }
    out
}

/// "sein bayerischer Amtskollege", "des oberbayerischen Marktes X": a place named by an
/// adjective only locates a signatory or a town; it signs nothing itself.
fn adjectival_place(ctx: &Ctx, tok: usize, e: EntityRef) -> bool {
    e.ty == EntityType::Place && !ctx.is_cap(tok)
}

/// "das Kreiskrankenhaus Alba Iulia": a town inside a body's name is that body's, no party.
fn in_body_name(f: &Found, tok: usize) -> bool {
    f.index
        .iter()
        .any(|(r, e)| e.ty == EntityType::Organization && r.start < tok && tok < r.end)
}

/// "der Vize-Präsident des Regionalrats": a body in the genitive of a title.
fn title_body(ctx: &Ctx, tok: usize) -> bool {
    tok >= 2
        && matches!(ctx.lower(tok - 1).as_str(), "des" | "der")
        && crate::ner::office_head(ctx.word(tok - 2)).is_some()
}

#[derive(Debug, Clone, Default)]
struct Signers {
    signatories: Vec<EntityRef>,
    parties: Vec<EntityRef>,
    /// Bodies of the signatories' titles.
    bodies: Vec<EntityRef>,
}

/// Media, parties and events never sign an agreement.
fn is_minor_body(f: &Found, e: EntityRef) -> bool {
    e.ty == EntityType::Organization
        && matches!(
            f.orgs[e.index].kind,
            OrgKind::Media | OrgKind::Party | OrgKind::Event
        )
}

/// "Die beiden Bürgermeister unterzeichneten die Urkunde", "die vier Bürgermeister": a signing
/// by a group named by its office sign the persons of the text who hold that office — as many as
/// the group counts ("beide" two), or none where the count differs.
fn group_signatories(ctx: &Ctx, f: &Found, i: &Instance) -> Vec<EntityRef> {
    for r in i.spans("signatory") {
        let words: Vec<String> = r.clone().map(|k| ctx.lower(k)).collect();
        let count = words.iter().find_map(|w| match w.as_str() {
            "beide" | "beiden" | "zwei" => Some(2),
            "drei" => Some(3),
            "vier" => Some(4),
            "fünf" => Some(5),
            _ => None,
        });
        let head = r
            .clone()
            .find_map(|k| crate::ner::office_head(ctx.word(k)).map(title_class));
        let (Some(n), Some(head)) = (count, head) else {
            continue;
        };
        let holders: Vec<EntityRef> = (0..f.persons.len())
            .filter(|&p| {
                f.persons[p].offices.iter().any(|o| {
                    o.title
                        .split_whitespace()
                        .filter_map(crate::ner::office_head)
                        .any(|h| title_class(h) == head)
                })
            })
            .map(EntityRef::person)
            .collect();
        if holders.len() == n {
            return holders;
        }
    }
    Vec::new()
}

/// One class for the titles of a town's head in any language ("Bürgermeisterin", "Starosta",
/// "Maire"); other titles stand for themselves.
fn title_class(head: &str) -> &str {
    if head.contains("bürgermeister")
        || crate::lexicon::FOREIGN_MAYORS.contains(&head)
        || head.starts_with("starost")
        || matches!(head, "burgemeester" | "bourgmestre" | "meras" | "mayor")
    {
        "mayor"
    } else {
        head
    }
}

/// Every signing of the text that belongs to a document.
fn signings(ctx: &Ctx, f: &Found, docs: &[Doc], inst: &[Instance]) -> Vec<Signing> {
    inst.iter()
        .filter(|i| i.frame == "sign" && i.status != Status::Negated)
        .filter_map(|i| {
            let doc = document_of(ctx, docs, i)?;
            let mut who = signers(ctx, f, i);
            if who.signatories.is_empty() && !i.noun {
                who.signatories = group_signatories(ctx, f, i);
            }
            // "die Unterzeichnung der Urkunde" tells of a signing only with who signs.
            if i.noun && who.signatories.is_empty() {
                return None;
            }
            Some(Signing {
                sentence: i.sentence,
                doc,
                signatories: who.signatories,
                parties: who.parties,
                bodies: who.bodies,
                status: match i.status {
                    Status::Planned | Status::Announced => Status::Planned,
                    // The present tense tells of either; `present_tense_status` decides.
                    Status::Ongoing => Status::Ongoing,
                    _ => Status::Completed,
                },
            })
        })
        .collect()
}

/// Agreements: the signings of one document, or of documents that are one — the same kind
/// (a generic "Vereinbarung" and the specific noun that names it soon after), parties of one
/// inside the other's, not dated to different years.
pub(super) fn agreements(
    ctx: &Ctx,
    f: &Found,
    inst: &[Instance],
    times: &[TimeExpr],
    published: Option<PartialDate>,
    trips: &[TripB],
    partners: &[PartnershipB],
) -> Vec<AgreementB> {
    let mut docs = documents(ctx, inst);
    fold_renamings(ctx, inst, &mut docs);
    bare_documents(ctx, inst, &mut docs, !partners.is_empty());
    let mut out: Vec<AgreementB> = Vec::new();
    // The bodies of the signatories' titles, per agreement.
    let mut bodies: Vec<Vec<EntityRef>> = Vec::new();
    let mut of_doc: Vec<Option<usize>> = vec![None; docs.len()];
    let debug = crate::frames::tracing();
    if debug {
        eprintln!("docs {docs:?}");
    }
    for s in signings(ctx, f, &docs, inst) {
        if debug {
            eprintln!("signing {s:?}");
        }
        let d = &docs[s.doc];
        let date = date_in(ctx, times, s.sentence, s.status, published)
            .or_else(|| date_in(ctx, times, d.sentence, s.status, published));
        let mut parties = s.parties.clone();
        for p in &d.parties {
            if !parties.contains(p) && !is_minor_body(f, *p) {
                parties.push(*p);
            }
        }
        let target = of_doc[s.doc].or_else(|| {
            out.iter()
                .position(|a| same_agreement(a, s.sentence, d.kind, &parties, date))
        });
        let ai = target.unwrap_or_else(|| {
            out.push(AgreementB {
                kind: d.kind,
                parties: Vec::new(),
                signatories: Vec::new(),
                date: None,
                status: s.status,
                sentences: Vec::new(),
            });
            bodies.push(Vec::new());
            out.len() - 1
        });
        of_doc[s.doc] = Some(ai);
        merge_signing(&mut out[ai], &s, d, &parties, date);
        bodies[ai].extend(s.bodies.iter().copied());
    }
    let signed: Vec<bool> = of_doc.iter().map(Option::is_some).collect();
    refine_kinds(&docs, &signed, &mut out);
    for (a, b) in out.iter_mut().zip(&bodies) {
        complete_parties(ctx, f, a, b, trips, partners);
        tidy_parties(f, &mut a.parties);
    }
    // A document that names one side is still stated when its signatories are named.
    out.retain(|a| a.parties.len() >= 2 || a.parties.len() == 1 && !a.signatories.is_empty());
    if let Some(t) = trips.first() {
        for a in out.iter_mut().filter(|a| a.date.is_none()) {
            a.date = t.start;
        }
    }
    for a in out.iter_mut().filter(|a| a.status == Status::Ongoing) {
        a.status = present_tense_status(a.date, published, trips.first());
    }
    out
}

/// "Mit der Gouverneurin unterzeichnet X ein Communiqué": a signing told in the present tense
/// is planned when it is dated after the publication, or when the trip the text reports is
/// still to come; else it is done.
fn present_tense_status(
    date: Option<PartialDate>,
    published: Option<PartialDate>,
    trip: Option<&TripB>,
) -> Status {
    let later = matches!((date, published), (Some(d), Some(p)) if d.is_day() && d > p);
    let trip_ahead = trip.is_some_and(|t| matches!(t.status, Status::Planned | Status::Announced));
    if later || trip_ahead {
        Status::Planned
    } else {
        Status::Completed
    }
}

/// Parties name each side once: a country or region that holds another party only locates it
/// ("die polnische Region X", "X in der Provinz Y"); so does the town of a body that is a
/// party ("die Messegesellschaft der Provinzhauptstadt X").
fn tidy_parties(f: &Found, parties: &mut Vec<EntityRef>) {
    let all = parties.clone();
    let locates = |p: &EntityRef, q: &EntityRef| {
        p != q
            && p.ty == EntityType::Place
            && (q.ty == EntityType::Place
                && ((is_country(f, *p) && country_of(f, *q) == country_of(f, *p))
                    || contains_place(f, *p, *q))
                || q.ty == EntityType::Organization && org_place(f, *q) == Some(*p))
    };
    parties.retain(|p| !all.iter().any(|q| locates(p, q)));
}

/// The first date or range start of a sentence.
fn date_in(
    ctx: &Ctx,
    times: &[TimeExpr],
    si: usize,
    status: Status,
    published: Option<PartialDate>,
) -> Option<PartialDate> {
    in_sentence(times, ctx, si).iter().find_map(|te| {
        let date = match te.value {
            TimeValue::Point(p) => p,
            TimeValue::Range(a, _) => a,
            // "Seit 2014, als beide Seiten … unterzeichneten": signed that year.
            TimeValue::Since(y) => PartialDate::year(y),
            _ => return None,
        };
        Some(week_before(date, bare_weekday(ctx, te), status, published).unwrap_or(date))
    })
}

/// Whether a signing of a document of `kind` with these parties and date belongs to `a`.
fn same_agreement(
    a: &AgreementB,
    sentence: usize,
    kind: AgreementKind,
    parties: &[EntityRef],
    date: Option<PartialDate>,
) -> bool {
    let mine: BTreeSet<EntityRef> = parties.iter().copied().collect();
    let theirs: BTreeSet<EntityRef> = a.parties.iter().copied().collect();
    let same_year = match (a.date, date) {
        (Some(x), Some(y)) => x.year == y.year,
        _ => true,
    };
    // "die Vereinbarung" and "das Memorandum" soon after, or both between the same parties:
    // one document, named twice.
    let generic = AgreementKind::CooperationAgreement;
    let near = a.sentences.last().is_some_and(|&at| sentence <= at + 3);
    let same_parties = !mine.is_empty() && !theirs.is_empty();
    let kinds =
        a.kind == kind || ((a.kind == generic || kind == generic) && (near || same_parties));
    kinds && (mine.is_subset(&theirs) || theirs.is_subset(&mine)) && same_year
}

/// Adds what one signing states to its agreement: a specific kind wins over the generic
/// "Vereinbarung".
fn merge_signing(
    a: &mut AgreementB,
    s: &Signing,
    d: &Doc,
    parties: &[EntityRef],
    date: Option<PartialDate>,
) {
    for e in &s.signatories {
        if !a.signatories.contains(e) {
            a.signatories.push(*e);
        }
    }
    for e in parties {
        if !a.parties.contains(e) {
            a.parties.push(*e);
        }
    }
    if a.date.is_none() {
        a.date = date;
    }
    if a.kind == AgreementKind::CooperationAgreement && d.kind != a.kind {
        a.kind = d.kind;
    }
    for si in [d.sentence, s.sentence] {
        if !a.sentences.contains(&si) {
            a.sentences.push(si);
        }
    }
    a.sentences.sort_unstable();
}

/// "… eine Vereinbarung geschlossen. In dem Memorandum of Understanding sagen sich beide …":
/// a specific noun soon after a generic agreement, with no signing of its own, names it.
fn refine_kinds(docs: &[Doc], signed: &[bool], out: &mut [AgreementB]) {
    for (d, _) in docs.iter().zip(signed).filter(|(_, s)| !**s) {
        if let Some(a) = out.iter_mut().find(|a| {
            a.kind == AgreementKind::CooperationAgreement
                && a.sentences
                    .last()
                    .is_some_and(|&at| at <= d.sentence && d.sentence <= at + 2)
        }) {
            a.kind = d.kind;
            a.sentences.push(d.sentence);
        }
    }
}

/// What a person represents: the place or body of an office (no country) — named, written
/// as a name still to resolve ("Akademie X" in "Rektorin der Akademie X"), or named by a
/// compound title ("Tongji-Präsident").
fn body_of(f: &Found, p: EntityRef) -> Option<EntityRef> {
    let names: Vec<&str> = f.orgs.iter().map(|o| o.name.as_str()).collect();
    f.persons[p.index].offices.iter().find_map(|o| match &o.of {
        OfRef::Ent(r) => (!is_country(f, *r)).then_some(*r),
        OfRef::Surface(s) => named(f, s),
        OfRef::None => crate::offices::body_named_by_title(&names, &o.title).map(EntityRef::org),
    })
}

/// The organization or town a name names.
fn named(f: &Found, s: &str) -> Option<EntityRef> {
    let key = norm_key(s);
    let org = f
        .orgs
        .iter()
        .position(|o| norm_key(&o.name) == key || o.aliases.iter().any(|a| norm_key(a) == key));
    org.map(EntityRef::org).or_else(|| {
        let gaz = delegraph_gazetteer::places::Places::get();
        f.places
            .iter()
            .position(|p| norm_key(&gaz.place(p.id).name) == key)
            .map(EntityRef::place)
            .filter(|r| !is_country(f, *r))
    })
}

/// Parties where the signings named fewer than two: what the signatories represent (an office's
/// place or body, the body in a title), the other
/// towns of the signing sentences (not where it was signed, "in X", nor a dateline), the ends
/// of the reported trip, the one partnership of the text.
fn complete_parties(
    ctx: &Ctx,
    f: &Found,
    a: &mut AgreementB,
    bodies: &[EntityRef],
    trips: &[TripB],
    partners: &[PartnershipB],
) {
    let add = |a: &mut AgreementB, e: EntityRef| {
        if !a.parties.contains(&e) {
            a.parties.push(e);
        }
    };
    // A council or government a signatory serves, or in a signatory's title, stands for its
    // place.
    let stands_for = |b: EntityRef| {
        let governs =
            b.ty == EntityType::Organization && f.orgs[b.index].kind == OrgKind::PublicBody;
        if governs {
            org_place(f, b).unwrap_or(b)
        } else {
            b
        }
    };
    for s in a.signatories.clone() {
        if a.parties.len() < 2
            && let Some(b) = body_of(f, s)
        {
            add(a, stands_for(b));
        }
    }
    for b in bodies {
        if a.parties.len() < 2 {
            add(a, stands_for(*b));
        }
    }
    if a.parties.len() < 2 {
        for &si in &a.sentences.clone() {
            let sr = ctx.sents[si].clone();
            for (x, e) in &f.index {
                if x.start >= sr.start
                    && x.start < sr.end
                    && e.ty == EntityType::Place
                    && !is_country(f, *e)
                    && !adjectival_place(ctx, x.start, *e)
                    && !in_body_name(f, x.start)
                    && !matches!(ctx.lower(x.start.saturating_sub(1)).as_str(), "in" | "im")
                    && !in_dateline(ctx, x.start)
                {
                    add(a, *e);
                }
            }
        }
    }
    if a.parties.len() < 2
        && let Some(t) = trips.first()
    {
        for r in t.origin.iter().chain(t.destinations.first()) {
            add(a, *r);
        }
    }
    if a.parties.is_empty()
        && let [p] = partners
    {
        add(a, p.a);
        add(a, p.b);
    }
}
