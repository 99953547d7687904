"""English language data for quantities: number words, scales, approximators, currencies, units, rates.

Tables only; the extractor reads them. Keys are lower case.
"""

from __future__ import annotations

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
# Zero words that are also idioms ("all for naught"): a number only inside a spelled number or alone
# outside those idioms.
ZERO_WORDS: dict[str, int] = {"nought": 0, "naught": 0}
# Words before a zero word that make it an idiom, not a number ("for naught", "came to nought").
ZERO_IDIOM_BEFORE = {"for", "to", "of", "all"}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Words that multiply what comes before them inside a spelled-out number.
MULTIPLIER_WORDS: dict[str, int] = {"hundred": 100, "thousand": 1_000, "million": 1_000_000,
                                    "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
DOZEN = {"dozen": 12}

# Scale words written after digits: "1.5 million", "$2.5bn", "70 mln", "851K".
SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "mil": 1e6, "m": 1e6,
    "billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tln": 1e12, "tn": 1e12, "trn": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7, "mm": 1e6, "t": 1e12,
}
# Scale letters that are scales only glued in capitals ("US$ 1MM", "$2.174T"); "75mm", "100t" are units.
MONEY_ONLY_SCALES = {"mm", "t"}
# Written-out scale words that may follow each other inside a number ("three lakh crore").
STACKING_SCALES = {"lakh", "lakhs", "crore", "crores"}
# Words for a dozen after a number: "3 dozens", "five dozs" (a multiplier, not the vague "dozens").
DOZEN_WORDS: dict[str, int] = {"dozen": 12, "dozens": 12, "doz": 12, "dozs": 12, "dz": 12, "dzs": 12}
# Single-letter scales are only read as scales right after a currency figure or glued to digits ("$33M").
SHORT_SCALES = {"k", "m", "b", "mn", "bn", "tn", "t"}

# Fractions written as words: value of the ratio.
FRACTION_WORDS: dict[str, float] = {
    "half": 0.5, "a half": 0.5, "one-half": 0.5, "one half": 0.5,
    "a third": 1 / 3, "one-third": 1 / 3, "one third": 1 / 3, "two-thirds": 2 / 3, "two thirds": 2 / 3,
    "a quarter": 0.25, "one-quarter": 0.25, "one quarter": 0.25, "three-quarters": 0.75,
    "three quarters": 0.75, "a fifth": 0.2, "one-fifth": 0.2, "one fifth": 0.2, "two-fifths": 0.4,
    "three-fifths": 0.6, "four-fifths": 0.8, "a tenth": 0.1, "one-tenth": 0.1, "one tenth": 0.1,
    "three-fourths": 0.75, "three fourths": 0.75, "one-fourth": 0.25, "one fourth": 0.25,
}
# Unicode fraction characters.
FRACTION_CHARACTERS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
    "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8,
}
# Ordinal words as the denominator of a spelled fraction ("three fifths", "a hundredth"), singular
# and plural. "first" and "second" are left out alone ("one second" is a time); they count inside
# a compound ("twenty-first").
_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                 "seventieth": 70, "eightieth": 80, "ninetieth": 90}
_ORDINAL_SCALES = {"hundredth": 100, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9,
                   "trillionth": 1e12}
FRACTION_DENOMINATORS: dict[str, float] = {
    **{w: v for w, v in {**_ORDINAL_UNITS, **_ORDINAL_TENS, **_ORDINAL_SCALES}.items()
       if w not in ("first", "second")},
    **{w + "s": v for w, v in {**_ORDINAL_UNITS, **_ORDINAL_TENS, **_ORDINAL_SCALES}.items()
       if w not in ("first", "second")},
    "half": 2, "halves": 2, "quarter": 4, "quarters": 4,
}
# Units ordinals that end a compound denominator ("twenty-first", "thirty fifths").
ORDINAL_UNIT_DENOMINATORS: dict[str, float] = {
    **_ORDINAL_UNITS, **{w + "s": v for w, v in _ORDINAL_UNITS.items()}}
