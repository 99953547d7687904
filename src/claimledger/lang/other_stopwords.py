"""Function words of other languages, for the "does this look like English?" check in ingest.

Tables only. A text that scores low on English function words is judged not English
when one of these languages scores higher. Words that are also common English words
("in", "an", "so", "was", "also", "man", "no", "as", "is", "on", "a") are left out, and
so are one-letter fragments English produces too ("s" of "Trump's", "t" of "don't").
Keys are lower case; elided forms are split at the apostrophe ("l'État" gives "l").
"""

from __future__ import annotations

OTHER_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset((
        "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "pour", "que", "qui", "dans",
        "par", "sur", "au", "aux", "avec", "ce", "cette", "ces", "il", "elle", "ils", "elles", "nous",
        "vous", "leur", "leurs", "sont", "été", "être", "avoir", "ont", "mais", "ou", "où", "pas",
        "plus", "ne", "se", "sa", "son", "ses", "lui", "fait", "comme", "aussi", "très", "tout", "tous",
        "même", "dont", "l", "qu", "j", "entre", "après", "avant", "selon", "chez", "depuis",
    )),
    "de": frozenset((
        "der", "die", "das", "den", "dem", "des", "und", "ist", "nicht", "mit", "sich", "auf", "für",
        "von", "zu", "im", "ein", "eine", "einen", "einem", "einer", "eines", "auch", "es", "sie",
        "wir", "ihr", "sind", "wurde", "werden", "hat", "haben", "bei", "aus", "nach", "wie", "oder",
        "aber", "noch", "nur", "um", "über", "vor", "durch", "dass", "daß", "zum", "zur", "kein",
        "keine", "sehr", "schon", "wird", "wurden", "diese", "dieser", "dieses", "ich",
    )),
    "es": frozenset((
        "el", "la", "los", "las", "del", "de", "y", "que", "en", "un", "una", "por", "con", "para",
        "es", "se", "su", "sus", "al", "lo", "como", "más", "pero", "le", "ya", "fue", "son", "está",
        "están", "ha", "han", "sido", "muy", "sin", "sobre", "entre", "también", "cuando", "todo",
        "esta", "este", "ese", "esa", "porque", "según", "desde", "hasta", "donde",
    )),
    "it": frozenset((
        "il", "lo", "la", "gli", "le", "di", "del", "della", "dei", "degli", "delle", "e", "che", "è",
        "un", "una", "per", "con", "non", "sono", "da", "dal", "alla", "al", "nel", "nella", "ma",
        "più", "anche", "questo", "questa", "si", "ha", "hanno", "essere", "stato", "ci", "tra", "dopo",
        "secondo",
    )),
    "pt": frozenset((
        "o", "os", "da", "do", "das", "dos", "de", "e", "que", "em", "um", "uma", "para", "com", "não",
        "é", "por", "na", "nos", "nas", "se", "mais", "mas", "foi", "ao", "pelo", "pela", "ser", "está",
        "são", "também", "já", "quando", "sobre", "entre", "até",
    )),
    "nl": frozenset((
        "de", "het", "een", "en", "van", "dat", "die", "niet", "op", "te", "met", "voor", "zijn", "er",
        "aan", "ook", "als", "bij", "door", "maar", "om", "hij", "ze", "wordt", "werd", "naar", "nog",
        "worden", "heeft", "hebben", "geen", "deze", "dit",
    )),
}
