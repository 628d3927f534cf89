#!/usr/bin/env python3
"""Regenerate crates/delegraph-gazetteer/data/org_heads.tsv from `german-nouns` and `wordfreq`.

    pip install german-nouns==1.2.5 wordfreq==3.1.1 && python3 tools/gazetteer/build_org_heads.py

Head nouns of organizations: the last member of a compound that names an institution
("Männergesangverein" -> verein, "Kreishandwerkerschaft" -> handwerkerschaft).

- SEEDS below are general German institution heads with the organization kind they signal
  (written for this project: ordinary dictionary words, no names).
- Every noun of german-nouns (German Wiktionary, CC BY-SA 4.0) that ends in a seed is checked
  as a compound: its modifier must be a word itself (a noun of the list, with or without a
  linking element, or a frequent word by wordfreq), so that "Verbund" or "Samt" are no
  compounds of "Bund" or "Amt". Real compounds are written with all their inflected forms
  (`C` rows), false ones (`N` rows) so that the extractor does not read a head into them;
  NOT_INSTITUTIONS lists compounds that are real but name things, not bodies ("Baustelle").
- The seeds' own inflected forms (`H` rows) let the extractor find the head of compounds no
  dictionary has ("Hopfenbauernvereinigung") and tell singular from plural.

Rows: H<TAB>form<TAB>head<TAB>kind<TAB>number, C<TAB>form<TAB>head<TAB>kind<TAB>number,
N<TAB>form; forms lowercase, number s or p.
"""
import os
import unicodedata

import wordfreq
from german_nouns.lookup import Nouns

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "crates", "delegraph-gazetteer", "data", "org_heads.tsv")
PROPER = {"Toponym", "Vorname", "Nachname", "Eigenname", "Familienname", "Straßenname"}