# Denominators that alone, after a plain numerator, more often mean something else
# ("two quarters" of a year): only read after "and" or "three".
AMBIGUOUS_DENOMINATORS = {"quarter", "quarters", "half", "halves"}
# Fractions that scale what follows ("half a million", "a quarter million").
FRACTION_OF_SCALE: dict[str, float] = {"half": 0.5, "a half": 0.5, "quarter": 0.25, "a quarter": 0.25,
                                       "three quarters": 0.75, "three-quarters": 0.75}

# Multipliers stated as verbs or adverbs: ratio quantities.
MULTIPLIER_RATIOS: dict[str, float] = {
    "doubled": 2, "doubling": 2, "doubles": 2, "double": 2,
    "tripled": 3, "tripling": 3, "triples": 3, "triple": 3, "trebled": 3,
    "quadrupled": 4, "quadrupling": 4, "quadruples": 4,
    "halved": 0.5, "halving": 0.5,
    "twice": 2, "thrice": 3,
}

# Vague amounts: interval the words commit to (SPEC edge cases).
VAGUE_AMOUNTS: dict[str, tuple[float, float]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 999_000_000),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "billions": (2_000_000_000, 999_000_000_000),
    "millions and millions": (2_000_000, 999_000_000),
    "many millions": (2_000_000, 999_000_000),
    "several million": (2_000_000, 9_999_999),
    "several thousand": (2_000, 9_999),
    "several hundred": (200, 999),
    "several dozen": (24, 99),
    "many hundreds": (200, 999), "many thousands": (2_000, 9_999),
}

# "single-digit leads", "double-digit inflation": percent ranges.
DIGIT_RANGES: dict[str, tuple[float, float]] = {
    "single-digit": (1, 9), "single digit": (1, 9),
    "double-digit": (10, 99), "double digit": (10, 99),
    "triple-digit": (100, 999), "triple digit": (100, 999),
    "single digits": (1, 9), "double digits": (10, 99), "triple digits": (100, 999),
}

# Approximators and bounds written before a figure. The bound says which side of
# the interval the words commit to: "point" (low = high = value), "upper" (high only),
# "lower" (low only), "range" (between A and B).
QUALIFIERS: dict[str, tuple[str, bool]] = {
    # phrase: (bound, approximate)
    "about": ("point", True), "around": ("point", True), "approximately": ("point", True),
    "roughly": ("point", True), "some": ("point", True), "an estimated": ("point", True),
    "estimated": ("point", True), "close to": ("point", True), "an approximate": ("point", True),
    "circa": ("point", True), "approx.": ("point", True), "or so": ("point", True),
    "nearly": ("upper", True), "almost": ("upper", True), "just under": ("upper", True),
    "a hair under": ("upper", True), "just shy of": ("upper", True), "nearly all of": ("upper", True),
    "just below": ("upper", True), "slightly less than": ("upper", True),
    "near": ("upper", True), "a little under": ("upper", True), "a little less than": ("upper", True),
    "a little over": ("lower", True), "a little more than": ("lower", True),
    "less than or equal to": ("upper", False), "equal to or less than": ("upper", False),
    "less or equal than": ("upper", False), "smaller or equal than": ("upper", False),
    "lower or equal than": ("upper", False), "smaller than": ("upper", False),
    "smaller than or equal to": ("upper", False), "equal to or smaller than": ("upper", False),
    "greater than or equal to": ("lower", False), "equal to or greater than": ("lower", False),
    "equal to or more than": ("lower", False), "at least or equal to": ("lower", False),
    "bigger or equal than": ("lower", False), "higher or equal than": ("lower", False),
    "greater or equal than": ("lower", False), "larger than": ("lower", False),
    "bigger than": ("lower", False),
    "exceed": ("lower", False), "exceeds": ("lower", False), "exceeding": ("lower", False),
    "surpass": ("lower", False), "surpasses": ("lower", False), "surpassing": ("lower", False),
    "up to": ("upper", False), "as many as": ("upper", False), "as much as": ("upper", False),
    "less than": ("upper", False), "fewer than": ("upper", False), "under": ("upper", False),
    "below": ("upper", False), "no more than": ("upper", False), "at most": ("upper", False),
    "within": ("upper", False), "a maximum of": ("upper", False), "not more than": ("upper", False),
    "lower than": ("upper", False),
    "more than": ("lower", False), "over": ("lower", False), "at least": ("lower", False),
    "upwards of": ("lower", False), "upward of": ("lower", False), "well over": ("lower", False),
    "above": ("lower", False), "in excess of": ("lower", False), "no less than": ("lower", False),
    "a minimum of": ("lower", False), "greater than": ("lower", False), "north of": ("lower", False),
    "higher than": ("lower", False), "well above": ("lower", False), "not less than": ("lower", False),
    "just over": ("lower", True), "just above": ("lower", True), "slightly more than": ("lower", True),
    "plus or minus": ("point", False), "+/-": ("point", False), "±": ("point", False),
}
# Bound symbols written before a figure: ">10", "< = 100", ">= 30".
BOUND_SYMBOLS: dict[str, str] = {">": "lower", "<": "upper", ">=": "lower", "<=": "upper", "≥": "lower",
                                 "≤": "upper", "> =": "lower", "< =": "upper"}
