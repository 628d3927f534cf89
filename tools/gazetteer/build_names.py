#!/usr/bin/env python3
"""Regenerate the person-name and organization lexicons of delegraph-gazetteer.

Writes, under crates/delegraph-gazetteer/data/:
  first_names.txt      given names, one per line (generated in full)
  surnames_common.txt  frequent surnames, one per line (generated in full)
  legal_forms.txt      company legal-form suffixes, one per line (generated in full)
  organizations.tsv    name<TAB>kind<TAB>aliases; only the section between
                       "# BEGIN generated" and "# END generated" is rewritten, the
                       hand-kept section above it is read back and kept as it is.

Sources (PyPI packages, pinned so that a rerun gives the same files; all offline):
  Faker==40.63.0          MIT. Person providers of all locales: first and last names.
  names==0.3.0            MIT code; its name lists are the 1990 US Census name
                          frequency files (US government work, public domain).
  ipadic==1.0.0           IPAdic 2.7.0 (NAIST/ICOT licence: free use, modification
                          and redistribution with the copyright and no-warranty notice).
                          Japanese given names (kanji entries tagged 人名,名), romanised
                          here to press-style Hepburn.
  pypinyin==0.55.0        MIT. Only used to romanise Faker's zh_CN given names.
  cleanco==2.3            MIT. Legal-form terms by country / type.
  pytickersymbols==1.17.10  MIT. Company names of the major stock indices.
  wordfreq==3.1.1         Apache-2.0 code, CC BY-SA 4.0 word lists. Only used as a
                          filter (which candidates are common German words); none of
                          its data is written out.

Not used, on purpose:
  gender-guesser 0.4.0 ships Jörg Michael's nam_dict.txt under the GNU FDL 1.2+, which
    requires any modified copy (a filtered list is one) to be released under the FDL
    too; that does not fit a crate licensed MIT OR Apache-2.0 and compiled into
    binaries.
  names-dataset 3.3.1 ships its data offline (55 MB) but was built from the 2021
    Facebook leak of personal data; unclear provenance, so it is left out.

How to run (from the repository root; needs network access to PyPI once):
  python3 -m venv /tmp/gz-venv
  /tmp/gz-venv/bin/pip install Faker==40.63.0 names==0.3.0 ipadic==1.0.0 \
      pypinyin==0.55.0 cleanco==2.3 pytickersymbols==1.17.10 wordfreq==3.1.1
  /tmp/gz-venv/bin/python tools/gazetteer/build_names.py [--verbose]
--verbose prints every dropped name and every kept-but-frequent one to stderr, for
reviewing the hand-kept stop lists below. Then run `cargo test -p delegraph-gazetteer` (data hygiene tests) and review the diff.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "crates" / "delegraph-gazetteer" / "data"

# German zipf frequency at or above which a candidate counts as a common German word.
ZIPF_COMMON = 3.5

# A US Census given name among the CENSUS_TOP most frequent of its sex may stay
# although it is frequent in German text, unless its German zipf reaches this value.
CENSUS_TOP = 400
ZIPF_GERMAN_WORD = 4.5

# Locales whose name lists describe people in German-speaking countries. A name on one
# of their first-name lists is kept even when it is also a frequent word ("Peter" is
# frequent because it is a name); their surname lists mark "frequent German surnames".
GERMAN_LOCALES = {"de_DE", "de_AT", "de_CH", "de_LI", "de_LU"}

# Names that German-locale lists carry but that in German text are far more often a
# month, a common noun or adjective than a given name. Hand-kept, reviewed against the
# wordfreq-flagged candidates the script prints with --verbose.
FIRST_NAME_STOP = {
    "August", "April", "Juni", "Juli", "Mai", "Engel", "Rosa", "Wolf", "Ernst", "Mark", "Sonne", "Gut", "Will", "Weil",
    "Kurz", "Bass", "Richter", "Mercedes", "Israel", "Paris", "China", "India",
    "Jordan", "Berlin", "London", "Florence", "Georgia", "Virginia", "Carolina",
    "Dakota", "Sydney", "Austin", "Dallas", "Houston", "Chelsea", "Victoria",
    "Madison", "Brooklyn", "Lima", "Kairo", "Eden", "Star", "Stern", "Sun", "Sunny",
    "King", "Major", "General", "Royal", "Prince", "Prinz", "Kaiser", "Papst",
    "Bill", "Art", "Ja", "Nein", "Na", "So", "Da", "Man", "Ob", "Um", "Am", "An",
    "In", "Im", "Es", "Er", "Sie", "Wir", "Ihr", "Uns", "Den", "Dem", "Des", "Der",
    "Die", "Das", "Ein", "Eine", "Und", "Oder", "Aber", "Doch", "Noch", "Nur", "Mit",
    "Bei", "Von", "Vor", "Nach", "Aus", "Zum", "Zur", "Ab", "Bis", "Per", "Pro",
    "Van", "Solange", "Reine", "Line", "Marine", "Romane", "Rose", "Santiago",
    "Silvester", "Meta", "Neo", "Angel", "Asia", "France", "German", "Erdogan",
    "Flora", "Heide", "Dick", "Long", "Young", "West", "North", "Hope", "Grace",
    "Joy", "Love", "Lucky", "Early", "June", "May", "Summer", "Winter", "Autumn",
    "Page", "Case", "Park", "Hall", "Hill", "Green", "Brown", "White", "Black",
    "Gray", "Grey", "Stone", "Wood", "Rock", "Sky", "Star", "Moon", "Golden",
    "Crystal", "Pearl", "Ruby", "Jade", "Amber", "Honey", "Candy", "Cherry",
    "Merry", "Christmas", "Easter", "Faith", "Glory", "Harmony", "Liberty",
    "Mercy", "Patience", "Serenity", "Trinity", "Unity", "Verity", "Precious",
    "Clinton", "Wilson", "Franklin", "Luther", "Marshall", "Grant", "Corona", "Imam",
    "Ramadan", "Nil", "Jakobs", "Pauls", "Many", "Sad", "Rise", "Joke", "Mentor",
    "Safari", "Suzuki", "Nikon", "Marvel", "Diamond", "Forest", "Genesis", "Geo",
    "Chanel", "Tequila", "Primus", "Canal", "Giro", "Dock", "Mille", "Minor", "Magna",
    "Moto", "Math", "Tri", "Kon", "Era", "Alfa", "Om", "Ibn", "Tit", "Toy", "Tone",
    "Noble", "Sole", "Vega", "Champ", "Heaven", "Alto", "Rush", "Bird", "Justice",
    "Friend", "Gun", "Chase", "Princess", "Sunshine", "Loyal", "Irish", "Arch",
    "Creed", "Dot", "Mayo", "Amor", "Pate", "Mare", "Mills", "Burns", "Dow", "Rice",
    "Bishop", "Destiny", "Darling", "Pandora", "Colt", "Kia", "Author", "Among",
    "Less", "Reason", "Token", "Manual", "Sister", "Judge", "Fate", "Fancy", "Unique",
    "Victory", "Worth", "Temple", "Viking", "Journey", "Desire", "Comfort", "Council",
    "Governor", "Commodore", "Blessing", "Innocent", "Essence", "Argentina", "Ceylon",
    "Kenya", "Geneva", "Essex", "Rome", "Venice", "Bristol", "Ireland", "Memphis",
    "Burma", "Baku", "Bali", "Cuba", "Manila", "Odessa", "Togo", "Oman", "Siena",
    "Verona", "Richmond", "Wellington", "Cleveland", "Denver", "Columbia",
    "Kaktus", "Ranken", "Salami", "Soja", "Vikar", "Maggi", "Panini", "Lega", "Muslima",
    "Robbe", "Rute", "Laus", "Omi", "Ossi", "Malle", "Lada", "Alpin", "Apollon", "Annas",
    "Alberts", "Aral", "Bambi", "Ifa", "Ige", "Soko", "Unna", "Nissen", "Kika",
    "Rosette", "Habil",
}

# Short names of listed companies that in German or English text are mostly ordinary
# words ("Visa" is the plural of Visum); such a company keeps its full name instead.
# Hand-kept, reviewed against the candidates the script prints with --verbose.
ORG_SHORT_STOP = {
    "Ball", "Pool", "Visa", "Match", "Target", "Gap", "Progressive", "Southern",
    "Public", "Universal", "Best", "General", "Equity", "Fair", "Snap", "Fortune",
    "Crown", "Booking", "Dover", "Regions", "Citizens", "Discover", "Principal",
    "Global", "International", "American", "National", "United", "First", "Trust",
    "Energy", "Capital", "Partners", "Industries", "Resources", "Systems", "Solutions",
    "Technologies", "Bank", "Insurance", "Airlines", "Motors", "Electric", "Chemical",
    "Steel", "Power", "Foods", "Brands", "Realty", "Properties", "Financial",
    "Services", "Communications", "Media", "Entertainment", "Health", "Medical",
    "Software", "Networks", "Data", "Digital", "Logistics", "Construction",
    "Engineering", "Mining", "Paper", "Glass", "Trading", "Estate", "Land", "Zurich",
    "Nippon", "Japan", "Tokyo", "Osaka", "Orange", "Rational", "Norma", "Carl",
    "Indus", "Investor", "Evolution", "Orion", "Hexagon", "Admiral", "Arm", "Block",
    "Box", "City", "Dana", "Deluxe", "Disco", "Douglas", "Fox", "Gates", "Hub", "NOW",
    "News", "Next", "Phoenix", "Sage", "SCREEN", "ALTEN", "NN",
}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def is_latin_name(s: str) -> bool:
    """Latin letters, apostrophes and inner hyphens only: the scripts German news prints."""
    if not s or not s[0].isalpha():
        return False
    for ch in s:
        if ch in "-'’":
            continue
        if not ch.isalpha():
            return False
        if "LATIN" not in unicodedata.name(ch, ""):
            return False
    return not s.endswith("-")


def title_word(s: str) -> str:
    """'JAMES' -> 'James', 'CHIA-HAO' -> 'Chia-hao' (Taiwanese style keeps the second syllable low)."""
    return s[:1].upper() + s[1:].lower()


# --------------------------------------------------------------------------- Faker

def faker_person_lists():
    """Yields (locale, kind, name) for every first/last name of every Faker person provider."""
    import faker.providers.person as person

    for mod_info in pkgutil.iter_modules(person.__path__):
        mod = importlib.import_module(f"faker.providers.person.{mod_info.name}")
        prov = mod.Provider
        for attr in dir(prov):
            if attr.startswith("_"):
                continue
            if "kana" in attr or "pair" in attr or "name" not in attr:
                continue
            if attr.startswith("first_"):  # also first_romanized_names (ja_JP, zh_*)
                kind = "first"
            elif attr.startswith("last_"):
                kind = "last"
            else:
                continue
            value = getattr(prov, attr)
            if callable(value):
                continue
            if hasattr(value, "keys"):
                value = list(value.keys())
            if not isinstance(value, (list, tuple)):
                continue
            for item in value:
                if isinstance(item, str):
                    yield mod_info.name, kind, item


def faker_place_names() -> set[str]:
    """Country, state and city names (English and German) from Faker's address providers:
    a given name that is also one of these ("Georgia", "Odessa") reads as the place."""
    out: set[str] = set()
    for loc in ("en", "en_US", "de_DE", "de_AT", "de_CH"):
        prov = importlib.import_module(f"faker.providers.address.{loc}").Provider
        for attr in ("countries", "states", "cities", "cantons"):
            for item in getattr(prov, attr, ()):
                if isinstance(item, tuple):
                    item = item[-1]
                if isinstance(item, str):
                    out.update({item, item.split(" ")[0]} if " " not in item.strip() else {item})
    return {nfc(p) for p in out}


# ------------------------------------------------------------------- transliteration

_CYR_COMMON = {
    "а": "a", "б": "b", "д": "d", "ф": "f", "г": "g", "и": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "т": "t", "у": "u", "ы": "y",
    "ь": "", "ъ": "", "э": "e",
}
# German (Duden-style) and English (press-style) renderings of the letters that differ.
_CYR_DE = {"в": "w", "ж": "sch", "з": "s", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch",
           "щ": "schtsch", "ю": "ju", "я": "ja", "ё": "jo", "й": "j", "е": "e", "с": "s"}
_CYR_EN = {"в": "v", "ж": "zh", "з": "z", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
           "щ": "shch", "ю": "yu", "я": "ya", "ё": "yo", "й": "y", "е": "e", "с": "s"}
_VOWELS_CYR = set("аеёиоуыэюяіїє")


def translit_cyrillic(name: str, lang: str, style: str) -> str | None:
    """Romanises a Russian or Ukrainian given name the way German or English news does."""
    table = dict(_CYR_COMMON)
    table.update(_CYR_DE if style == "de" else _CYR_EN)
    if lang == "uk":
        # Ukrainian и is a hard y, г is h; і/ї/є/ґ exist only here.
        table.update({"и": "y", "г": "h", "і": "i", "ґ": "g"})
        table.update({"ї": "ji", "є": "je"} if style == "de" else {"ї": "yi", "є": "ye"})
    low = name.lower()
    out = []
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        nxt = low[i + 1] if i + 1 < len(low) else ""
        at_end = i + 1 == len(low)
        if ch == "е" and (i == 0 or prev in _VOWELS_CYR or prev in "ьъ"):
            out.append("je" if style == "de" else "ye")
        elif ch == "й" and at_end and prev in "иы":
            # Дмитрий -> Dmitri / Dmitry: the final -ий collapses.
            out[-1] = "i" if style == "de" else "y"
        elif ch == "с" and style == "de" and prev in _VOWELS_CYR and nxt in _VOWELS_CYR:
            out.append("ss")  # German keeps the s voiceless between vowels: Wassili
        elif ch == "к" and nxt == "с":
            out.append("x" if style == "de" else "k")  # Alexander, Alexej / Aleksey
        elif ch == "с" and prev == "к":
            out.append("" if style == "de" else "s")
        elif ch in table:
            out.append(table[ch])
        else:
            return None
    res = "".join(out)
    if not res:
        return None
    return res[0].upper() + res[1:]


_KANA = {}


def _init_kana():
    rows = {
        "": "アイウエオ", "k": "カキクケコ", "g": "ガギグゲゴ", "s": "サシスセソ",
        "z": "ザジズゼゾ", "t": "タチツテト", "d": "ダヂヅデド", "n": "ナニヌネノ",
        "h": "ハヒフヘホ", "b": "バビブベボ", "p": "パピプペポ", "m": "マミムメモ",
        "r": "ラリルレロ", "y": "ヤ\0ユ\0ヨ", "w": "ワヰ\0ヱヲ",
    }
    for cons, kana in rows.items():
        for vowel, ch in zip("aiueo", kana):
            if ch != "\0":
                _KANA[ch] = cons + vowel
    _KANA.update({"シ": "shi", "ジ": "ji", "チ": "chi", "ヂ": "ji", "ツ": "tsu", "ヅ": "zu",
                  "フ": "fu", "ヰ": "i", "ヱ": "e", "ヲ": "o", "ン": "n", "ヴ": "vu"})


def romanize_katakana(reading: str) -> str | None:
    """Katakana reading -> Hepburn as German/English news prints Japanese names: no
    macrons, long vowels folded ("Shinzō" -> "Shinzo", "Yūko" -> "Yuko")."""
    if not _KANA:
        _init_kana()
    small = {"ャ": "a", "ュ": "u", "ョ": "o"}
    out: list[str] = []
    geminate = False
    for ch in reading:
        if ch in small:
            if not out or not out[-1].endswith("i"):
                return None
            base = out.pop()[:-1]  # "ki" -> "k", "shi" -> "sh", "chi" -> "ch", "ji" -> "j"
            palatal = base.endswith(("sh", "ch", "j"))  # also geminated "ssh", "tch"
            syl = base + ("" if palatal else "y") + small[ch]
        elif ch == "ッ":
            geminate = True
            continue
        elif ch == "ー":
            continue  # long-vowel mark: dropped like a macron
        elif ch in _KANA:
            syl = _KANA[ch]
        elif ch in "ァィゥェォ":
            return None  # loanword spellings: not a native given name
        else:
            return None
        if geminate:
            syl = ("t" + syl) if syl.startswith("ch") else (syl[0] + syl)
            geminate = False
        # Long vowels: o+u, o+o, u+u fold into one vowel.
        if syl in ("u", "o") and out and out[-1][-1:] in ("o", "u") and not (
            syl == "o" and out[-1][-1] == "u"
        ):
            if (out[-1][-1], syl) in (("o", "u"), ("o", "o"), ("u", "u")):
                continue
        out.append(syl)
    if geminate or not out:
        return None
    res = "".join(out)
    return res[0].upper() + res[1:]


def ipadic_given_names() -> set[str]:
    """Japanese given names from IPAdic: feature strings tagged 名詞,固有名詞,人名,名.
    The compiled sys.dic keeps every feature string as NUL-terminated UTF-8, so a scan of
    the blob finds them without MeCab."""
    import ipadic

    blob = (Path(ipadic.DICDIR) / "sys.dic").read_bytes()
    out: set[str] = set()
    for raw in blob.split(b"\0"):
        if b"\xe4\xba\xba\xe5\x90\x8d,\xe5\x90\x8d," not in raw:  # "人名,名,"
            continue
        try:
            feat = raw.decode("utf-8").split(",")
        except UnicodeDecodeError:
            continue
        if len(feat) < 8 or feat[:4] != ["名詞", "固有名詞", "人名", "名"]:
            continue
        base, reading = feat[6], feat[7]
        # Katakana-only entries are mostly foreign names ("ハンフリー"); keep kanji/kana names.
        if not any("CJK UNIFIED" in unicodedata.name(c, "") or "HIRAGANA" in unicodedata.name(c, "")
                   for c in base):
            continue
        rom = romanize_katakana(reading)
        if rom and len(rom) >= 3:
            out.add(rom)
    return out


def pinyin_given_names(hanzi_names) -> set[str]:
    from pypinyin import lazy_pinyin, Style

    out = set()
    for name in hanzi_names:
        syl = lazy_pinyin(name, style=Style.NORMAL, v_to_u=True)
        if not all(s.isalpha() for s in syl):
            continue
        joined = "".join(syl)
        out.add(joined[0].upper() + joined[1:])
    return out


# ------------------------------------------------------------------------- names

def build_names(verbose: bool):
    from wordfreq import zipf_frequency
    import names as census_pkg

    first: dict[str, set[str]] = {}  # name -> set of source tags
    german_first: set[str] = set()
    german_last: set[str] = set()
    last: set[str] = set()
    cyr: list[tuple[str, str]] = []
    zh_hanzi: list[str] = []

    def add_first(name: str, tag: str):
        name = nfc(name.strip())
        if is_latin_name(name):
            first.setdefault(name, set()).add(tag)

    for locale, kind, item in faker_person_lists():
        item = nfc(item.strip())
        if kind == "first":
            if locale in ("ru_RU", "uk_UA"):
                cyr.append((locale[:2], item))
            elif locale == "zh_CN" and not is_latin_name(item):
                zh_hanzi.append(item)
            elif locale == "zh_TW" and item.isupper():
                add_first(title_word(item), "faker:" + locale)
            else:
                add_first(item, "faker:" + locale)
            if locale in GERMAN_LOCALES and is_latin_name(item):
                german_first.add(item)
        else:
            if is_latin_name(item):
                last.add(item)
                if locale in GERMAN_LOCALES:
                    german_last.add(item)

    for lang, item in cyr:
        for style in ("de", "en"):
            rom = translit_cyrillic(item, lang, style)
            if not rom:
                continue
            add_first(rom, f"faker:{lang}-translit-{style}")
            if style == "en":
                # English-language press also writes Sergei, Nikolai, Alexei.
                if rom.endswith(("ey", "ay")):
                    add_first(rom[:-1] + "i", f"faker:{lang}-translit-en")
                if "ks" in rom:
                    add_first(rom.replace("ks", "x"), f"faker:{lang}-translit-en")
                    if rom.endswith("ey"):
                        add_first(rom.replace("ks", "x")[:-1] + "i", f"faker:{lang}-translit-en")
    for rom in pinyin_given_names(zh_hanzi):
        add_first(rom, "faker:zh_CN-pinyin")

    census_dir = Path(census_pkg.__file__).parent
    census_top: set[str] = set()
    for fname in ("dist.male.first", "dist.female.first"):
        for rank, line in enumerate((census_dir / fname).read_text().splitlines()):
            if line.strip():
                name = title_word(line.split()[0])
                add_first(name, "census")
                if rank < CENSUS_TOP:
                    census_top.add(name)

    for rom in ipadic_given_names():
        add_first(rom, "ipadic")

    places = faker_place_names()
    english_only = {n for n, tags in first.items()
                    if all(t in ("census", "faker:en", "faker:en_US") for t in tags)}

    kept, dropped = [], []
    for name in sorted(first):
        if len(name) < 2:
            dropped.append((name, "short"))
            continue
        if name in FIRST_NAME_STOP:
            dropped.append((name, "stop-list"))
            continue
        if name in german_last and name not in german_first:
            dropped.append((name, "German surname"))
            continue
        if name in places and name not in german_first:
            dropped.append((name, "place name"))
            continue
        if "-" in name:
            # "Jean-Marie", "Hans-Peter": no German word has this shape, but each part
            # must pass the stop list.
            if any(p in FIRST_NAME_STOP or len(p) < 2 for p in name.split("-")):
                dropped.append((name, "stop-listed part"))
            else:
                kept.append(name)
            continue
        z = zipf_frequency(name.lower(), "de")
        if name in english_only and name not in german_first and z >= 2.5:
            # The long tail of US baby names holds German words ("Soja", "Kaktus"): a
            # name known only from English lists must not be more German than English.
            z_en = zipf_frequency(name.lower(), "en")
            if z > z_en + 0.3:
                dropped.append((name, f"German-looking English-list name, zipf {z}/{z_en}"))
                continue
        if z >= ZIPF_COMMON and name not in german_first:
            # wordfreq folds case, so a name's own use counts too ("Joe", "Bob"). A very
            # common US given name stays unless German uses the word clearly more than
            # English does ("Kino", "Tage") or it is frequent outright ("Allen", "Dann").
            z_en = zipf_frequency(name.lower(), "en")
            if not (name in census_top and z < ZIPF_GERMAN_WORD and z <= z_en + 0.3):
                dropped.append((name, f"zipf {z}"))
                continue
        kept.append(name)
    if verbose:
        for n, why in dropped:
            print(f"drop first name {n!r}: {why}", file=sys.stderr)
        for n in kept:
            z = zipf_frequency(n.lower(), "de")
            if z >= ZIPF_COMMON:
                print(f"kept frequent German-list name {n!r}: zipf {z}", file=sys.stderr)

    header = ("# first_names.txt: given names, NFC, sorted by code point. Generated by "
              "tools/gazetteer/build_names.py from Faker 40.63.0 (MIT), names 0.3.0 "
              "(1990 US Census, public domain), IPAdic 2.7.0 via ipadic 1.0.0 (NAIST/ICOT "
              "licence) and pypinyin 0.55.0 (MIT); see NOTICE.")
    write_lines(DATA / "first_names.txt", header, kept)

    # Surnames: Faker's lists plus the 5,000 most frequent 1990 US Census surnames.
    census_last = []
    for line in (census_dir / "dist.all.last").read_text().splitlines()[:5000]:
        if line.strip():
            census_last.append(title_word(line.split()[0]))
    surnames = set()
    for s in list(last) + census_last:
        s = nfc(s)
        if not is_latin_name(s) or len(s) < 2:
            continue
        # Function words and very common German words are never useful as surname evidence.
        if s not in german_last and zipf_frequency(s.lower(), "de") >= 4.5:
            continue
        surnames.add(s)
    header = ("# surnames_common.txt: frequent surnames, NFC, sorted by code point. Generated "
              "by tools/gazetteer/build_names.py from Faker 40.63.0 (MIT) and the top 5,000 "
              "surnames of the 1990 US Census via names 0.3.0 (public domain); see NOTICE.")
    write_lines(DATA / "surnames_common.txt", header, sorted(surnames))
    return len(kept), len(surnames)


# ------------------------------------------------------------------- legal forms

# Canonical spellings where a plain upper-casing of cleanco's lower-case term is wrong.
LEGAL_CASE = {
    "gmbh": "GmbH", "g.m.b.h.": "G.m.b.H.", "g.m.b.h": "G.m.b.H.", "mbh": "mbH",
    "gmbh & co. kg": "GmbH & Co. KG", "mbh & co. kg": "mbH & Co. KG", "kgaa": "KGaA",
    "e.v.": "e.V.", "e.g.": "eG", "e.u.": "e.U.", "gbr": "GbR", "partg": "PartG",
    "gesbr": "GesbR", "s.p.a.": "S.p.A.", "s.a.p.a.": "S.a.p.A.", "s.r.l.": "S.r.l.",
    "s.a.r.l.": "S.à r.l.", "sarl": "SARL", "s.l.": "S.L.", "oyj": "Oyj", "oy": "Oy",
    "inc": "Inc", "inc.": "Inc.", "corp": "Corp", "corp.": "Corp.", "co.": "Co.",
    "& co.": "& Co.", "ltd": "Ltd", "ltd.": "Ltd.", "ltda": "Ltda", "ltda.": "Ltda.",
    "company": "Company", "corporation": "Corporation", "incorporated": "Incorporated",
    "limited": "Limited", "unlimited": "Unlimited", "pty ltd": "Pty Ltd",
    "pty. ltd.": "Pty. Ltd.", "pvt. ltd.": "Pvt. Ltd.", "sp. z o.o.": "Sp. z o.o.",
    "sp. z.o.o.": "Sp. z.o.o.", "spółka z o.o.": "spółka z o.o.", "s.r.o.": "s.r.o.",
    "spol. s r.o.": "spol. s r.o.", "a.s.": "a.s.", "d.o.o.": "d.o.o.", "kft.": "Kft.",
    "zrt.": "Zrt.", "nyrt.": "Nyrt.", "bhd.": "Bhd.", "sdn. bhd.": "Sdn. Bhd.",
    "sdn bhd": "Sdn Bhd", "ehf.": "ehf.", "hf.": "hf.", "k.k.": "K.K.", "g.k.": "G.K.",
    "y.k.": "Y.K.", "sicav": "SICAV", "plc": "PLC", "plc.": "plc.", "s.a.s.": "S.A.S.",
}

# Every country cleanco knows: partner towns, and the firms a delegation visits, are found all
# over the world, so a selection of countries loses forms ("SIA", "OÜ") that mark names.
# The short-form filter below keeps the ambiguous codes out.

# Two-letter forms that are safe as the last word of a name in German text. Others of
# that length ("DA", "ET", "PT", "AD", …) are mostly ordinary abbreviations or precede
# the name (Indonesian "PT"), so they stay out.
LEGAL_SHORT_OK = {"AG", "SE", "KG", "UG", "eG", "AB", "AS", "NV", "BV", "SA", "LP",
                  "Oy", "OG", "KK", "GK", "Co", "OOO", "OAO", "UAB", "SIA", "ASA", "Oyj",
                  "A/S", "ApS", "SAS", "SRL", "OHG", "KGaA", "LLC", "LLP", "PLC", "GbR",
                  "OÜ", "TOV", "ZAO", "EAD", "JSC"}

# cleanco terms that are no legal form one would strip in German news.
LEGAL_DROP = {"adsitz", "sogepa", "etat", "tapui", "s.c.e i.", "suc. de descendants",
              "as.oy", "private",
              # abbreviations of ordinary words in German text ("Ent.", "Coop.", "o.D.")
              "ent.", "gte.", "ses.", "c.a.", "o.d.", "coop."}

# German and international forms cleanco lacks or spells only in one way.
LEGAL_EXTRA = [
    "AG", "SE", "KG", "OHG", "UG", "UG (haftungsbeschränkt)", "gGmbH", "gAG", "GmbH",
    "mbH", "GmbH & Co. KG", "GmbH & Co KG", "GmbH & Co. KGaA", "AG & Co. KG",
    "AG & Co. KGaA", "SE & Co. KG", "SE & Co. KGaA", "& Co. KG", "Co. KG", "KGaA",
    "e.V.", "eV", "eG", "e.G.", "e.K.", "PartGmbB", "GbR", "VVaG", "Stiftung & Co. KG",
    "Inc.", "Inc", "Corp.", "Corp", "Corporation", "Co.", "Co", "Co., Ltd.", "Co. Ltd.",
    "Co., Ltd", "Co. Ltd", "Co., Limited", "Ltd.", "Ltd", "Limited", "LLC", "L.L.C.",
    "LLP", "LP", "L.P.", "PLC", "plc", "S.A.", "SA", "S.A.S.", "SAS", "SASU", "SARL",
    "S.à r.l.", "S.p.A.", "SpA", "S.r.l.", "Srl", "S.L.", "N.V.", "NV", "B.V.", "BV",
    "K.K.", "KK", "AB", "AB (publ)", "ASA", "AS", "A/S", "ApS", "Oyj", "Oy", "S.E.",
    "SE & Co.", "Holding", "Holdings", "Holding AG", "Holding SE", "Holding GmbH",
    "Aktiengesellschaft", "Gesellschaft mbH",
    "Gesellschaft mit beschränkter Haftung", "Kommanditgesellschaft",
    "Public Limited Company", "Limited Liability Company", "Pte. Ltd.", "Pte Ltd",
    "Pvt. Ltd.", "Pvt Ltd", "Pty Ltd", "Pty. Ltd.", "Sp. z o.o.", "s.r.o.", "a.s.",
    "d.o.o.", "Kft.", "Zrt.", "Nyrt.", "S.A.B. de C.V.", "S.A. de C.V.", "Ltda.", "Ltda",
    "GmbH & Co. OHG", "OG", "Genossenschaft", "eingetragener Verein",
    # Joint-stock and one-person forms of the former Soviet Union and the Balkans, and the
    # non-profit association forms of Belgium and Luxembourg (the "e.V." of partner towns there).
    "JSC", "CJSC", "OJSC", "PJSC", "EOOD", "OOD", "asbl", "ASBL", "a.s.b.l.", "vzw", "VZW",
    "VoG",
    # Family firm tails that end a company's name as a legal form does ("X & Söhne").
    "& Söhne", "& Sohn", "& Sons", "& Son", "& Fils", "& Figli", "& Hijos", "& Zonen",
]


def build_legal_forms(verbose: bool):
    import cleanco.termdata as td

    terms: set[str] = set()
    for country, ts in td.terms_by_country.items():
        terms.update(ts)
    for typ in ("Corporation", "Limited", "Limited Liability Company", "Limited Partnership"):
        terms.update(td.terms_by_type.get(typ, []))
    out: set[str] = set(LEGAL_EXTRA)
    for t in terms:
        t = t.strip()
        try:
            # cleanco keeps a few terms as mis-decoded UTF-8 byte strings; repair them.
            t = t.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
        t = nfc(t)
        if t in LEGAL_CASE:
            form = LEGAL_CASE[t]
        elif "." in t or "/" in t or len(t.replace(" ", "")) <= 5:
            form = t.upper()
        else:
            form = t.title()
        bare = form.replace(".", "").replace(" ", "")
        if t in LEGAL_DROP or form.startswith("And ") or len(bare) < 2:
            continue
        if len(bare) <= 3 and "." not in form and form not in LEGAL_SHORT_OK:
            # Bare two- and three-letter codes ("DA", "CIO", "VAT") are mostly ordinary
            # abbreviations in German text; the useful ones are in LEGAL_EXTRA.
            if verbose:
                print(f"skip legal form {form!r}: too ambiguous", file=sys.stderr)
            continue
        out.add(form)
    forms = sorted(out, key=lambda f: (-len(f), f))
    header = ("# legal_forms.txt: company legal-form suffixes, longest first. Generated by "
              "tools/gazetteer/build_names.py from cleanco 2.3 term data (MIT) for selected "
              "countries plus German and international forms listed in the script; see NOTICE.")
    path = DATA / "legal_forms.txt"
    path.write_text(header + "\n" + "\n".join(forms) + "\n", encoding="utf-8")
    return forms


# ------------------------------------------------------------------ organizations

KINDS = {"company", "university", "research", "public_body", "chamber", "association",
         "culture", "media", "event", "party", "other"}

BEGIN_GEN = "# BEGIN generated"
END_GEN = "# END generated"

# Trailing words that the German press drops from listed companies' names, on top of
# the legal forms: "Roche Holding AG" -> "Roche", "ACS Group" -> "ACS".
NAME_TAIL_DROP = {"Group", "Holding", "Holdings", "plc", "PLC", "SA", "SE", "AG", "NV",
                  "N.V.", "S.A.", "Inc.", "Inc", "Corporation", "Corp.", "Corp", "Co.",
                  "Company", "Ltd.", "Ltd", "Limited", "ASA", "AB", "Oyj", "S.p.A.",
                  "SpA", "KGaA", "& Co.", "Co", "LLC", "L.P.", "LP"}


# Spellings in the index data that the companies themselves write differently.
NAME_FIX = {"EBay": "eBay", "EBay Inc.": "eBay Inc."}


def short_company_name(full: str, legal: set[str]) -> str:
    name = re.sub(r"\s+", " ", full).strip().rstrip(",")
    if name.startswith("The "):
        name = name[4:]
    words = name.split(" ")
    changed = True
    while changed and len(words) > 1:
        changed = False
        for k in (4, 3, 2, 1):
            if len(words) > k:
                tail = " ".join(words[-k:]).rstrip(",")
                if tail in legal or tail in NAME_TAIL_DROP:
                    words = words[:-k]
                    words[-1] = words[-1].rstrip(",")
                    changed = True
                    break
    return " ".join(words)


def read_hand_kept(path: Path):
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    cut = next((i for i, l in enumerate(lines) if l.startswith(BEGIN_GEN)), len(lines))
    hand = lines[:cut]
    keys: set[str] = set()
    for line in hand:
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        keys.add(cols[0])
        if len(cols) > 2 and cols[2]:
            keys.update(a for a in cols[2].split(";") if a)
    while hand and not hand[-1].strip():
        hand.pop()
    return hand, keys


def build_orgs(legal_forms: list[str], verbose: bool):
    from wordfreq import zipf_frequency
    from pytickersymbols.indices_data import INDICES

    path = DATA / "organizations.tsv"
    hand, hand_keys = read_hand_kept(path)
    legal = set(legal_forms)
    taken = set(hand_keys)
    entries: dict[str, set[str]] = {}
    for index in INDICES.values():
        for comp in index["companies"]:
            # Drop disambiguators ("Puma (brand)", "… (Class A)") and stray quotes.
            full = re.sub(r"\s*\([^)]*\)", "", comp["name"]).replace('"', "")
            full = nfc(re.sub(r"\s+", " ", full).strip())
            full = NAME_FIX.get(full, full)
            short = short_company_name(full, legal)
            names = {full}
            url = comp.get("metadata", {}).get("wikipedia_url", "")
            if url.startswith("https://en.wikipedia.org/wiki/"):
                title = url.rsplit("/", 1)[-1].replace("_", " ")
                if "%" not in title and "(" not in title:
                    names.add(nfc(title))
            # "Cellbricks Therapeutics, Inc." is written without the comma in German.
            names |= {re.sub(r", (?=\S+$)", " ", n) for n in names}
            entries.setdefault(short, set()).update(names)

    out_rows = []
    skipped = []
    for short in sorted(entries):
        aliases = set(entries[short])
        name = short
        # One-word short names that are ordinary words would match prose; keep the full name.
        if verbose and " " not in name and name not in ORG_SHORT_STOP:
            z = zipf_frequency(name.lower(), "de")
            if z >= ZIPF_COMMON:
                # Brands are frequent too ("Amazon"), so this only flags for review.
                print(f"review org short name {name!r}: German zipf {z}", file=sys.stderr)
        if name in ORG_SHORT_STOP or len(name) < 2:
            longer = sorted(a for a in aliases if a != name)
            if not longer:
                skipped.append((name, "ambiguous short name, no full name"))
                continue
            name = longer[0]
        aliases.discard(name)
        if name in taken:
            skipped.append((name, "hand-kept entry has it"))
            continue
        aliases = {a for a in aliases if a not in taken}
        taken.update({name} | aliases)
        out_rows.append((name, "company", sorted(aliases)))
    if verbose:
        for n, why in skipped:
            print(f"skip org {n!r}: {why}", file=sys.stderr)

    out_rows.sort(key=lambda r: r[0])
    lines = list(hand)
    lines.append("")
    lines.append(f"{BEGIN_GEN} by tools/gazetteer/build_names.py from pytickersymbols 1.17.10 "
                 "(MIT): constituents of AEX, BEL 20, CAC 40, CAC Mid 60, DAX, Dow Jones, "
                 "Euro Stoxx 50, FTSE 100, IBEX 35, MDAX, Nasdaq 100, Nikkei 225, OMX "
                 "Helsinki 25, OMX Stockholm 30, SDAX, S&P 100/500/600, SMI, TecDAX. "
                 "Do not edit by hand; sorted by name.")
    for name, kind, aliases in out_rows:
        lines.append(f"{name}\t{kind}\t{';'.join(aliases)}")
    lines.append(END_GEN)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(out_rows), len(skipped)


def write_lines(path: Path, header: str, items: list[str]):
    items = sorted(set(nfc(i) for i in items))
    path.write_text(header + "\n" + "\n".join(items) + "\n", encoding="utf-8")


def main() -> int:
    verbose = "--verbose" in sys.argv or "-v" in sys.argv
    DATA.mkdir(parents=True, exist_ok=True)
    n_first, n_last = build_names(verbose)
    forms = build_legal_forms(verbose)
    n_orgs, n_skipped = build_orgs(forms, verbose)
    print(f"first names: {n_first}, surnames: {n_last}, legal forms: {len(forms)}, "
          f"generated organizations: {n_orgs} (skipped {n_skipped})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