# head -> kind (the record's organization kinds). A seed may be a compound itself where its
# last member alone is too general ("Leitstelle", not "Stelle").
SEEDS = {
    # associations, clubs, societies, foundations
    "verein": "association", "verband": "association", "vereinigung": "association",
    "bund": "association", "club": "association", "klub": "association",
    "gesellschaft": "association", "gemeinschaft": "association", "stiftung": "association",
    "allianz": "association",
    "netzwerk": "association", "innung": "association", "zunft": "association",
    "gilde": "association",
    "komitee": "association", "kuratorium": "association", "freundeskreis": "association",
    "arbeitskreis": "association", "förderkreis": "association", "hilfswerk": "association",
    "jugendring": "association", "bruderschaft": "association", "landsmannschaft": "association",
    "burschenschaft": "association", "kameradschaft": "association", "wacht": "association",
    "kompanie": "association", "sportbund": "association",
    "lebenshilfe": "association", "partnerschaftskreis": "association",
    "arbeitsgemeinschaft": "association", "bürgerinitiative": "association",
    "sozialstation": "association", "landjugend": "association",
    # chambers
    "kammer": "chamber", "handwerkerschaft": "chamber",
    # public bodies
    "amt": "public_body", "behörde": "public_body", "ministerium": "public_body",
    "verwaltung": "public_body", "regierung": "public_body", "ausschuss": "public_body",
    "beirat": "public_body", "kommission": "public_body", "senat": "public_body",
    "parlament": "public_body", "landtag": "public_body", "kreistag": "public_body",
    "bezirkstag": "public_body", "bundestag": "public_body", "städtetag": "public_body",
    "gemeindetag": "public_body", "stadtrat": "public_body", "gemeinderat": "public_body",
    "ortsrat": "public_body", "ortsbeirat": "public_body", "kreisrat": "public_body",
    "jugendrat": "public_body", "seniorenrat": "public_body", "integrationsrat": "public_body",
    "ältestenrat": "public_body", "magistrat": "public_body", "feuerwehr": "public_body",
    "polizei": "public_body", "präsidium": "public_body", "inspektion": "public_body",
    "kommissariat": "public_body", "gericht": "public_body", "staatsanwaltschaft": "public_body",
    "botschaft": "public_body", "konsulat": "public_body", "kanzlei": "public_body",
    "direktion": "public_body", "dezernat": "public_body", "referat": "public_body",
    "abteilung": "public_body", "agentur": "public_body", "anstalt": "public_body",
    "leitstelle": "public_body", "beratungsstelle": "public_body",
    "geschäftsstelle": "public_body", "koordinierungsstelle": "public_body",
    "pressestelle": "public_body", "servicestelle": "public_body", "fachstelle": "public_body",
    "feuerwache": "public_body", "polizeiwache": "public_body", "bauhof": "public_body",
    "vertretung": "public_body", "bürgerschaft": "public_body",
    "hauptmannschaft": "public_body", "gremium": "public_body", "kommando": "public_body",
    # companies
    "werk": "company", "werke": "company", "betrieb": "company", "bank": "company",
    "kasse": "company", "sparkasse": "company", "genossenschaft": "company",
    "versicherung": "company", "konzern": "company", "brauerei": "company",
    "kellerei": "company", "molkerei": "company", "bäckerei": "company",
    "metzgerei": "company", "druckerei": "company", "gärtnerei": "company",
    "schreinerei": "company", "tischlerei": "company", "zimmerei": "company",
    "weberei": "company", "spinnerei": "company", "brennerei": "company",
    "werft": "company", "verlag": "company", "hotel": "company", "gasthof": "company",
    "gasthaus": "company", "wirtshaus": "company", "apotheke": "company",
    "bergwerk": "company", "kraftwerk": "company",
    "industriepark": "other", "gewerbepark": "other", "technologiepark": "research",
    "wissenschaftspark": "research",
    # culture
    "orchester": "culture", "kapelle": "culture", "chor": "culture", "ensemble": "culture",
    "museum": "culture", "galerie": "culture", "bibliothek": "culture", "bücherei": "culture",
    "archiv": "culture", "theater": "culture", "bühne": "culture", "oper": "culture",
    "philharmonie": "culture", "spielmannszug": "culture", "musikzug": "culture",
    "fanfarenzug": "culture", "stadtmusik": "culture", "bürgermusik": "culture",
    "gedenkstätte": "culture", "tierpark": "culture", "zoo": "culture",
    # education and research
    "universität": "university", "hochschule": "university", "akademie": "university",
    "fakultät": "university", "institut": "research", "forschungszentrum": "research",
    "schule": "other", "gymnasium": "other", "kolleg": "other", "lyzeum": "other",
    "kindergarten": "other", "kindertagesstätte": "other", "kita": "other",
    "internat": "other", "schulzentrum": "other",
    # health, care, church
    "klinik": "other", "klinikum": "other", "krankenhaus": "other", "spital": "other",
    "hospital": "other",
    "hospiz": "other", "pflegeheim": "other", "seniorenheim": "other", "altenheim": "other",
    "kinderheim": "other", "kirchengemeinde": "other", "pfarrgemeinde": "other",
    "pfarrei": "other", "diözese": "other", "bistum": "other", "dekanat": "other",
    "kloster": "other", "abtei": "other",
    # events
    "festival": "event", "festspiele": "event", "festwoche": "event", "festtage": "event",
    "kulturtage": "event", "partnerschaftstage": "event",
    "kirchweih": "event",
    "ausstellung": "event", "gartenschau": "event", "kongress": "event", "forum": "event",
}

