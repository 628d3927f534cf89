//! Agreements: a sentence that names a kind of agreement (memorandum, letter of intent,
//! partnership or cooperation agreement, communiqué) with a signing word, or refers back to
//! one named shortly before; parties are the organizations or places it names, else the
//! signatories' offices' places, the trip's ends or the partnership of the text.

use super::places::{in_dateline, is_country, office_place};
use super::{AgreementB, PartnershipB, TripB, cues, in_sentence, lower_set, sentence_entities};
use crate::ctx::Ctx;
use crate::ner::Found;
use delegraph_model::{AgreementKind, EntityRef, EntityType, OrgKind, Status};
use delegraph_text::temporal::{TimeExpr, TimeValue};
use std::collections::BTreeSet;

fn agreement_kind(words: &[String], text: &str) -> Option<AgreementKind> {
    let has = |c: &str| words.iter().any(|w| w.contains(c));
    if text.contains("Memorandum") || has("mou") && words.iter().any(|w| w == "mou") {
        Some(AgreementKind::MemorandumOfUnderstanding)
    } else if has("absichtserklärung")
        || text.contains("Letter of Intent")
        || words.iter().any(|w| w == "loi")
    {
        Some(AgreementKind::LetterOfIntent)
    } else if has("partnerschaftsvertrag")
        || has("partnerschaftsurkunde")
        || has("partnerschaftsvereinbarung")
        || has("freundschaftsvertrag")
    {
        Some(AgreementKind::PartnershipAgreement)
    } else if has("kommuniqu")
        || has("communiqu")
        || text.contains("Gemeinsame Erklärung")
        || text.contains("Gemeinsamen Erklärung")
        || has("deklaration")
    {
        Some(AgreementKind::Communique)
    } else if has("vereinbarung") || has("kooperationsvertrag") || has("abkommen") {
        Some(AgreementKind::CooperationAgreement)
    } else {
        None
    }
}

