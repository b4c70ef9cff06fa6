"""Word lists the extractor reads numbers with: qualifiers, vague quantities, function words, names.

Kept as data in one place so that a reader can see (and extend) what claimcheck knows of English.
"""

from __future__ import annotations

from functools import lru_cache

# Qualifier phrases before a number, longest first when matched; value: the bound they assert.
QUALIFIERS_BEFORE: dict[str, str] = {
    "approximately": "~", "approx.": "~", "about": "~", "around": "~", "roughly": "~", "some": "~",
    "an estimated": "~", "estimated": "~", "circa": "~", "ca.": "~", "close to": "~", "on the order of": "~",
    "in the region of": "~", "an approximate": "~", "~": "~", "a reported": "~", "reportedly": "~",
    "more than": ">", "over": ">", "above": ">", "in excess of": ">", "upwards of": ">", "exceeding": ">",
    "greater than": ">", "just over": ">", "north of": ">", "well over": ">", "higher than": ">",
    "at least": ">=", "no fewer than": ">=", "no less than": ">=", "a minimum of": ">=", "not less than": ">=",
    "up to": "<=", "at most": "<=", "no more than": "<=", "as many as": "<=", "a maximum of": "<=",
    "not more than": "<=", "as much as": "<=", "within": "<=",
    "nearly": "<", "almost": "<", "just under": "<", "less than": "<", "fewer than": "<", "under": "<",
    "below": "<", "just below": "<", "short of": "<", "shy of": "<",
}
# Qualifiers that sit just beside the stated value: they get a band on their open side.
NEAR_QUALIFIERS = {"nearly", "almost", "just under", "just below", "just over", "short of", "shy of"}
QUALIFIERS_AFTER: dict[str, str] = {
    "or more": ">=", "or above": ">=", "or over": ">=", "plus": ">=", "+": ">=", "or so": "~",
    "or fewer": "<=", "or less": "<=", "at most": "<=", "at least": ">=", "or thereabouts": "~",
}

UNITS_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
               "lakh": 1e5, "crore": 1e7}
MAGNITUDE_SUFFIXES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6,
                      "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12,
                      "lakh": 1e5, "crore": 1e7, "hundred": 1e2}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
# Vague quantities: (low, high) of the interval they assert.
VAGUE = {
    "dozens": (24, 100), "scores": (40, 100), "hundreds": (200, 1000), "thousands": (2000, 10000),
    "tens of thousands": (20000, 100000), "hundreds of thousands": (200000, 1000000),
    "millions": (2e6, 1e7), "tens of millions": (2e7, 1e8), "hundreds of millions": (2e8, 1e9),
    "billions": (2e9, 1e10), "tens of billions": (2e10, 1e11),
}
VAGUE_MULTIPLIERS = {"several": (3, 9), "a few": (2, 5)}

CURRENCY_SYMBOLS = {
    "US$": "USD", "$": "USD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD",
    "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "Rs.": "INR", "Rs": "INR", "₽": "RUB", "₺": "TRY",
    "KSh": "KES", "R$": "BRL", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "INR": "INR", "CHF": "CHF", "CNY": "CNY",
}
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR", "yen": "JPY",
    "rupees": "INR", "rupee": "INR", "pounds sterling": "GBP", "sterling": "GBP", "yuan": "CNY",
    "renminbi": "CNY", "roubles": "RUB", "rubles": "RUB", "francs": "CHF", "lira": "TRY",
}

DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "those", "these", "this",
               "that", "such", "all", "some", "any", "each", "every", "both", "other", "another", "whose",
               "which", "what", "no"}
PREPOSITIONS = {"of", "in", "on", "at", "to", "from", "by", "with", "without", "for", "against", "across",
                "throughout", "into", "onto", "near", "over", "under", "about", "around", "between", "among",
                "after", "before", "during", "since", "until", "through", "via", "per", "within", "outside",
                "inside", "along", "toward", "towards", "behind", "beyond", "off", "out", "up", "down",
                "than", "as", "like", "amid", "despite", "including", "following", "upon", "east", "west",
                "north", "south", "northeast", "northwest", "southeast", "southwest", "away"}
