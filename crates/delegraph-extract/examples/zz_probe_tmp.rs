// Temporary probe (to be deleted).
fn main() {
    let mut args = std::env::args().skip(1);
    let date = args.next().unwrap();
    for text in args {
        let doc = delegraph_text::load("p.txt", "p.txt", text.as_bytes(), delegraph_text::Format::Text)
            .unwrap()
            .with_meta(delegraph_text::MetaOverride { title: None, published: delegraph_text::PartialDate::parse_iso(&date) });
        let r = delegraph_model::record::Record::from_facts(&delegraph_extract::extract(&doc));
        println!("== {text}");
        for p in &r.persons { println!("  person {} {:?} {:?} {:?}", p.name, p.aliases, p.party, p.offices.iter().map(|o| format!("{}|{:?}", o.title, o.of)).collect::<Vec<_>>()); }
        for p in &r.places { println!("  place {} {} {:?} {:?}", p.name, p.kind, p.country, p.aliases); }
        for o in &r.organizations { println!("  org {} {} {:?}", o.name, o.kind, o.aliases); }
        for t in &r.trips { println!("  trip {:?} {:?} {:?} {:?}-{:?} m{:?} mt{:?} {:?} {}", t.leader, t.origin, t.destinations, t.start, t.end, t.members, t.meetings, t.cost_eur, t.status); }
        for p in &r.partnerships { println!("  partnership {:?} {:?}", p.cities, p.since); }
        for a in &r.agreements { println!("  agreement {} {:?} {:?} {:?}", a.kind, a.parties, a.signatories, a.date); }
    }
}