pub(super) fn agreements(
    ctx: &Ctx,
    f: &Found,
    times: &[TimeExpr],
    trips: &[TripB],
    partners: &[PartnershipB],
) -> Vec<AgreementB> {
    let mut out: Vec<AgreementB> = Vec::new();
    let mut last_kind: Option<(usize, AgreementKind)> = None;
    for si in 0..ctx.sents.len() {
        if ctx.boiler[si] {
            continue;
        }
        let words = lower_set(ctx, ctx.sents[si].clone());
        let sent_text = &ctx.text[ctx.sentence_span(si)];
        let named_kind = agreement_kind(&words, sent_text);
        if let Some(k) = named_kind {
            last_kind = Some((si, k));
        }
        // "… unterschrieben … das neue Dokument": the agreement named shortly before.
        let refers_back = words.iter().any(|w| cues::is("document_nouns", w));
        // "Für die Unterzeichnung reist X nach Tartu", "Unterschrieben haben X und Y",
        // "Unterzeichnet wurde sie von X und Y": X (and Y) sign the agreement just named.
        let for_signing = named_kind.is_none()
            && !refers_back
            && (words
                .iter()
                .any(|w| w == "unterzeichnung" || w == "unterschrift")
                || ["unterzeichnet", "unterschrieben", "signiert"]
                    .contains(&ctx.lower(ctx.sents[si].start).as_str()));
        if for_signing
            && let Some(a) = out.last_mut()
            && last_kind.is_some_and(|(at, _)| si - at <= 3)
        {
            for (_, e) in sentence_entities(f, ctx, si) {
                if e.ty == EntityType::Person && !a.signatories.contains(&e) {
                    a.signatories.push(e);
                }
            }
            a.sentences.push(si);
            continue;
        }
        let kind = match (named_kind, last_kind) {
            (Some(k), _) => k,
            (None, Some((at, k))) if refers_back && si - at <= 3 => k,
            _ => continue,
        };
        if !words.iter().any(|w| cues::contains("signing", w)) {
            // "In dem Memorandum of Understanding sagen sich beide zu …": the generic
            // "Vereinbarung" signed just before is of this kind.
            if let (Some(k), Some(a)) = (named_kind, out.last_mut())
                && a.kind == AgreementKind::CooperationAgreement
                && k != AgreementKind::CooperationAgreement
                && a.sentences.last().is_some_and(|&at| si - at <= 2)
            {
                a.kind = k;
                a.sentences.push(si);
            }
            continue;
        }
        let ents = sentence_entities(f, ctx, si);
        let signatories: Vec<EntityRef> = ents
            .iter()
            .filter(|(_, e)| e.ty == EntityType::Person)
            .map(|(_, e)| *e)
            .collect();
        // Parties: organizations when two or more sign; else places, not the place of the
        // ceremony ("in Tartu") and not countries.
        let orgs: Vec<EntityRef> = ents
            .iter()
            .filter(|(t, e)| {
                e.ty == EntityType::Organization
                    && !matches!(
                        f.orgs[e.index].kind,
                        OrgKind::Media | OrgKind::Party | OrgKind::Event
                    )
                    && (ctx.word(t.saturating_sub(1)) != "in")
                    // "der Vize-Präsident des Regionalrats, X": the body of a signatory's title.
                    && !(t >= &2
                        && matches!(ctx.lower(t - 1).as_str(), "des" | "der")
                        && crate::ner::office_head(ctx.word(t - 2)).is_some())
            })
            .map(|(_, e)| *e)
            .collect();
        // Every mention counts: "unterzeichneten in Chengdu ein MoU zwischen Jena und
        // Chengdu" names Chengdu as a party in its second mention.
        let sr = ctx.sents[si].clone();
        let mut places: Vec<EntityRef> = Vec::new();
        for (x, e) in &f.index {
            if x.start >= sr.start
                && x.start < sr.end
                && e.ty == EntityType::Place
                && !is_country(f, *e)
                && !matches!(ctx.lower(x.start.saturating_sub(1)).as_str(), "in" | "im")
                && !in_dateline(ctx, x.start)
                && !places.contains(e)
            {
                places.push(*e);
            }
        }
        let mut parties: Vec<EntityRef> = if orgs.len() >= 2 {
            orgs.clone()
        } else {
            places.clone()
        };
        if orgs.len() == 1 && parties.len() < 2 {
            parties.insert(0, orgs[0]);
        }
        for s in &signatories {
            if let Some(p) = office_place(f, s.index)
                && !parties.contains(&p)
                && !is_country(f, p)
                && orgs.len() < 2
            {
                parties.push(p);
            }
        }
        if parties.len() < 2
            && let Some(t) = trips.first()
        {
            for r in t.origin.iter().chain(t.destinations.first()) {
                if !parties.contains(r) {
                    parties.push(*r);
                }
            }
        }
        // Between partners: when the partnership of the document is named, it is the parties.
        if let Some(p) = partners.iter().find(|p| {
            (parties.contains(&p.a) || parties.contains(&p.b))
                && places.iter().all(|x| *x == p.a || *x == p.b)
        }) && orgs.len() < 2
        {
            parties.retain(|r| r.ty == EntityType::Organization);
            parties.push(p.a);
            parties.push(p.b);
        }
        // Signed by officials without places, in a report about one partnership: its partners.
        if parties.is_empty()
            && orgs.is_empty()
            && let [p] = partners
        {
            parties = vec![p.a, p.b];
        }
        parties.dedup();
        if parties.len() < 2 {
            continue;
        }
        let date = in_sentence(times, ctx, si)
            .iter()
            .find_map(|te| match te.value {
                TimeValue::Point(p) => Some(p),
                TimeValue::Range(a, _) => Some(a),
                _ => None,
            });
        let status = if words
            .iter()
            .any(|w| w == "soll" || w == "sollen" || w == "wird" || w == "werden")
            && !words.iter().any(|w| w == "wurde")
        {
            Status::Planned
        } else {
            Status::Completed
        };
        let key: BTreeSet<EntityRef> = parties.iter().copied().collect();
        // The same parties in another year sign another agreement.
        let same_time = |a: &AgreementB| match (a.date, date) {
            (Some(x), Some(y)) => x.year == y.year,
            _ => true,
        };
        match out
            .iter_mut()
            .find(|a| a.parties.iter().copied().collect::<BTreeSet<_>>() == key && same_time(a))
        {
            Some(a) => {
                for s in signatories {
                    if !a.signatories.contains(&s) {
                        a.signatories.push(s);
                    }
                }
                if a.kind == AgreementKind::CooperationAgreement
                    && kind != AgreementKind::CooperationAgreement
                {
                    a.kind = kind;
                }
                // The dated signing is the one reported; an undated mention before it may be
                // of an earlier document ("Seit 2014, als beide eine Absichtserklärung
                // unterzeichneten …").
                if a.date.is_none() && date.is_some() {
                    a.kind = kind;
                }
                if a.date.is_none() {
                    a.date = date;
                }
                a.sentences.push(si);
            }
            None => out.push(AgreementB {
                kind,
                parties,
                signatories,
                date,
                status,
                sentences: vec![si],
            }),
        }
    }
    // One agreement told twice ("Partnerschaftsurkunde zwischen A und B wird unterzeichnet";
    // "… besiegeln A und B am 18. April mit einer Partnerschaftsurkunde"): the same kind, one
    // set of parties inside the other, not dated to different years.
    let mut i = 0;
    while i < out.len() {
        let pi: BTreeSet<EntityRef> = out[i].parties.iter().copied().collect();
        let twin = (0..out.len()).find(|&j| {
            let pj: BTreeSet<EntityRef> = out[j].parties.iter().copied().collect();
            j != i
                && out[j].kind == out[i].kind
                && pi.is_subset(&pj)
                && match (out[i].date, out[j].date) {
                    (Some(x), Some(y)) => x.year == y.year,
                    _ => true,
                }
        });
        if let Some(j) = twin {
            let a = out.remove(i);
            let j = if j > i { j - 1 } else { j };
            let b = &mut out[j];
            b.parties = a.parties;
            for s in a.signatories {
                if !b.signatories.contains(&s) {
                    b.signatories.push(s);
                }
            }
            b.date = b.date.or(a.date);
            b.sentences.extend(a.sentences);
            b.sentences.sort_unstable();
            b.sentences.dedup();
        } else {
            i += 1;
        }
    }
    // Undated agreements signed during the trip carry its date.
    if let Some(t) = trips.first() {
        for a in &mut out {
            if a.date.is_none() {
                a.date = t.start;
            }
        }
    }
    out
}
