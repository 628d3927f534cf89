#!/usr/bin/env python3
"""Regenerate crates/delegraph-clause/data/verbs.tsv: German verb forms with lemma and features.

    pip install ablaut==0.11.0 wordfreq==3.1.1 && python3 tools/grammar/build_verbs.py

Verb lemmas are the lowercase German words of wordfreq (CC BY-SA 4.0) ending in -en/-ern/-eln
whose third person singular present and past participle, as conjugated by ablaut (MIT OR
Apache-2.0, a rule engine: no lexicon is copied), are themselves frequent words: that test keeps
verbs and drops plural adjectives and nouns ("großen", "staaten"). Every form ablaut generates
for a kept lemma is written when wordfreq knows it (Zipf >= 1.0).

Each line is `form<TAB>lemma:features[;lemma:features]`, features: `pres`, `past` (indicative finite),
`subj1`, `subj2` (Konjunktiv I/II), `part` (past participle), `inf`, `zuinf`, `prespart`, and
`sein` on the participle of a verb that forms its perfect with "sein" ("ist gereist").
Verbs ablaut separates though texts do not ("unterschreiben": participle "unterschrieben",
not "untergeschrieben") are re-conjugated as inseparable where wordfreq finds the participle
without "ge" more frequent. A separable verb ("anreisen") is written with its one-word forms (infinitive "anreisen",
participle "angereist", "anzureisen", verb-final "anreist"); its main-clause finite forms are
those of the base verb ("reist … an"), which the clause analysis joins with the particle at the
end of the clause.
"""
import os
import sys

import ablaut
import wordfreq

# Verbs that ablaut conjugates with "haben" (their transitive reading: "die Tür aufbrechen")
# but whose reading as a journey takes "sein": "ist nach X aufgebrochen" is a perfect, not a
# state.
ALSO_SEIN = {"aufbrechen", "starten", "landen", "zusammentreffen", "umziehen", "einziehen"}

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "crates", "delegraph-clause", "data", "verbs.tsv")
Z = lambda w: wordfreq.zipf_frequency(w, "de")


def conj(w):
    try:
        return ablaut.conjugate(w)
    except Exception:
        return None


# Prefixes that are separable in some verbs and not in others ("unterbringen": "bringt …
# unter", "untergebracht"; "unterschreiben": "unterschreibt", "unterschrieben").
AMBIGUOUS_PREFIXES = ("unter", "über", "durch", "wider", "hinter", "um", "voll")


class Inseparable:
    """The forms of a verb ablaut separates but the written language does not: the base verb's
    forms with the prefix in front and a participle without "ge" ("unterschrieben")."""

    def __init__(self, prefix, base, participle, auxiliary):
        join = lambda forms: [prefix + f for f in forms]
        self.present = join(base.present)
        self.preterite = join(base.preterite)
        self.konjunktiv1 = join(base.konjunktiv1)
        self.konjunktiv2 = join(base.konjunktiv2)
        self.past_participle = participle
        self.auxiliary = auxiliary
        self.zu_infinitive = "zu " + prefix + base.infinitive
        self.present_participle = prefix + base.present_participle


def inseparable(w, c):
    """`c` re-conjugated as inseparable where the participle without "ge" is the one texts use
    (wordfreq decides: "unterschrieben" is frequent, "untergeschrieben" is not)."""
    parts = c.present[2].split(" ")
    if len(parts) != 2 or parts[1] not in AMBIGUOUS_PREFIXES:
        return c
    prefix = parts[1]
    if not c.past_participle.startswith(prefix + "ge"):
        return c
    participle = prefix + c.past_participle[len(prefix) + 2:]
    base = conj(w[len(prefix):])
    # A weak verb's participle without "ge" is also its verb-final present ("…, dass er
    # durchblickt"), some strong verbs' is their infinitive ("durchgeben"): frequency cannot
    # tell these apart, so only the other strong verbs are decided.
    # Where the participle without "ge" is the infinitive ("durchgeben"), neither.
    confounded = participle in (w, prefix + base.present[2]) if base else True
    if confounded or Z(participle) <= Z(c.past_participle):
        return c
    return Inseparable(prefix, base, participle, c.auxiliary)


