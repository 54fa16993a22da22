#!/usr/bin/env python3
"""Writes reference-data's generated region files, regions/iso/<CC>.tsv, one per country, for every first-level
subdivision of ISO 3166-2 (those without a parent), from Debian's iso-codes and Unicode CLDR's subdivision names.

Run on demand, never in the build; its output is committed. See docs/classifier.md, "Regenerating the gazetteer", and
docs/adr/0029-generated-gazetteer.md.

    python3 tools/gazetteer/generate.py                 # fetches cldr-subdivisions-full with npm pack
    python3 tools/gazetteer/generate.py --cldr DIR      # an unpacked cldr-subdivisions-full package

Needs: the Debian packages iso-codes, wamerican, wfrench and hunspell-vi (the common-word lists), python3 and npm.
"""

import argparse
import collections
import gettext
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

CLDR_PACKAGE = "cldr-subdivisions-full@48.2.0"
ISO_JSON = "/usr/share/iso-codes/json/"
LOCALE_DIR = "/usr/share/locale"
LANGUAGES = ("vi", "fr")
WORD_LISTS = {
    "wamerican": "/usr/share/dict/american-english",
    "wfrench": "/usr/share/dict/french",
    "hunspell-vi": "/usr/share/hunspell/vi_VN.dic",
}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REGIONS = os.path.join(ROOT, "reference-data/src/main/resources/newsradar/data/regions")
CLASSIFY_DATA = os.path.join(ROOT, "classify-service/src/main/resources/newsradar/data")
MIN_LETTERS = 4


