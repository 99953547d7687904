"""English words that state a change of a measure, by direction (lemmas, lower case)."""

from __future__ import annotations

INCREASE_VERBS = {
    "rise", "increase", "climb", "grow", "jump", "surge", "soar", "gain", "rebound", "swell", "widen",
    "expand", "double", "triple", "treble", "quadruple", "boost", "raise", "advance", "accelerate",
    "spike", "skyrocket", "rocket", "balloon", "mount", "firm", "recover", "improve", "add", "hike",
    "lift", "top", "quintuple", "leap", "bounce",
}
DECREASE_VERBS = {
    "fall", "drop", "decline", "decrease", "plunge", "slip", "slide", "dip", "tumble", "slump", "shrink",
    "cut", "reduce", "lower", "lose", "ease", "narrow", "contract", "halve", "sink", "plummet", "shed",
    "dwindle", "diminish", "retreat", "weaken", "crash", "collapse", "erode", "trim", "slash", "decelerate",
    "deteriorate", "worsen", "slow", "skid", "tank", "devalue", "depreciate", "underspend",
}
INCREASE_NOUNS = {"rise", "increase", "jump", "gain", "growth", "surge", "hike", "climb", "boost", "rebound",
                  "uptick", "upturn", "spike", "bounce", "expansion", "improvement"}
DECREASE_NOUNS = {"drop", "decline", "fall", "decrease", "cut", "reduction", "loss", "slump", "dip",
                  "plunge", "downturn", "contraction", "slide", "shortfall", "erosion", "slowdown", "devaluation",
                  "depreciation"}
# Comparatives after a figure: "spent 40 percent less", "$5 million more".
COMPARATIVES = {"more": "increase", "higher": "increase", "greater": "increase", "larger": "increase",
                "less": "decrease", "lower": "decrease", "fewer": "decrease", "smaller": "decrease"}
# Adverbs that make a direction with "from"/"to": "X, up from Y"; "down to around 200".
DIRECTION_ADVERBS = {"up": "increase", "down": "decrease", "higher": "increase", "lower": "decrease"}
# Verbs whose direction is carried by a multiplier quantity ("tripled"): the quantity is the change's `by`.
MULTIPLIER_VERBS = {"double", "triple", "treble", "quadruple", "quintuple", "halve"}