def main():
    words = wordfreq.top_n_list("de", 200000)
    cands = [w for w in words if w.isalpha() and w.islower() and len(w) > 3 and w.endswith(("en", "ern", "eln"))]
    cands += ["sein", "tun"]  # the two verbs whose infinitive ends in a bare -n
    kept = {}
    for w in cands:
        c = conj(w)
        if c is None:
            continue
        p3 = c.present[2].split(" ")[0]
        past3 = c.preterite[2].split(" ")[0]
        if Z(p3) >= 2.0 and max(Z(c.past_participle), Z(past3)) >= 2.0:
            kept[w] = c
    # Participles ("gefahren") and zu-infinitives ("anzureisen") are forms, not lemmas.
    forms_of_others = set()
    for w, c in kept.items():
        for form in (c.past_participle, c.zu_infinitive):
            if form != w:
                forms_of_others.add(form)
    kept = {w: inseparable(w, c) for w, c in kept.items()}
    lemmas = sorted(w for w in kept if w not in forms_of_others)
    # wordfreq folds "ß" to "ss": a lemma with "ss" is conjugated in both spellings
    # ("begrüssen", "begrüßen"); the spelling no text uses costs nothing.
    spellings = []
    for w in lemmas:
        spellings.append((w, kept[w]))
        if "ss" in w:
            c = conj(w.replace("ss", "ß"))
            if c is not None:
                c = inseparable(w.replace("ss", "ß"), c)
                spellings.append((w.replace("ss", "ß"), c))
    rows = set()
    for w, c in spellings:
        separable = " " in c.present[2]
        if separable:
            base = c.present[2].split(" ")[0]
            # In a main clause the base verb carries the finite forms ("reist … an"); at the
            # end of a subordinate clause the particle is written on ("…, als sie anreisten").
            rows.add((w, w, "inf"))
            for feats, forms in (("pres", c.present), ("past", c.preterite), ("subj1", c.konjunktiv1), ("subj2", c.konjunktiv2)):
                for f in forms:
                    stem, _, prefix = f.partition(" ")
                    rows.add((prefix + stem, w, feats))
        else:
            for f in c.present:
                rows.add((f, w, "pres"))
            for f in c.preterite:
                rows.add((f, w, "past"))
            for f in c.konjunktiv1:
                rows.add((f, w, "subj1"))
            for f in c.konjunktiv2:
                rows.add((f, w, "subj2"))
            rows.add((w, w, "inf"))
        rows.add((c.past_participle, w, "part"))
        if c.auxiliary == "sein" or w in ALSO_SEIN:
            rows.add((c.past_participle, w, "sein"))
        rows.add((c.zu_infinitive.replace(" ", ""), w, "zuinf"))
        rows.add((c.present_participle, w, "prespart"))
    rows = [r for r in rows if " " not in r[0] and (Z(r[0].replace("ß", "ss")) >= 1.0 or r[2] in ("inf", "part", "sein"))]
    # form -> lemma -> features; a Konjunktiv form that is also indicative tells no mood.
    table = {}
    for form, lemma, feat in rows:
        table.setdefault(form, {}).setdefault(lemma, set()).add(feat)
    for lemmas_of in table.values():
        for feats in lemmas_of.values():
            if feats & {"pres", "past"}:
                feats -= {"subj1", "subj2"}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    order = ["pres", "past", "subj1", "subj2", "inf", "zuinf", "part", "prespart", "sein"]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# generated by tools/grammar/build_verbs.py from wordfreq 3.1.1 (CC BY-SA 4.0) and ablaut 0.11.0 (MIT OR Apache-2.0)\n")
        f.write("# form<TAB>lemma:features[;lemma:features]\n")
        for form in sorted(table):
            cells = ";".join(l + ":" + ",".join(x for x in order if x in fs) for l, fs in sorted(table[form].items()))
            f.write(form + "\t" + cells + "\n")
    print(len(lemmas), "lemmas,", len(table), "forms", file=sys.stderr)


if __name__ == "__main__":
    main()
