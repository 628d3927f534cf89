//! Closed word classes the rules rely on: office nouns, organization head nouns, event triggers,
//! function words. These are grammar, not data about particular documents.

/// Office nouns (masculine base form, lowercase). A word is an office title when it ends with
/// one of these, optionally followed by a feminine "-in" and/or a case ending.
pub(crate) const OFFICE_HEADS: &[&str] = &[
    "abgeordnete", "abgeordneter", "beauftragte", "beauftragter", "beigeordnete", "beigeordneter",
    "botschafter", "bürgermeister", "chef", "dekan", "delegationsleiter", "dezernent", "direktor",
    "erbprinz", "fürst", "generalkonsul", "generalsekretär", "geschäftsführer", "gouverneur",
    "kanzler", "kommissar", "konsul", "landammann", "landeshauptfrau", "landeshauptmann", "landrat",
    "landrätin", "leiter", "manager", "minister", "ministerpräsident", "oberhaupt", "premier",
    "präsident", "referent", "regierungschef", "regierungsrat", "rektor", "schirmherr",
    "sekretär", "senator", "sprecher", "staatsrat", "staatssekretär", "stadtrat", "stadträtin",
    "stellvertreter", "vorsitzende", "vorsitzender", "vorstand", "vorständin",
];

/// Abbreviated titles as they appear before names.
pub(crate) const OFFICE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("LH", "Landeshauptmann"),
    ("OB", "Oberbürgermeister"),
    ("BM", "Bürgermeister"),
];

/// Adjectives that belong to an office title ("Regierender Bürgermeister", "Erster Landtagspräsident").
pub(crate) const OFFICE_ADJECTIVES: &[&str] = &[
    "amtierende", "designierte", "erste", "ehemalige", "frühere", "geschäftsführende",
    "regierende", "stellvertretende", "zweite", "neue", "scheidende", "langjährige",
];

/// Office titles whose holder belongs to a municipality or state government: when the text does
/// not say whose office it is, it is the office of the document's home place.
pub(crate) const HOME_GOVERNMENT_HEADS: &[&str] = &[
    "bürgermeister", "senator", "stadtrat", "stadträtin", "ministerpräsident", "landeshauptmann",
    "landeshauptfrau", "landrat", "landrätin", "regierungsrat", "minister",
];

/// Organization head nouns (lowercase) and the kind they signal. A compound ending in one of
/// these ("Wirtschaftskammer", "Gewandhausorchester") is an organization candidate.
pub(crate) const ORG_HEADS: &[(&str, &str, bool)] = &[
    // (head, kind, standalone: a bare compound with this head names one institution)
    ("abgeordnetenhaus", "public_body", true),
    ("akademie", "university", false),
    ("amt", "public_body", false),
    ("agentur", "public_body", false),
    ("ausschuss", "public_body", false),
    ("bank", "company", false),
    ("behörde", "public_body", false),
    ("botschaft", "public_body", false),
    ("bundesrat", "public_body", true),
    ("bundestag", "public_body", true),
    ("bürgerschaft", "public_body", true),
    ("businessforum", "event", false),
    ("campus", "research", false),
    ("club", "association", false),
    ("forum", "event", false),
    ("festival", "event", false),
    ("festspiele", "event", false),
    ("forschungszentrum", "research", false),
    ("galerie", "culture", false),
    ("generalkonsulat", "public_body", true),
    ("gesellschaft", "association", false),
    ("gruppe", "company", false),
    ("handelskammer", "chamber", false),
    ("handwerkskammer", "chamber", false),
    ("hochschule", "university", false),
    ("institut", "research", false),
    ("kammer", "chamber", false),
    ("klinik", "research", false),
    ("klinikum", "research", false),
    ("kongress", "event", false),
    ("konsulat", "public_body", true),
    ("konzern", "company", false),
    ("kanzlei", "public_body", true),
    ("landtag", "public_body", true),
    ("ministerium", "public_body", true),
    ("museum", "culture", false),
    ("orchester", "culture", true),
    ("oper", "culture", false),
    ("parlament", "public_body", true),
    ("polizei", "public_body", false),
    ("presseclub", "association", false),
    ("rathaus", "public_body", false),
    ("regionalrat", "public_body", false),
    ("senat", "public_body", true),
    ("staatskanzlei", "public_body", true),
    ("stadtwerke", "company", true),
    ("stiftung", "association", false),
    ("theater", "culture", false),
    ("universität", "university", false),
    ("verband", "association", false),
    ("verein", "association", false),
    ("werke", "company", false),
    ("wirtschaftsförderung", "company", false),
    ("zentrum", "research", false),
];

/// English organization head words, for names like "Bayer Research and Innovation Center".
pub(crate) const ENGLISH_ORG_HEADS: &[(&str, &str)] = &[
    ("Agency", "public_body"),
    ("Association", "association"),
    ("Authority", "public_body"),
    ("Bank", "company"),
    ("Businessforum", "event"),
    ("Center", "research"),
    ("Centre", "research"),
    ("College", "university"),
    ("Company", "company"),
    ("Corporation", "company"),
    ("Council", "public_body"),
    ("Department", "public_body"),
    ("Expo", "event"),
    ("Festival", "event"),
    ("Forum", "event"),
    ("Foundation", "association"),
    ("Group", "company"),
    ("Institute", "research"),
    ("Museum", "culture"),
    ("Orchestra", "culture"),
    ("Park", "research"),
    ("Summit", "event"),
    ("Technologies", "company"),
    ("Therapeutics", "company"),
    ("University", "university"),
];

/// Connectors allowed inside English organization names.
pub(crate) const ENGLISH_CONNECTORS: &[&str] = &["of", "and", "for", "&", "the", "de", "du", "des"];