# Real compounds of a seed that name a thing, a place or a person, never a body. The
# extractor reads no head into them.
NOT_INSTITUTIONS = {
    # works of art and of hands, structures and mechanisms
    "handwerk", "feuerwerk", "kunstwerk", "bauwerk", "regelwerk", "fachwerk", "mauerwerk",
    "laufwerk", "uhrwerk", "schuhwerk", "blattwerk", "gesamtwerk", "lebenswerk", "hauptwerk",
    "frühwerk", "spätwerk", "meisterwerk", "machwerk", "tagewerk", "stockwerk", "bollwerk",
    "räderwerk", "zuckerwerk", "backwerk", "flechtwerk", "gitterwerk", "kartenwerk",
    "bildwerk", "triebwerk", "schaltwerk", "stellwerk", "hebelwerk", "mahlwerk",
    # benches
    "sandbank", "parkbank", "holzbank", "sitzbank", "ruhebank", "werkbank", "schulbank",
    "anklagebank", "ersatzbank", "regierungsbank", "richterbank", "kirchenbank",
    "gartenbank", "steinbank", "eckbank", "ofenbank", "hobelbank", "datenbank",
    # positions someone holds
    "nebenamt", "ehrenamt", "hauptamt", "richteramt", "lehramt", "bischofsamt",
    "priesteramt", "predigtamt", "präsidentenamt", "bürgermeisteramt", "ministeramt",
    "staatsamt", "papstamt",
    # acts
    "brandstiftung", "sinnstiftung", "identitätsstiftung",
    # relations and groups of people that are no bodies
    "lebensgemeinschaft", "schicksalsgemeinschaft", "wertegemeinschaft",
    "erbengemeinschaft", "bedarfsgemeinschaft", "wohngemeinschaft", "gütergemeinschaft",
    "zugewinngemeinschaft", "solidargemeinschaft", "völkergemeinschaft",
    "staatengemeinschaft", "weltgemeinschaft", "tischgemeinschaft", "hausgemeinschaft",
    "glaubensgemeinschaft", "zivilgesellschaft", "stadtgesellschaft", "dorfgesellschaft",
    "mehrheitsgesellschaft", "konsumgesellschaft", "wissensgesellschaft",
    "informationsgesellschaft", "industriegesellschaft", "leistungsgesellschaft",
    "abendgesellschaft", "tischgesellschaft", "hochzeitsgesellschaft", "reisegesellschaft",
    "jagdgesellschaft", "klassengesellschaft", "wegwerfgesellschaft", "spaßgesellschaft",
    "freizeitgesellschaft", "überflussgesellschaft", "weltgesellschaft", "ehebund",
    "freundschaftsbund", "lebensbund", "schlüsselbund", "hosenbund", "rockbund",
    "staatsbürgerschaft", "ehrenbürgerschaft", "doppelstaatsbürgerschaft", "mannschaft",
    "eigeninitiative", "privatinitiative", "gesetzesinitiative",
    # tills and purses
    "ladenkasse", "registrierkasse", "kriegskasse", "reisekasse", "haushaltskasse",
    "staatskasse", "parteikasse", "vereinskasse", "klassenkasse", "portokasse",
    "kaffeekasse", "tageskasse", "abendkasse", "vorverkaufskasse", "bordkasse",
    # schools of thought, nurseries of plants
    "baumschule", "denkschule", "hohe",
    # chapels and stages as buildings or parts of them
    "friedhofskapelle", "grabkapelle", "seitenkapelle", "taufkapelle", "drehbühne",
    "hinterbühne", "vorderbühne", "probebühne",
    # bandages, surpluses, shots
    "druckverband", "notverband", "gipsverband", "wundverband", "stützverband",
    "kompressionsverband", "zuschuss", "überschuss", "anschuss", "beschuss", "vorschuss",
    "abschuss", "einschuss", "ausschuss",
    # collections of pictures
    "bildarchiv", "fotoarchiv", "zeitungsarchiv", "privatarchiv", "familienarchiv",
    # rooms
    "herzkammer", "dunkelkammer", "rumpelkammer", "speisekammer", "vorratskammer",
    "folterkammer", "schatzkammer", "gaskammer", "brennkammer", "druckkammer", "kältekammer",
    "kühlkammer", "schlafkammer", "besenkammer", "abstellkammer", "wunderkammer",
    "dachkammer",
    # dishes and judgements
    "hauptgericht", "nudelgericht", "fischgericht", "fleischgericht", "reisgericht",
    "eintopfgericht", "lieblingsgericht", "nationalgericht", "leibgericht", "fertiggericht",
    "vorgericht", "weltgericht", "strafgericht", "gottesgericht", "standgericht",
    # forums on the internet, tables, watches
    "internetforum", "onlineforum", "diskussionsforum", "nachtwacht", "totenwacht",
    "ehrenwacht", "selbstverwaltung", "vermögensverwaltung", "hausverwaltung",
    "nachlassverwaltung", "zwangsverwaltung", "insolvenzverwaltung",
}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def forms_of(entry):
    """Inflected forms of a noun entry with their number ('s'/'p')."""
    out = {}
    for key, form in (entry.get("flexion") or {}).items():
        if not form or " " in form or not form.replace("-", "").isalpha():
            continue
        number = "p" if "plural" in key else "s"
        out.setdefault(nfc(form).lower(), number)
    lemma = entry.get("lemma")
    if lemma and lemma.replace("-", "").isalpha():
        out.setdefault(nfc(lemma).lower(), "s")
    return out