# Bound words written after a figure: "500 or more", "200 or greater", "5000 or less".
TRAILING_BOUNDS: dict[str, str] = {
    "or more": "lower", "and more": "lower", "or greater": "lower", "or higher": "lower", "or above": "lower",
    "and above": "lower", "or more than": "lower", "or greater than": "lower", "or equal": "",
    "or less": "upper", "or fewer": "upper", "or lower": "upper", "or below": "upper", "and below": "upper",
    "or less than": "upper", "or smaller": "upper", "or equal to": "",
}
# Words joining two bounds of one interval: "more than 10 and less than 40".
BOUND_JOINERS = {"and", "but", ",", "but less than"}
# Words before a figure that make it negative: "minus 5", "negative one".
NEGATIVE_WORDS = {"minus", "negative"}
# Verbs after which "up to" is a particle of a change, not a bound: "have gone up to $8,400".
UP_TO_PARTICLE_VERBS = {
    "go", "goes", "gone", "going", "went", "bring", "brings", "brought", "bringing", "move", "moved",
    "moves", "moving", "push", "pushed", "pushes", "pushing", "run", "ran", "runs", "shot", "shoot",
    "climb", "climbed", "climbs", "jump", "jumped", "jumps", "step", "stepped", "ramp", "ramped",
    "crept", "creep", "creeping", "edged", "edge", "revised", "raised", "bumped", "add", "adds", "added",
}
# Verbs after which a multiplier is an idiom: "doubled down on".
MULTIPLIER_IDIOM_AFTER = {"down"}
# Words between a number and a time unit that keep the duration: "15 extra minutes".
DURATION_ADJECTIVES = {"extra", "additional", "more", "straight", "consecutive", "full", "long"}
# Nouns after which a duration is an age: "87 yo", "3 years of age".
AGE_WORDS = {"old", "yo", "y/o"}
# Words that may follow a bare scaled figure which still carries the sentence's currency:
# function words, and nouns of money ("a 295.3 mln surplus").
MONEY_NOUNS = {
    "surplus", "deficit", "profit", "profits", "loss", "losses", "revenue", "revenues", "sales", "income",
    "debt", "debts", "budget", "budgets", "bill", "bills", "fund", "funds", "deal", "loan", "loans",
    "payment", "payments", "cost", "costs", "price", "prices", "value", "bonus", "bonuses", "fine", "fines",
    "investment", "investments", "earnings", "turnover", "credit", "credits", "bid", "offer", "spending",
    "package", "stake", "reserves", "assets", "liabilities", "dividend", "dividends", "capital", "tax",
    "taxes", "shortfall", "savings", "writedown", "charge", "charges", "contract", "contracts", "salary",
    "rise", "fall", "drop", "increase", "decrease", "gain", "decline", "jump", "cut", "reduction", "hike",
}
FUNCTION_WORDS = {
    "in", "on", "at", "for", "from", "to", "and", "or", "but", "of", "by", "with", "than", "as", "since",
    "until", "over", "under", "after", "before", "against", "versus", "vs", "vs.", "while", "when", "a",
    "an", "the", "this", "that", "last", "next", "previously", "earlier", "ago", "into", "per",
    "each", "year", "month", "week", "quarter", "is", "was", "were", "are", "will", "would", "had", "has",
    "have", "be", "been", "respectively", "now", "then", "up", "down", "compared",
}
# Words after a rate phrase that make it a time expression ("four pct a month earlier").
NOT_RATE_AFTER = {"earlier", "ago", "later", "before", "after", "prior", "back", "old"}
# Rate adjectives that, before a noun, name what is counted ("320 million monthly active users").
RATE_ADJECTIVES = {"daily", "weekly", "monthly", "quarterly", "yearly", "annually"}
# Words after a number that make it part of a name ("The 400 series", "Boeing 757-200").
NAME_NOUNS_AFTER = {"series"}
# Identifier numbers by the word after them: "911 calls" (the emergency number).
IDENTIFIER_NUMBERS: dict[str, set[str]] = {"911": {
    "call", "calls", "caller", "callers", "dispatcher", "dispatchers", "operator", "operators", "system",
    "line"}}