CONJUNCTIONS = {"and", "or", "but", "nor", "yet", "so", "while", "whereas", "because", "although", "though",
                "if", "when", "where", "who", "whom", "which", "that", "whether", "as", "than", "then", "plus",
                "compared", "versus", "vs"}
PRONOUNS = {"i", "you", "he", "she", "it", "we", "they", "them", "him", "us", "me", "there", "here",
            "themselves", "itself", "each", "one", "ones"}
AUXILIARIES = {"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do",
               "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
               "not", "also", "still", "now", "already", "reportedly", "just", "only", "more", "less",
               "mostly", "mainly", "largely", "then", "too", "even", "each", "apiece", "respectively", "ago",
               "a", "an", "the", "this", "last", "next", "every", "per", "later", "earlier", "overall", "total",
               "altogether", "combined", "alone", "so", "far", "yet", "again", "back", "since", "across"}
# Common verbs that end a noun phrase (inflected forms ending in -ed/-ing are caught by shape).
VERBS = {"say", "says", "said", "began", "begin", "remain", "died", "die", "fled", "flee", "fought", "fight",
         "left", "leave", "took", "take", "made", "make", "went", "go", "came", "come", "hit", "struck", "won",
         "win", "lost", "lose", "ran", "run", "got", "get", "saw", "see", "told", "tell", "held", "hold", "fell",
         "fall", "rose", "rise", "grew", "grow", "drew", "draw", "led", "sent", "send", "kept", "keep", "met",
         "meet", "paid", "pay", "stood", "stand", "live", "need", "want", "seek", "sought", "face", "spent",
         "spend", "gave", "give", "found", "find", "became", "become", "brought", "bring", "built", "build",
         "put", "including", "according", "remained", "reached", "totalled", "totaled", "amounting", "worth",
         "killed", "wounded", "injured", "claim", "were", "was", "are", "is", "have", "has", "had"}