def main():
    nouns = Nouns()
    entries = {}
    for row in nouns.data:
        if not row or not row[0]:
            continue
        lemma = nfc(row[0])
        if lemma in entries:
            continue
        try:
            found = nouns[lemma]
        except KeyError:
            continue
        keep = [e for e in found if "Substantiv" in set(e.get("pos") or []) and not set(e.get("pos") or []) & PROPER]
        if keep:
            entries[lemma] = keep
    lower_lemmas = {l.lower() for l in entries}

    # The seeds' own forms.
    head_rows = {}
    for head, kind in SEEDS.items():
        lemma = next((l for l in entries if l.lower() == head), None)
        forms = {head: "s"}
        if lemma:
            for e in entries[lemma]:
                forms.update({f: n for f, n in forms_of(e).items() if f not in forms})
        for f, n in forms.items():
            head_rows.setdefault(f, (head, kind, n))

    # Verbal prefixes spelt like dictionary entries ("Ver-bund", "Ent-schule") are no words.
    prefixes = {"ver", "ent", "zer", "emp", "miss", "ab", "an", "auf", "aus", "bei", "ein", "vor", "zu"}

    def known(w):
        if w in prefixes:
            return False
        return w in lower_lemmas or (len(w) >= 4 and wordfreq.zipf_frequency(w, "de") >= 2.5)

    links = ("s", "es", "n", "en", "e", "er", "ens")
    memo = {}

    def is_word(mod):
        """A modifier is a word of its own or a compound of words, each with or without a
        linking element ("Bundesinnen" = "Bundes" + "innen", "Einwohnermelde")."""
        if mod in memo:
            return memo[mod]
        memo[mod] = False
        ok = False
        if len(mod) >= 3:
            cands = {mod} | {mod[: -len(l)] for l in links if mod.endswith(l) and len(mod) - len(l) >= 3}
            cands |= {c + "e" for c in list(cands) if len(c) >= 4}
            ok = any(known(c) for c in cands)
            if not ok:
                # the last word of the modifier, then the rest recursively
                for cut in range(3, len(mod) - 2):
                    tail = mod[cut:]
                    tails = {tail} | {tail[: -len(l)] for l in links if tail.endswith(l) and len(tail) - len(l) >= 3}
                    tails |= {t + "e" for t in list(tails) if len(t) >= 4}
                    if any(known(t) for t in tails) and is_word(mod[:cut]):
                        ok = True
                        break
        memo[mod] = ok
        return ok

    heads_by_len = sorted(SEEDS, key=len, reverse=True)
    comp_rows, neg_rows = {}, set()
    for lemma, es in entries.items():
        low = lemma.lower()
        if "-" in low or low in SEEDS:
            continue
        head = next((h for h in heads_by_len if low.endswith(h) and low != h), None)
        if head is None:
            continue
        forms = {}
        for e in es:
            forms.update(forms_of(e))
        mod = low[: -len(head)]
        real = is_word(mod)
        if not real or low in NOT_INSTITUTIONS:
            neg_rows.update(f for f in forms if f not in head_rows)
            continue
        # A frequent compound of a seed is a kind of thing more often than a body's name
        # part; it stays a compound (its head still counts) but a frequency is no reason to
        # drop it. Only forms frequent enough to meet in text are written.
        for f, n in forms.items():
            if f in head_rows:
                continue
            comp_rows.setdefault(f, (head, SEEDS[head], n))
    neg_rows -= set(comp_rows)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(
            "# generated by tools/gazetteer/build_org_heads.py from german-nouns 1.2.5 "
            "(Wiktionary, CC BY-SA 4.0) and wordfreq 3.1.1; see NOTICE\n"
        )
        out.write("# H: a head's own form; C: a compound of a head; N: no compound of one. form<TAB>head<TAB>kind<TAB>number\n")
        for f in sorted(head_rows):
            h, k, n = head_rows[f]
            out.write(f"H\t{f}\t{h}\t{k}\t{n}\n")
        for f in sorted(comp_rows):
            h, k, n = comp_rows[f]
            out.write(f"C\t{f}\t{h}\t{k}\t{n}\n")
        for f in sorted(neg_rows):
            out.write(f"N\t{f}\n")


if __name__ == "__main__":
    main()