# Verbs after a name that make a number before them part of it ("Anderson Cooper 360 was").
NAME_FOLLOWERS = {"is", "was", "has", "had", "will", "says", "said", "airs", "aired", "reported"}

# Verbs after which "over" is a particle, not "more than": "handed over $25 million".
OVER_PARTICLE_VERBS = {
    "hand", "handed", "hands", "handing", "turn", "turned", "turns", "turning", "take", "took", "taken",
    "takes", "taking", "give", "gave", "given", "pass", "passed", "sign", "signed", "fork", "forked",
    "shell", "shelled", "pay", "paid", "carry", "carried", "roll", "rolled", "hold", "held", "paper",
    "papered", "from", "up", "down", "increased", "rose", "fell", "climbed", "gained",
}
# Words that may precede a qualifier without changing it ("only about", "still nearly").
RANGE_OPENERS: dict[str, bool] = {"between": False, "somewhere between": True, "anywhere between": True,
                                  "roughly between": True, "from": False}
# Words right before "from" that make "from A to B" a range, not a change: "ranges from 7 to 10".
RANGE_FROM_CUES = {"range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying",
                   "anywhere", "somewhere", "is", "are", "was", "were", "be", "being", "been", "any"}
# Words before "A to B" that make it a change (by A, to B) when B is far above A: "rose 4-7/8 to 52-7/8".
CHANGE_WORDS = {
    "rose", "risen", "rise", "rises", "fell", "fallen", "fall", "falls", "climbed", "jumped", "gained",
    "dropped",
    "declined", "slipped", "eased", "added", "lost", "shed", "increased", "decreased", "advanced", "surged",
    "plunged", "tumbled", "slid", "grew", "soared", "sank", "up", "down", "higher", "lower", "off",
}
# Range joiners between two figures: "20~100", "1000 - 5000", "6 – 8".
RANGE_SYMBOLS = {"~", "-", "–", "—", "to"}

# Currency symbols written before digits, and the ISO 4217 code they stand for.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "c$": "CAD", "a$": "AUD", "nz$": "NZD", "hk$": "HKD",
    "s$": "SGD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "r": "ZAR",
    "rs": "INR", "rs.": "INR", "chf": "CHF", "₱": "PHP", "₡": "CRC", "₾": "GEL", "₭": "LAK", "₿": "BTC",
    "元": "CNY", "ரூ": "LKR", "mex$": "MXN", "mxn$": "MXN", "aud$": "AUD", "cad$": "CAD", "nzd$": "NZD",
    "usd$": "USD", "hkd$": "HKD", "sgd$": "SGD", "r$": "BRL",
}
# Symbols written alone (the keys of CURRENCY_SYMBOLS that are one character).
CURRENCY_SIGNS = {k for k in CURRENCY_SYMBOLS if len(k) == 1 and not k.isalpha()} | {"ரூ"}
# Letters written before a currency sign, glued or spaced ("C$", "c $ 16.4 million", "HK $").
CURRENCY_PREFIXES = {"us", "u.s.", "c", "a", "hk", "s", "nz", "mex", "mxn", "aud", "cad", "nzd", "usd", "hkd",
                     "sgd", "r"}