def fold(text):
    """As contracts' TextFolding: lower case, diacritics removed, đ to d."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c)).strip()


def package_version(package):
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"the Debian package {package} is not installed (apt-get install {package})")
    return out.stdout.strip()


def catalogue(domain, language):
    path = os.path.join(LOCALE_DIR, language, "LC_MESSAGES", domain + ".mo")
    if not os.path.exists(path):
        return {}
    with open(path, "rb") as f:
        return {k: v for k, v in gettext.GNUTranslations(f)._catalog.items() if isinstance(k, str) and k and v}


def cldr_names(cldr_dir):
    with open(os.path.join(cldr_dir, "subdivisions/en/en.json"), encoding="utf-8") as f:
        names = json.load(f)["subdivisions"]["localeDisplayNames"]["subdivisions"]
    with open(os.path.join(cldr_dir, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    return names, meta["version"], meta["license"]


def fetch_cldr(into):
    subprocess.run(["npm", "pack", "--silent", CLDR_PACKAGE], cwd=into, check=True, stdout=subprocess.DEVNULL)
    tarball = next(n for n in os.listdir(into) if n.endswith(".tgz"))
    with tarfile.open(os.path.join(into, tarball)) as t:
        t.extractall(into, filter="data")
    return os.path.join(into, "package")


def written_forms(name):
    """The forms a source name is written in the news: 'Madrid, Comunidad de' is 'Madrid' and 'Comunidad de Madrid';
    'Ilocos (Region I)' is 'Ilocos'; 'Elgeyo/Marakwet' is both parts; names separated by ';' are each a name."""
    forms = []
    for part in re.split(r"[;/]", re.sub(r"\s*\([^)]*\)", "", name)):
        part = part.strip()
        if "," in part:
            head, tail = (s.strip() for s in part.split(",", 1))
            forms.append(head)
            forms.append(tail + " " + head)
        elif part:
            forms.append(part)
    return [f for f in forms if f and f[0].isupper() and sum(c.isalpha() for c in f) >= 2]


def common_words():
    words = set()
    for package, path in WORD_LISTS.items():
        package_version(package)
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                word = line.split("/")[0].strip()
                if word and word[0].islower() and not word.isdigit():
                    words.add(fold(word))
    return words


def data_names(path, column):
    names = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                names.add(fold(line.rstrip("\n").split("\t")[column]))
    return names


def country_names():
    with open(ISO_JSON + "iso_3166-1.json", encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    names, by_code = set(), {}
    translations = [catalogue("iso_3166-1", lang) for lang in LANGUAGES]
    for c in countries:
        own = {c[k] for k in ("name", "common_name", "official_name") if k in c}
        own |= {t[n] for t in translations for n in list(own) if n in t}
        by_code[c["alpha_2"]] = {fold(n) for n in own}
        names |= by_code[c["alpha_2"]]
    names |= data_names(os.path.join(CLASSIFY_DATA, "countries/aliases.tsv"), 2)
    return names, by_code


def curated():
    """The countries with a curated file, and the names those files give each code."""
    countries, names = set(), collections.defaultdict(set)
    for file in os.listdir(REGIONS):
        if file.endswith(".tsv"):
            countries.add(file[:-4])
            with open(os.path.join(REGIONS, file), encoding="utf-8") as f:
                for line in f:
                    cols = line.rstrip("\n").split("\t")
                    if not line.startswith("#") and len(cols) >= 4:
                        names[fold(cols[3])].add(cols[0])
    return countries, names


def is_the_country_itself(code, forms, countries_by_code):
    """CN-HK, US-PR, FR-GP: a subdivision that has an ISO 3166-1 code of its own is a country in the classifier."""
    own = countries_by_code.get(code.split("-")[1], set())
    return any(fold(f).startswith(n) or n.startswith(fold(f)) for f in forms for n in own)


def build(cldr_dir):
    with open(ISO_JSON + "iso_3166-2.json", encoding="utf-8") as f:
        subdivisions = [s for s in json.load(f)["3166-2"] if "parent" not in s]
    cldr, cldr_version, cldr_licence = cldr_names(cldr_dir)
    translations = {lang: catalogue("iso_3166-2", lang) for lang in LANGUAGES}
    countries, countries_by_code = country_names()
    capitals = data_names(os.path.join(CLASSIFY_DATA, "countries/capitals.tsv"), 2)
    words = common_words()
    curated_countries, curated_names = curated()

    regions, skipped = {}, []
    for s in subdivisions:
        code, country = s["code"], s["code"].split("-")[0]
        if country in curated_countries:
            continue
        english = cldr.get(code.replace("-", "").lower())
        names = [("*", f) for f in written_forms(english)] if english else []
        names += [("*", f) for f in written_forms(s["name"])]
        names += [(lang, f) for lang in LANGUAGES for f in written_forms(translations[lang].get(s["name"], ""))]
        if is_the_country_itself(code, [n for _, n in names], countries_by_code):
            skipped.append(code)
            continue
        seen, kept = set(), []
        for lang, name in names:
            if fold(name) not in seen:
                seen.add(fold(name))
                kept.append((lang, name))
        regions[code] = (s["type"], kept)

    codes_by_name = collections.defaultdict(set, {k: set(v) for k, v in curated_names.items()})
    for code, (_, names) in regions.items():
        for _, name in names:
            codes_by_name[fold(name)].add(code)

    out = collections.defaultdict(list)
    counts = collections.Counter()
    for code, (kind, names) in regions.items():
        country = code.split("-")[0]
        for lang, name in names:
            folded = fold(name)
            others = codes_by_name[folded] - {code}
            if any(o.split("-")[0] == country for o in others):
                counts["dropped: names another region of its country"] += 1
                continue
            why = [reason for reason, hit in (
                ("country", folded in countries),
                ("capital", folded in capitals),
                ("word", " " not in folded and "-" not in folded and folded in words),
                ("short", sum(c.isalpha() for c in folded) < MIN_LETTERS),
                ("other-region", bool(others)),
            ) if hit]
            for reason in why:
                counts["needs-country: " + reason] += 1
            counts["names"] += 1
            out[country].append((code, lang, name, "needs-country" if why else "", kind, ",".join(why)))
    header = [
        "# GENERATED by tools/gazetteer/generate.py: do not edit; a curated regions/<CC>.tsv replaces this file.",
        f"# Sources: iso-codes {package_version('iso-codes')} (Debian; iso_3166-2.json, iso_3166-2.mo {'/'.join(LANGUAGES)}),"
        " licence LGPL-2.1-or-later;",
        f"#   Unicode CLDR cldr-subdivisions-full {cldr_version} (subdivisions/en/en.json), licence {cldr_licence}.",
        "# Collision flags from: iso-codes iso_3166-1 names, countries/aliases.tsv, countries/capitals.tsv, the common words"
        f" of wamerican {package_version('wamerican')}, wfrench {package_version('wfrench')},"
        f" hunspell-vi {package_version('hunspell-vi')}, and the names of every other region.",
        "# code\tcurrent\tlang\tname\tflags\ttype\tcollides-with",
    ]
    iso_dir = os.path.join(REGIONS, "iso")
    os.makedirs(iso_dir, exist_ok=True)
    for old in os.listdir(iso_dir):
        os.remove(os.path.join(iso_dir, old))
    for country, lines in sorted(out.items()):
        with open(os.path.join(iso_dir, country + ".tsv"), "w", encoding="utf-8") as f:
            f.write("\n".join(header) + "\n")
            for code, lang, name, flags, kind, why in lines:
                f.write("\t".join((code, code, lang, name, flags, kind, why)).rstrip("\t") + "\n")
    counts["countries"] = len(out)
    counts["regions"] = len(regions)
    counts["skipped: a country of its own"] = len(skipped)
    for key, value in sorted(counts.items()):
        print(f"{key}\t{value}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cldr", help="an unpacked cldr-subdivisions-full package (default: npm pack it)")
    args = parser.parse_args()
    if args.cldr:
        build(args.cldr)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            build(fetch_cldr(tmp))


if __name__ == "__main__":
    main()
