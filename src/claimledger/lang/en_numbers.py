"""English language data for quantities: number words, scales, approximators, currencies, units, rates.

Tables only; the extractor reads them. Keys are lower case.
"""

from __future__ import annotations

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
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
}
# Single-letter scales are only read as scales right after a currency figure or glued to digits ("$33M").
SHORT_SCALES = {"k", "m", "b", "mn", "bn", "tn"}

# Fractions written as words: value of the ratio.
FRACTION_WORDS: dict[str, float] = {
    "half": 0.5, "a half": 0.5, "one-half": 0.5, "one half": 0.5,
    "a third": 1 / 3, "one-third": 1 / 3, "one third": 1 / 3, "two-thirds": 2 / 3, "two thirds": 2 / 3,
    "a quarter": 0.25, "one-quarter": 0.25, "one quarter": 0.25, "three-quarters": 0.75,
    "three quarters": 0.75, "a fifth": 0.2, "one-fifth": 0.2, "one fifth": 0.2, "two-fifths": 0.4,
    "three-fifths": 0.6, "four-fifths": 0.8, "a tenth": 0.1, "one-tenth": 0.1, "one tenth": 0.1,
}

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
}

# "single-digit leads", "double-digit inflation": percent ranges.
DIGIT_RANGES: dict[str, tuple[float, float]] = {
    "single-digit": (1, 9), "single digit": (1, 9),
    "double-digit": (10, 99), "double digit": (10, 99),
    "triple-digit": (100, 999), "triple digit": (100, 999),
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

# Currency symbols written before digits, and the ISO 4217 code they stand for.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "c$": "CAD", "a$": "AUD", "nz$": "NZD", "hk$": "HKD",
    "s$": "SGD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "r": "ZAR",
    "rs": "INR", "rs.": "INR", "chf": "CHF", "₱": "PHP",
}
CURRENCY_CODES = {
    "usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "nzd", "cny", "rmb", "inr", "zar", "huf",
    "php", "mxn", "brl", "rub", "krw", "sek", "nok", "dkk", "hkd", "sgd", "try", "pln",
}
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
}
# Minor units: a figure in these is divided by 100.
MINOR_CURRENCY_WORDS = {"cent", "cents", "ct", "cts", "pence", "p"}
# Currency words that are also ordinary English words: only read after a figure.
AMBIGUOUS_CURRENCY_WORDS = {"won", "real", "mark", "marks", "p", "pound", "pounds", "crowns"}

PERCENT_WORDS: dict[str, str] = {
    "%": "%", "percent": "%", "per cent": "%", "pct": "%", "percentage points": "%",
    "percentage point": "%", "per cent.": "%", "percentage-point": "%", "pct points": "%",
    "basis points": "bp", "basis point": "bp", "bps": "bp",
}
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
    "degrees": "degree", "degree": "degree", "mph": "mph", "km/h": "km/h", "knots": "knot",
    "megawatts": "MW", "megawatt": "MW", "mw": "MW", "gigawatts": "GW", "gw": "GW", "kilowatts": "kW",
    "kw": "kW", "kwh": "kWh", "kilowatt-hours": "kWh", "megawatt-hours": "MWh", "mwh": "MWh",
    "terawatt-hours": "TWh", "twh": "TWh", "volts": "V", "calories": "kcal", "bytes": "byte",
    "gigabytes": "GB", "gb": "GB", "megabytes": "MB", "terabytes": "TB",
    "carats": "carat",
}
# Units that are also ordinary words or pronouns; read only right after digits.
AMBIGUOUS_UNITS = {"g", "mi", "mt", "m", "degree", "degrees", "in", "gb", "mw", "gw", "kw"}

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
}
# Units that are themselves rates.
RATE_UNITS: dict[str, str] = {"bpd": "day", "b/d": "day", "mph": "hour", "km/h": "hour"}

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