# Of those, the ones that are also words and so only count glued to the sign ("a $5 bill").
GLUED_ONLY_PREFIXES = {"a", "s", "r"}
# Signs that may also follow the figure ("10 €", "100元"); "$" only when nothing figure-like follows.
SUFFIX_SIGNS = {"€", "$", "£", "¥", "₹", "₡", "₾", "₭", "元", "ரூ", "₿"}
CURRENCY_CODES = {
    "usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "nzd", "cny", "rmb", "inr", "zar", "huf",
    "php", "mxn", "brl", "rub", "krw", "sek", "nok", "dkk", "hkd", "sgd", "try", "pln", "btc", "twd",
}
# Codes that are also English words: only read in capitals ("TRY" but not "try").
WORD_CODES = {"try", "cad", "rub"}
# Codes with a millions prefix, as in Scandinavian business writing: "30 MUSD", "MEUR 120".
MILLION_CODES = {"m" + c: c.upper() for c in ("usd", "eur", "gbp", "aud", "sek", "nok", "dkk", "chf", "cad")}
# Currency words written after the figure.
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "dlr": "USD", "dlrs": "USD", "usd": "USD",
    "u.s. dollars": "USD", "us dollars": "USD",
    "canadian dollars": "CAD", "canadian dlrs": "CAD", "australian dollars": "AUD", "australian dlrs": "AUD",
    "hong kong dollars": "HKD", "new zealand dollars": "NZD", "singapore dollars": "SGD",
    "taiwan dollars": "TWD",
    "cent": "USD", "cents": "USD", "ct": "USD", "cts": "USD",
    "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP",
    "sterling": "GBP", "stg": "GBP", "pence": "GBP", "p": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "peso": "PHP", "pesos": "PHP", "mexican pesos": "MXN", "forint": "HUF", "forints": "HUF",
    "franc": "CHF", "francs": "CHF", "swiss francs": "CHF", "french francs": "FRF",
    "mark": "DEM", "marks": "DEM", "lire": "ITL", "lira": "TRY", "rand": "ZAR",
    "won": "KRW", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "real": "BRL", "reais": "BRL", "guilders": "NLG", "crowns": "SEK", "kronor": "SEK", "krona": "SEK",
    "kroner": "NOK", "zloty": "PLN", "dinars": "DZD", "riyals": "SAR", "shekels": "ILS", "naira": "NGN",
    "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "bitcoin": "BTC", "bitcoins": "BTC",
    "us dollar": "USD", "u.s. dollar": "USD", "canadian dollar": "CAD", "canadian dlr": "CAD",
    "australian dollar": "AUD", "hong kong dollar": "HKD", "new zealand dollar": "NZD",
    "singapore dollar": "SGD", "taiwan dollar": "TWD", "chinese yuan": "CNY", "rmb": "CNY",
    "turkish lira": "TRY", "finnish markka": "FIM", "finnish markkas": "FIM", "markka": "FIM",
    "markkaa": "FIM", "peseta": "ESP", "pesetas": "ESP", "dutch guilders": "NLG", "guilder": "NLG",
    "guilder cents": "NLG",
    "dutch guilder": "NLG", "cruzado": "BRC", "cruzados": "BRC", "belgian francs": "BEF",
    "luxembourg francs": "LUF", "escudos": "PTE", "drachmas": "GRD", "schillings": "ATS",
    "penny": "GBP", "pennies": "GBP", "dime": "USD", "dimes": "USD", "nickel": "USD", "nickels": "USD",
    "kuai": "CNY", "btc": "BTC", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY",
    "inr": "INR", "hkd": "HKD", "aud": "AUD", "chf": "CHF", "mxn": "MXN",
}
# Currency words that may stand before the figure: "dollar 22.5 million".
CURRENCY_WORDS_BEFORE = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "rmb": "CNY",
                         "usd": "USD"}
# Minor units: a figure in these is divided by 100.
MINOR_CURRENCY_WORDS = {"cent", "cents", "ct", "cts", "pence", "p", "penny", "pennies", "guilder cents"}
# Fractional coins: their value in the major unit.
COIN_WORDS: dict[str, float] = {"dime": 0.1, "dimes": 0.1, "nickel": 0.05, "nickels": 0.05}
# Major currency words after which a bare number under 100 is the minor part: "3 dollars 50 cents".
MAJOR_CURRENCY_WORDS = {"dollar", "dollars", "euro", "euros", "pound", "pounds", "usd", "yuan"}
# Currency words that are also ordinary English words: only read after a figure.
AMBIGUOUS_CURRENCY_WORDS = {"won", "real", "mark", "marks", "p", "pound", "pounds", "crowns", "nickel",
                            "nickels"}