# Words that look like -ed/-ing verbs but modify a following noun ("armed groups", "fighting units").
ADJECTIVAL_PARTICIPLES = {"armed", "trained", "based", "led", "backed", "allied", "displaced", "registered",
                          "licensed", "skilled", "unidentified", "suspected", "confirmed", "wounded", "injured",
                          "detained", "missing", "fighting", "ruling", "remaining", "ongoing", "leading",
                          "existing", "emerging", "developing", "working", "governing", "incoming", "outgoing",
                          "improvised", "guided", "unmanned", "manned", "combined", "estimated", "additional",
                          "reported", "named", "united", "red", "bed", "hundred", "shed", "seed", "feed", "need",
                          "speed", "bring", "king", "ring", "wing", "spring", "string", "thing", "ceiling",
                          "building", "buildings", "funding", "housing", "shooting", "bombing", "bombings",
                          "shelling", "killing", "killings", "meeting", "training", "morning", "evening",
                          "offering", "warning", "clothing", "landing", "crossing", "crossings", "beings",
                          "holdings", "earnings", "savings", "proceedings", "shootings", "uprising", "wedding",
                          "bedding", "lightning", "heating", "spending", "planning", "polling", "rating",
                          "ratings", "setting", "settings", "hearing", "hearings", "filing", "filings",
                          "handling", "processing", "mining", "fishing", "farming", "shipping", "parking",
                          "lending", "pricing", "rationing", "cooking", "recycling", "screening", "testing",
                          "flooding", "looting", "listing", "listings", "sibling", "siblings", "seedlings",
                          "dwelling", "dwellings", "pudding", "pending", "timing", "opening", "openings",
                          "hundreds", "sixteenth", "weekend", "reed", "greed"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
          "nov", "dec"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
ID_PREFIXES = {"resolution", "section", "article", "chapter", "flight", "route", "room", "no", "no.", "number",
               "item", "page", "part", "phase", "level", "grade", "class", "category", "vol", "vol.", "volume",
               "issue", "episode", "season", "amendment", "highway", "interstate", "platform", "gate", "apollo",
               "windows", "ios", "android", "ops", "bill", "decree", "order", "unit", "brigade", "division",
               "battalion", "regiment", "corps", "district", "ward", "zone", "sector", "block", "building",
               "floor", "line", "table", "figure", "fig", "fig.", "step", "stage", "round", "game", "match",
               "week", "day", "year", "version", "v", "model", "type", "mk", "mark", "series", "squadron",
               "fleet", "army", "group", "task", "force", "term", "session", "paragraph", "clause", "rule",
               "code", "ref", "case", "exhibit", "annex", "appendix", "box", "lot", "tier", "cat", "f", "b"}
IDIOMS_WITH_ONE = {"day", "time", "point", "way", "side", "hand", "another", "thing", "of", "or", "by"}

DIMENSION_MEASURES = {
    "[length]": "distance", "[length] ** 2": "area", "[length] ** 3": "volume", "[mass]": "weight",
    "[time]": "duration", "[length] / [time]": "speed", "[temperature]": "temperature",
    "[length] ** 2 * [mass] / [time] ** 3": "power", "[length] ** 2 * [mass] / [time] ** 2": "energy",
}

# Names that are actors or places and never the thing counted ("US ground forces" -> ground forces).
ACTOR_NAMES = {
    "US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UN", "U.N.", "EU", "NATO", "ISIS", "ISIL", "IS", "Daesh",
    "SDF", "YPG", "PKK", "Hezbollah", "Hamas", "Taliban", "al-Qaeda", "al-Qaida", "Pentagon", "Centcom",
    "CENTCOM", "Kremlin", "IDF", "Isis", "Isil", "Houthi", "Houthis", "Wagner", "OPEC", "WHO", "IMF",
    "Coalition", "Red Cross", "UNHCR", "Unicef", "UNICEF", "AU", "ASEAN",
}
DEMONYMS = {
    "American": "United States", "British": "United Kingdom", "Russian": "Russia", "Syrian": "Syria",
    "Iraqi": "Iraq", "Iranian": "Iran", "Turkish": "Turkey", "Kurdish": None, "French": "France",
    "German": "Germany", "Chinese": "China", "Israeli": "Israel", "Palestinian": "Palestine",
    "Ukrainian": "Ukraine", "Afghan": "Afghanistan", "Saudi": "Saudi Arabia", "Egyptian": "Egypt",
    "Indian": "India", "Pakistani": "Pakistan", "Japanese": "Japan", "Lebanese": "Lebanon",
    "Jordanian": "Jordan", "Yemeni": "Yemen", "Libyan": "Libya", "Somali": "Somalia", "Sudanese": "Sudan",
    "Nigerian": "Nigeria", "Kenyan": "Kenya", "Ethiopian": "Ethiopia", "Canadian": "Canada",
    "Australian": "Australia", "Italian": "Italy", "Spanish": "Spain", "Polish": "Poland", "Dutch": "Netherlands",
    "Belgian": "Belgium", "Greek": "Greece", "Qatari": "Qatar", "Emirati": "United Arab Emirates",
    "Korean": None, "Mexican": "Mexico", "Brazilian": "Brazil", "Arab": None, "European": None, "Western": None,
}
PLACE_ALIASES = {"Britain", "Great Britain", "England", "Scotland", "Wales", "UK", "U.K.", "US", "U.S.",
                 "USA", "America", "Europe", "Africa", "Asia", "Middle East", "Gaza", "West Bank", "Kurdistan",
                 "Russia", "Syria", "Iran", "Turkey", "Palestine", "Korea", "North Korea", "South Korea",
                 "Taiwan", "Kosovo", "Vietnam", "Laos", "Moldova", "Bolivia", "Venezuela", "Tanzania"}
PLACE_SUFFIXES = {"Province", "Governorate", "Region", "Valley", "City", "County", "District",
                  "Basin", "Mountains", "Desert", "Sea", "Gulf", "Strait", "Peninsula", "Island", "Islands", "River",
                  "Coast", "Bay", "Plain", "Plains"}


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Country names as newsrooms write them (pycountry's names, common and official names)."""
    import pycountry

    names: set[str] = set(PLACE_ALIASES)
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value and "," not in value:
                names.add(value)
    return frozenset(names)