/// Nouns introducing an event whose name follows in quotes.
pub(crate) const EVENT_CUES: &[&str] = &[
    "ausstellung", "expo", "festival", "forum", "gipfel", "konferenz", "kongress", "messe",
    "veranstaltung", "summit", "tagung", "fachmesse", "leitmesse",
];

/// Function words that never start or continue a name even when capitalized at sentence start.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "ab", "aber", "alle", "als", "am", "an", "anschließend", "auch", "auf", "aus", "bei", "beide",
    "beim", "bis", "da", "dabei", "daher", "damit", "danach", "dann", "darüber", "das", "dass",
    "davor", "dazu", "dem", "den", "denn", "der", "deren", "des", "dessen", "die", "dies", "diese",
    "diesem", "diesen", "dieser", "dieses", "doch", "dort", "du", "durch", "ein", "eine", "einem",
    "einen", "einer", "eines", "er", "es", "für", "gegen", "hier", "ihr", "ihre", "im", "in",
    "indem", "ins", "ist", "ja", "je", "jetzt", "kein", "keine", "mit", "nach", "neben", "nicht",
    "noch", "nun", "nur", "ob", "oder", "ohne", "schon", "sein", "seine", "seit", "sich", "sie",
    "so", "sowie", "um", "und", "unter", "vom", "von", "vor", "wann", "was", "weil", "wenn", "wer",
    "wie", "wir", "wird", "wo", "zu", "zum", "zur", "zwischen", "über", "laut", "gemeinsam",
    "heute", "morgen", "gestern", "zudem", "außerdem", "weitere", "weiteren", "rund", "etwa",
];

/// Prepositions after which an ambiguous name is read as a place ("in Essen", "nach Hof").
pub(crate) const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "nach", "aus", "von", "bei", "zwischen", "über", "bis", "ab", "im", "gen", "via",
    "richtung", "partnerstadt", "städten", "stadt", "region", "provinz", "land", "kanton",
];

/// Nobility particles and parts that stay inside person names.
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "von", "van", "de", "der", "zu", "den", "di", "da", "del", "du", "la", "le", "ten", "vom",
    "Freiherr", "Freifrau", "Graf", "Gräfin", "Baron", "Prinz", "Prinzessin", "bin", "al", "el",
];

/// Academic titles and honorifics dropped from names.
pub(crate) const HONORIFICS: &[&str] = &[
    "Dr.", "Prof.", "Professor", "Professorin", "Dipl.-Ing.", "Ing.", "Mag.", "Herr", "Frau",
    "Herrn", "h.c.", "med.", "rer.", "nat.", "phil.", "Dres.", "MdB", "MdL", "MdEP", "Sir", "Dame",
];

/// Common Chinese family names in pinyin: a name "<family> <given>" with a pinyin given name
/// is a person even without a title.
pub(crate) const CHINESE_SURNAMES: &[&str] = &[
    "Bai", "Cai", "Cao", "Chang", "Chen", "Cheng", "Cui", "Dai", "Deng", "Ding", "Dong", "Du",
    "Duan", "Fan", "Fang", "Feng", "Fu", "Gao", "Gong", "Gu", "Guo", "Han", "Hao", "He", "Hou",
    "Hu", "Hua", "Huang", "Jia", "Jiang", "Jin", "Kang", "Kong", "Lai", "Lei", "Li", "Liang",
    "Liao", "Lin", "Liu", "Long", "Lu", "Luo", "Lü", "Ma", "Mao", "Mei", "Meng", "Pan", "Peng",
    "Qian", "Qiao", "Qin", "Qiu", "Ren", "Shao", "Shen", "Shi", "Song", "Su", "Sun", "Tan", "Tang",
    "Tian", "Wan", "Wang", "Wei", "Wen", "Wu", "Xia", "Xiao", "Xie", "Xiong", "Xu", "Xue", "Yan",
    "Yang", "Yao", "Ye", "Yi", "Yin", "Yu", "Yuan", "Zeng", "Zhang", "Zhao", "Zheng", "Zhong",
    "Zhou", "Zhu", "Zou",
];

/// Tokens that open a credit or boilerplate line; nothing in such a sentence becomes a fact.
pub(crate) const BOILERPLATE_CUES: &[&str] = &[
    "Bild:", "Foto:", "Fotos:", "Audio:", "Video:", "Sendung:", "Quelle:", "Quellen:", "Kontakt",
    "Tel.:", "Telefon:", "E-Mail", "Fax:", "Pressekontakt", "Social Media", "Folgen Sie",
    "Letzte Änderung", "Impressum", "Datenschutz", "Cookie", "Keine Kommentare", "Bildtext:",
    "Hinweis für die Medien", "Copyright", "©",
];

/// All-caps tokens that are not organizations.
pub(crate) const NON_ORG_ACRONYMS: &[&str] = &[
    "AG", "BIP", "CEO", "CO2", "DDR", "DNA", "EU", "EUR", "GmbH", "II", "III", "IT", "KI", "KMU",
    "MdB", "MdL", "NRW", "OK", "PDF", "PR", "SE", "TV", "UN", "URL", "US", "USA", "UK", "VR",
    "WLAN", "ZDF", "IV", "VI", "OB", "LH", "BM", "ÖPNV", "NGO", "FAQ", "PKW", "LKW", "GPS",
];

/// Parties as written after a name or in a compound ("SPD-Politikerin").
pub(crate) const PARTIES: &[&str] = &[
    "AfD", "BSW", "CDU", "CSU", "FDP", "FPÖ", "Grüne", "Grünen", "Linke", "NEOS", "ÖVP", "SPD",
    "SPÖ", "SVP", "CVP", "GLP", "SP", "Piraten", "ÖDP", "Freie Wähler", "KPÖ", "BZÖ", "LDP",
];