# "pound(s)" is a weight when no money is around: read as money only with these words in the sentence.
POUND_MONEY_CONTEXT = {
    "£", "sterling", "stg", "gbp", "pence", "britain", "british", "uk", "london", "england", "cost", "costs",
    "paid", "pay", "pays", "price", "priced", "worth", "fine", "fined", "bill", "spent", "spend", "raised",
    "deal", "budget", "salary", "fund", "funding", "million", "billion", "mln", "bln", "bn", "profit", "loss",
    "sales", "revenue", "tax", "sold", "buy", "bought", "scotland", "wales", "bank", "investment", "earn",
    "earned", "earns", "charge", "charged", "fee", "fees",
}
# Weight words near "pounds" that make it a weight even in a money sentence.
POUND_WEIGHT_CONTEXT = {"weigh", "weighs", "weighed", "weighing", "weight", "lose", "lost", "gain", "gained",
                        "heavy", "heavier", "lighter", "baby", "bag", "eat", "ate", "drop", "dropped"}

PERCENT_WORDS: dict[str, str] = {
    "%": "%", "percent": "%", "per cent": "%", "pct": "%", "percentage points": "%",
    "percentage point": "%", "per cent.": "%", "percentage-point": "%", "pct points": "%",
    "basis points": "bp", "basis point": "bp", "bps": "bp", "percentage": "%", "percents": "%",
    "per cents": "%", "pc": "%",
}
# Percent words that may stand before "of N" at the start of a text: "per cent of 210" (210%).
PERCENT_LEADING = {"percent", "percents", "per cent", "percentage"}
POINT_WORDS = {"points", "point", "pts", "pt"}

