"""Build rules/person_names.json, the given-name and surname lists the `person_name` validator
reads, from Faker's person providers (MIT licence; lists compiled from public name statistics).

    pip install -e '.[bench]'                  # faker, for building only
    python bench/build_person_names.py         # write rules/person_names.json
    python bench/build_person_names.py --check # fail if the committed file is not what this gives

Names are kept casefolded, once with and once without accents (`josé` and `jose`), and only when
they are written in letters (hyphens and apostrophes allowed). Words that people also write as
ordinary words are dropped: the free-text model's function words (`will`, `may`, `can`) and a short
list of common nouns and adjectives that are surnames too (`green`, `rose`, `white`), so that
`Rose Garden` or `Will Park` do not read as names. The same Faker release gives the same bytes.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import unicodedata
from pathlib import Path

import faker

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scanner.freetext import builtin_model  # noqa: E402

OUT = ROOT / "rules" / "person_names.json"

# Locales whose names are written in a script with spaces between given name and surname.
LOCALES = (
    "en_US", "en_GB", "en_IN", "en_IE", "en_CA", "en_AU", "en_NZ", "es_ES", "es_MX", "es_CO", "es_AR",
    "pt_BR", "pt_PT", "fr_FR", "de_DE", "it_IT", "nl_NL", "sv_SE", "da_DK", "no_NO", "fi_FI", "pl_PL",
    "cs_CZ", "ro_RO", "hu_HU", "tr_TR", "id_ID", "vi_VN", "ru_RU", "uk_UA", "el_GR",
)  # fmt: skip

# Surnames and given names that are everyday words in English product, place and UI text.
# fmt: off
COMMON_WORDS = frozenset([
    "april", "august", "bank", "bell", "best", "bird", "black", "block", "blue", "board", "bond", "brand",
    "bridge", "brook", "brown", "bush", "camp", "cash", "chance", "chase", "church", "clay", "cloud",
    "cook", "cross", "crown", "day", "dean", "door", "dove", "east", "english", "field", "fine", "fish",
    "ford", "forest", "fox", "frank", "free", "friend", "frost", "game", "garden", "gate", "gay", "gold",
    "golden", "good", "grace", "grand", "grant", "gray", "green", "grey", "guy", "hall", "hand", "hart",
    "head", "heart", "hill", "holiday", "home", "honey", "hope", "house", "hunt", "jewel", "joy", "june",
    "king", "lake", "lamb", "lane", "law", "lee", "light", "long", "love", "lucky", "major", "march",
    "mark", "marsh", "mason", "may", "meadow", "mill", "miller", "moon", "moss", "new", "north", "oak",
    "page", "paris", "park", "parks", "pearl", "pierce", "pike", "pope", "post", "power", "price",
    "prince", "queen", "rain", "ray", "read", "reed", "rich", "ridge", "river", "rock", "rose", "ruby",
    "sale", "salt", "sands", "savage", "say", "scott", "sharp", "shore", "short", "silver", "small",
    "snow", "south", "spring", "star", "steel", "stone", "storm", "strong", "summer", "sun", "swift",
    "tea", "temple", "trust", "vale", "wall", "ward", "water", "waters", "way", "well", "west", "white",
    "wild", "will", "winter", "wise", "wolf", "wood", "woods", "young",
])
# fmt: on


def _letters_only(name: str) -> bool:
    return bool(name) and all(ch.isalpha() or ch in "-'’" for ch in name)


def _folded(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def collect() -> dict[str, object]:
    first: set[str] = set()
    last: set[str] = set()
    used = []
    for locale in LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ModuleNotFoundError:
            continue
        used.append(locale)
        given = [
            *getattr(provider, "first_names", ()),
            *getattr(provider, "first_names_male", ()),
            *getattr(provider, "first_names_female", ()),
        ]
        for names, into in ((given, first), (getattr(provider, "last_names", ()), last)):
            for raw in names:
                for part in str(raw).split():
                    if len(part) >= 2 and _letters_only(part):
                        into.add(part.casefold())
                        into.add(_folded(part).casefold())
    drop = builtin_model().function_words | COMMON_WORDS
    return {
        "format": "exposure-person-names",
        "version": 1,
        "source": f"Faker {faker.VERSION} person providers (MIT licence), locales: {', '.join(used)}",
        "first": sorted(first - drop),
        "last": sorted(last - drop),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = json.dumps(collect(), ensure_ascii=False, separators=(",", ":")) + "\n"
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT} differs from what this Faker release gives")
        print(f"{OUT} is current")
        return
    OUT.write_text(text, encoding="utf-8")
    data = json.loads(text)
    print(f"wrote {OUT}: {len(data['first'])} given names, {len(data['last'])} surnames")


if __name__ == "__main__":
    main()
