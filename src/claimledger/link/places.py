"""Places named in a sentence, from a small gazetteer: countries, US states, a few regions and cities.

The measure a figure belongs to depends on where it holds ("unemployment in Spain" is not
"unemployment in France"), so the place is part of a measure's key. Names, common
abbreviations and demonyms map to one canonical, lower-case name.

>>> places_in("The number of foreign fighters entering Iraq and Syria fell, U.S. officials said.")
('iraq', 'syria', 'united states')
>>> places_in("Prices rose 3% in May.")
()
"""

from __future__ import annotations

import re
from functools import lru_cache

# canonical name -> other ways of writing it (matched as whole words, case-sensitively for capitals)
PLACES: dict[str, tuple[str, ...]] = {
    "united states": ("United States", "U.S.", "US", "U.S.A.", "USA", "America", "American", "Americans"),
    "united kingdom": (
        "United Kingdom",
        "U.K.",
        "UK",
        "Britain",
        "Great Britain",
        "British",
        "England",
        "English",
        "Scotland",
        "Scottish",
        "Wales",
        "Welsh",
        "Northern Ireland",
    ),
    "european union": ("European Union", "EU", "E.U.", "EC", "European Community"),
    "soviet union": ("Soviet Union", "Soviet", "USSR", "U.S.S.R."),
    "russia": ("Russia", "Russian"),
    "china": ("China", "Chinese"),
    "japan": ("Japan", "Japanese"),
    "germany": ("Germany", "German", "West Germany", "West German", "Bonn"),
    "france": ("France", "French"),
    "italy": ("Italy", "Italian"),
    "spain": ("Spain", "Spanish"),
    "canada": ("Canada", "Canadian"),
    "mexico": ("Mexico", "Mexican"),
    "brazil": ("Brazil", "Brazilian"),
    "argentina": ("Argentina", "Argentine"),
    "india": ("India", "Indian"),
    "pakistan": ("Pakistan", "Pakistani"),
    "iran": ("Iran", "Iranian"),
    "iraq": ("Iraq", "Iraqi"),
    "syria": ("Syria", "Syrian"),
    "afghanistan": ("Afghanistan", "Afghan"),
    "israel": ("Israel", "Israeli"),
    "egypt": ("Egypt", "Egyptian"),
    "saudi arabia": ("Saudi Arabia", "Saudi"),
    "turkey": ("Turkey", "Turkish"),
    "libya": ("Libya", "Libyan"),
    "jordan": ("Jordan", "Jordanian"),
    "lebanon": ("Lebanon", "Lebanese"),
    "yemen": ("Yemen", "Yemeni"),
    "kuwait": ("Kuwait", "Kuwaiti"),
    "qatar": ("Qatar",),
    "united arab emirates": ("United Arab Emirates", "UAE"),
    "nigeria": ("Nigeria", "Nigerian"),
    "south africa": ("South Africa", "South African"),
    "kenya": ("Kenya", "Kenyan"),
    "ethiopia": ("Ethiopia",),
    "australia": ("Australia", "Australian"),
    "new zealand": ("New Zealand",),
    "indonesia": ("Indonesia", "Indonesian"),
    "malaysia": ("Malaysia", "Malaysian"),
    "philippines": ("Philippines", "Philippine", "Filipino"),
    "thailand": ("Thailand", "Thai"),
    "vietnam": ("Vietnam", "Vietnamese"),
    "singapore": ("Singapore",),
    "south korea": ("South Korea", "South Korean"),
    "north korea": ("North Korea", "North Korean"),
    "taiwan": ("Taiwan", "Taiwanese"),
    "hong kong": ("Hong Kong",),
    "ukraine": ("Ukraine", "Ukrainian"),
    "poland": ("Poland", "Polish"),
    "netherlands": ("Netherlands", "Dutch", "Holland"),
    "belgium": ("Belgium", "Belgian"),
    "switzerland": ("Switzerland", "Swiss"),
    "austria": ("Austria",),
    "sweden": ("Sweden", "Swedish"),
    "norway": ("Norway", "Norwegian"),
    "denmark": ("Denmark", "Danish"),
    "finland": ("Finland", "Finnish"),
    "greece": ("Greece", "Greek"),
    "portugal": ("Portugal", "Portuguese"),
    "ireland": ("Ireland", "Irish"),
    "hungary": ("Hungary", "Hungarian"),
    "cuba": ("Cuba", "Cuban"),
    "venezuela": ("Venezuela", "Venezuelan"),
    "colombia": ("Colombia", "Colombian"),
    "chile": ("Chile",),
    "peru": ("Peru", "Peruvian"),
    "ecuador": ("Ecuador",),
    "bolivia": ("Bolivia",),
    "algeria": ("Algeria", "Algerian"),
    "morocco": ("Morocco", "Moroccan"),
    "tunisia": ("Tunisia",),
    "bangladesh": ("Bangladesh",),
    "sri lanka": ("Sri Lanka",),
    "new york": ("New York",),
    "california": ("California",),
    "texas": ("Texas",),
    "florida": ("Florida",),
    "ohio": ("Ohio",),
    "iowa": ("Iowa",),
    "new hampshire": ("New Hampshire",),
    "nevada": ("Nevada",),
    "south carolina": ("South Carolina",),
    "north carolina": ("North Carolina",),
    "pennsylvania": ("Pennsylvania",),
    "michigan": ("Michigan",),
    "wisconsin": ("Wisconsin",),
    "virginia": ("Virginia",),
    "illinois": ("Illinois",),
    "georgia": ("Georgia",),
    "arizona": ("Arizona",),
    "colorado": ("Colorado",),
    "indiana": ("Indiana",),
    "massachusetts": ("Massachusetts",),
    "new jersey": ("New Jersey",),
    "washington state": ("Washington state",),
    "oregon": ("Oregon",),
    "minnesota": ("Minnesota",),
    "missouri": ("Missouri",),
    "kentucky": ("Kentucky",),
    "louisiana": ("Louisiana",),
    "alabama": ("Alabama",),
    "mississippi": ("Mississippi",),
    "tennessee": ("Tennessee",),
    "utah": ("Utah",),
    "kansas": ("Kansas",),
    "oklahoma": ("Oklahoma",),
    "nebraska": ("Nebraska",),
    "maryland": ("Maryland",),
    "connecticut": ("Connecticut",),
    "west virginia": ("West Virginia",),
    "alaska": ("Alaska",),
    "hawaii": ("Hawaii",),
    "europe": ("Europe", "European"),
    "middle east": ("Middle East",),
    "africa": ("Africa", "African"),
    "asia": ("Asia", "Asian"),
    "latin america": ("Latin America", "Latin American"),
    "london": ("London",),
    "paris": ("Paris",),
    "tokyo": ("Tokyo",),
    "moscow": ("Moscow",),
    "beijing": ("Beijing",),
    "chicago": ("Chicago",),
    "los angeles": ("Los Angeles",),
}


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    for canonical, forms in PLACES.items():
        for form in forms:
            names[form] = canonical
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # whole words; "U.S." ends in a dot, so the right edge is "not a letter or digit"
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])"), names


def places_in(sentence: str) -> tuple[str, ...]:
    """The canonical places a sentence names, sorted and without repeats.

    Names match with their capitals ("US" is a place, "us" is not); a sentence set all
    in capitals (a Reuters headline) is read in title case.

    >>> places_in("U.K. and British officials met West German ministers in Bonn.")
    ('germany', 'united kingdom')
    """
    pattern, names = _pattern()
    if sentence.isupper():
        sentence = sentence.title()
    return tuple(sorted({names[m.group(0)] for m in pattern.finditer(sentence)}))