# Physical units: surface -> canonical unit name.
MEASURE_UNITS: dict[str, str] = {
    "km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
    "mile": "mile", "miles": "mile", "mi": "mile", "meters": "m", "metres": "m", "meter": "m",
    "metre": "m", "cm": "cm", "centimeters": "cm", "centimetres": "cm", "mm": "mm", "millimeters": "mm",
    "millimetres": "mm", "feet": "ft", "foot": "ft", "ft": "ft", "inches": "inch", "inch": "inch",
    "yards": "yard", "yard": "yard",
    "kg": "kg", "kilograms": "kg", "kilogrammes": "kg", "kilogram": "kg", "kilos": "kg", "kilo": "kg",
    "grams": "g", "gram": "g", "g": "g", "mg": "mg", "milligrams": "mg", "lb": "lb", "lbs": "lb",
    "ounces": "oz", "ounce": "oz", "oz": "oz", "troy ounces": "oz",
    "tonnes": "tonne", "tonne": "tonne", "tons": "ton", "ton": "ton", "metric tons": "tonne",
    "metric tonnes": "tonne", "short tons": "ton", "long tons": "ton", "mt": "tonne",
    "barrels": "barrel", "barrel": "barrel", "bbl": "barrel", "bpd": "barrel", "b/d": "barrel",
    "gallons": "gallon", "gallon": "gallon", "litres": "litre", "liters": "litre", "litre": "litre",
    "liter": "litre", "bushels": "bushel", "bushel": "bushel", "cubic meters": "m3",
    "cubic metres": "m3", "cubic feet": "ft3", "acres": "acre", "acre": "acre", "hectares": "hectare",
    "hectare": "hectare", "square miles": "sq mi", "square mile": "sq mi", "square feet": "sq ft",
    "square foot": "sq ft", "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2",
    "degrees": "degree", "degree": "degree", "mph": "mile", "km/h": "km", "knots": "knot",
    "megawatts": "MW", "megawatt": "MW", "mw": "MW", "gigawatts": "GW", "gw": "GW", "kilowatts": "kW",
    "kw": "kW", "kwh": "kWh", "kilowatt-hours": "kWh", "megawatt-hours": "MWh", "mwh": "MWh",
    "terawatt-hours": "TWh", "twh": "TWh", "volts": "V", "calories": "kcal", "bytes": "byte",
    "gigabytes": "GB", "gb": "GB", "megabytes": "MB", "terabytes": "TB",
    "carats": "carat", "mi.": "mile", "t": "tonne", "l": "litre", "ml": "ml", "milliliters": "ml",
    "millilitres": "ml", "milliliter": "ml", "millilitre": "ml", "cl": "cl", "centiliters": "cl",
    "centilitres": "cl", "dm": "dm", "decimeters": "dm", "decimetres": "dm", "nm": "nm",
    "nanometers": "nm", "nanometres": "nm", "nanometer": "nm", "nanometre": "nm", "pounds": "lb",
    "pound": "lb", "square meters": "m2", "square metres": "m2", "square meter": "m2", "square metre": "m2",
    "sq m": "m2", "m2": "m2", "km2": "km2", "sq mi": "sq mi", "sq. mi.": "sq mi", "square kilometer": "km2",
    "square kilometre": "km2", "cubic kilometers": "km3", "cubic kilometres": "km3", "km3": "km3",
    "cubic kilometer": "km3", "km^2": "km2", "km^3": "km3", "km squared": "km2", "km cubed": "km3",
    "microgram": "µg", "micrograms": "µg", "microgrammes": "µg", "μg": "µg", "µg": "µg", "mcg": "µg",
    "gramme": "g", "grammes": "g", "degrees celsius": "°C", "degree celsius": "°C", "°c": "°C",
    "celsius": "°C", "degrees fahrenheit": "°F", "degree fahrenheit": "°F", "°f": "°F", "fahrenheit": "°F",
    "° c": "°C", "° f": "°F", "kph": "km", "kmph": "km", "km/hr": "km", "kilometers per hour": "km",
    "kilometres per hour": "km", "miles per hour": "mile", "watts": "W", "watt": "W", "w": "W",
    "wh": "Wh", "kilowatt": "kW", "mb": "MB", "bit": "bit", "bits": "bit", "tpd": "ton",
    "tablespoons": "tablespoon", "tablespoon": "tablespoon", "tbsp": "tablespoon", "teaspoons": "teaspoon",
    "teaspoon": "teaspoon", "tsp": "teaspoon", "cups": "cup", "cup": "cup", "turns": "turn", "turn": "turn",
    "rad": "rad", "radians": "rad", "cubic centimeters": "cm3", "cubic centimetres": "cm3", "cc": "cm3",
    "in": "inch", "km 2": "km2", "km ^ 2": "km2", "km ²": "km2", "km 3": "km3", "km ^ 3": "km3",
    "km ³": "km3",
    "m 2": "m2", "m ^ 2": "m2", "m ²": "m2", "°": "degree", "m": "m", "μ g": "µg", "µ g": "µg",
}
# Units written with a glued power ("km2", "m^2"): the power must be glued to read it so.
POWER_SUFFIXES = {"2", "3", "²", "³"}
# Units that are also ordinary words or pronouns; read only right after digits.
AMBIGUOUS_UNITS = {"g", "mi", "mt", "m", "degree", "degrees", "in", "gb", "mw", "gw", "kw", "t", "l", "w",
                   "mb", "cl", "dm", "nm", "rad", "pound", "pounds", "cup", "cups", "turn", "turns", "bit",
                   "bits",
                   "cc", "wh", "celsius", "fahrenheit", "mi."}
# Of those, units read after digits when spaced only if nothing word-like follows ("930,000 mi)",
# "278,000 t valued", "2 in."): "in", "t" and "l" are letters or words far more often.
END_ONLY_UNITS = {"mi", "mi.", "in", "t", "l", "m", "w", "g", "mt", "rad"}
# Units that only read glued or spaced after digits, never after a spelled number ("two degrees" of study).
DIGITS_ONLY_UNITS = {"degree", "degrees", "turn", "turns", "cup", "cups", "bit", "bits"}
# Words after a length in metres that show "m" is metres, not millions: "1.8m tall".
METRE_CONTEXT_AFTER = {"tall", "high", "long", "wide", "deep", "away", "thick", "below", "above", "deep."}
# The word "in" after a figure is inches only before these words (or at the end of the sentence).
INCH_CONTEXT_AFTER = {"thick", "long", "wide", "tall", "high", "deep", "diameter", "across"}

# Time units: an explicit number of them is a duration (unless it frames another figure).
DURATION_UNITS: dict[str, str] = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "min": "minute",
    "mins": "minute", "hour": "hour", "hours": "hour", "hrs": "hour", "day": "day", "days": "day",
    "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year",
    "years": "year", "yr": "year", "yrs": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
}

# Rates: words after a figure that make it "per" a time unit.
RATE_PHRASES: dict[str, str] = {
    "per second": "second", "per minute": "minute", "per hour": "hour", "an hour": "hour", "a minute": "minute",
    "per day": "day", "a day": "day", "each day": "day", "every day": "day", "daily": "day", "/day": "day",
    "per week": "week", "a week": "week", "each week": "week", "every week": "week", "weekly": "week",
    "per month": "month", "a month": "month", "each month": "month", "every month": "month",
    "monthly": "month", "/month": "month", "a mo": "month",
    "per year": "year", "a year": "year", "each year": "year", "every year": "year", "annually": "year",
    "yearly": "year", "per annum": "year", "a yr": "year", "/year": "year", "/yr": "year",
    "per quarter": "quarter", "a quarter": "quarter", "each quarter": "quarter", "quarterly": "quarter",
    "/ hour": "hour", "/ hr": "hour", "/ h": "hour", "/ day": "day", "/ week": "week", "/ month": "month",
    "/ year": "year", "/ yr": "year",
}
# Units that are themselves rates.
RATE_UNITS: dict[str, str] = {"bpd": "day", "b/d": "day", "mph": "hour", "km/h": "hour", "kph": "hour",
                              "kmph": "hour", "km/hr": "hour", "kilometers per hour": "hour",
                              "kilometres per hour": "hour", "miles per hour": "hour", "tpd": "day"}

# Ordinal suffixes glued to digits ("20th", "1st"): never quantities.
ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
ORDINAL_WORDS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "twentieth", "hundredth", "thousandth", "millionth",
}

# Capitalised words after which a number is part of a name or identifier ("Section 230", "Boeing 737").
IDENTIFIER_PREFIXES = {
    "section", "article", "chapter", "title", "amendment", "rule", "regulation", "resolution",
    "proposition", "prop", "measure", "bill", "act", "clause", "paragraph", "page", "pages", "vol",
    "volume", "no", "no.", "nos", "number", "route", "highway", "interstate", "i", "flight", "room",
    "suite", "apartment", "apt", "unit", "building", "gate", "pier", "platform", "channel", "studio",
    "boeing", "airbus", "apollo", "windows", "iphone", "ipad", "galaxy", "model", "type", "class",
    "version", "v", "episode", "season", "level", "stage", "phase", "grade", "district", "ward",
    "precinct", "local", "division", "brigade", "battalion", "regiment", "fleet", "army", "corps",
    "squad", "zone", "sector", "block", "lot", "box", "po", "exit", "mile", "figure", "fig", "table",
    "cessna", "lockheed", "gulfstream", "learjet", "embraer", "bombardier", "tupolev", "antonov", "ilyushin",
    "sukhoi", "falcon", "citation", "dassault", "beechcraft",
    "appendix", "schedule", "form", "docket", "case", "ticket", "seat", "row", "lane", "camp",
    "fox", "cbs", "abc", "nbc", "espn", "formula", "super", "vision", "agenda", "top",
    "mi", "tu", "su", "mig", "su-", "f", "b", "c", "g", "h", "k", "m", "n", "p", "r", "s", "t", "x", "z",
}
# Number words that are idioms or pronouns when they stand alone ("one of them", "no one").
PRONOUN_NUMBERS = {"one"}

# Context words that make "points" index points rather than percentage points.
INDEX_CONTEXT = {
    "index", "indexes", "indices", "dow", "nasdaq", "s&p", "ftse", "nikkei", "dax", "cac", "hang",
    "composite", "exchange", "stock", "stocks", "shares", "average", "bourse", "market", "futures",
}
# Context words that make "points" percentage points (polls, rates).
PERCENT_POINT_CONTEXT = {"lead", "poll", "polls", "percent", "percentage", "%", "margin", "voters",
                         "support", "rate", "rates", "approval", "survey", "ahead", "behind", "trails",
                         "trailing", "leads", "leading", "edge", "gap", "advantage"}
