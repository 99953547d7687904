"""English attribution data: speech and cognition cues, titles, pronouns, and signal lexicons."""

from __future__ import annotations

# Verbs (lemmas) that report what someone said, wrote, estimated or found.
SPEECH_VERBS = {
    "say", "tell", "estimate", "indicate", "announce", "note", "add", "continue", "attribute", "warn",
    "insist", "claim", "state", "report", "write", "explain", "argue", "assert", "acknowledge", "admit",
    "allege", "conclude", "confirm", "contend", "declare", "deny", "disclose", "emphasize", "emphasise",
    "forecast", "predict", "project", "reveal", "show", "suggest", "testify", "tweet", "post", "find",
    "believe", "think", "caution", "complain", "concede", "counter", "describe", "maintain", "mention",
    "observe", "point", "promise", "recall", "remark", "reply", "respond", "stress", "urge",
    "vow", "answer", "ask", "boast", "calculate", "charge", "figure", "guess", "hint", "imply",
    "lament", "pledge", "propose", "reckon", "reiterate", "repeat", "signal", "speculate",
    "suspect", "tout", "underscore", "quip", "joke", "muse", "shout", "scream", "whisper", "yell",
    "agree", "accuse", "brag", "comment", "expect", "fear", "hope", "worry", "wonder",
    "put", "highlight", "demonstrate", "count", "tally",
}
# Verbs of stance and speech acts that attribution corpora count as cues ("called X a liar", "urged Y to").
ATTITUDE_VERBS = {
    "call", "cite", "urge", "criticize", "criticise", "endorse", "demand", "question", "attack", "praise",
    "blame", "defend", "reject", "dismiss", "condemn", "echo", "denounce", "slam", "blast", "lambaste",
    "applaud", "hail", "welcome", "thank", "apologize", "congratulate", "threaten", "vow", "pledge",
    "propose", "recommend", "advise", "invite", "request", "instruct", "label", "dub", "brand",
    "characterize", "liken", "mention", "dispute", "challenge", "ridicule", "mock",
    "scold", "chastise", "deride", "fault", "accuse", "deny", "agree", "ask", "decline", "refuse",
    "express", "reference", "encourage", "argue", "tout", "acknowledge",
}
# Past forms the lemmatizer gets wrong ("hoped" → "hop", "rated" → "rat").
LEMMA_ALIASES = {"hoped": "hope", "hopes": "hope", "hoping": "hope", "rated": "rate", "rates": "rate"}
# Cues whose content may be a figure as object: "He forecast growth of two pct".
FORECAST_VERBS = {"forecast", "estimate", "predict", "project", "put", "expect", "anticipate", "see",
                  "report", "peg", "calculate", "count", "tally", "say"}
SPEECH_VERBS |= {"anticipate", "peg"}
# Nouns that refer back to an organisation named before ("the magazine", "the poll").
ORG_ROLE_NOUNS = {"magazine", "journal", "newspaper", "paper", "agency", "company", "firm", "group",
                  "organization", "organisation", "campaign", "poll", "survey", "network", "bank", "ministry",
                  "department", "government", "institute", "university", "committee", "commission", "foundation",
                  "administration", "report", "study", "union", "council", "party", "station", "channel"}
# Cues that never take a person as subject in news; they need a document or data source ("the report shows").
DOCUMENT_VERBS = {"show", "find", "indicate", "suggest", "reveal", "demonstrate", "put", "project", "count",
                  "report"}
# "In a new CBS News poll, Clinton leads ...": a sentence opened by one of these is the poll's.
POLL_NOUNS = {"poll", "polls", "survey", "surveys", "polling"}
# Report nouns: "X's report shows", "data from X".
REPORT_NOUNS = {
    "report", "data", "figures", "study", "survey", "poll", "analysis", "estimate", "estimates", "filing",
    "filings", "statement", "records", "documents", "numbers", "statistics", "assessment", "count", "tally",
    "review", "audit", "research", "census", "projection", "projections", "forecast", "release", "memo",
    "average", "polling", "tracker", "index", "papers", "returns",
}
# Prepositional cues: "according to X", "X's figures show".
ACCORDING_TO = ("according to", "as reported by", "as estimated by", "per", "citing", "cited by")

# Titles and ranks before a name; stripped from the canonical name, kept in the description.
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend",
    "president", "vice", "prime", "minister", "secretary", "chancellor", "governor", "gov", "senator", "sen",
    "rep", "representative", "congressman", "congresswoman", "mayor", "judge", "justice", "chief", "director",
    "chairman", "chairwoman", "chair", "ceo", "spokesman", "spokeswoman", "spokesperson", "ambassador",
    "gen", "general", "maj", "major", "col", "colonel", "lt", "lieutenant", "capt", "captain", "cmdr",
    "commander", "adm", "admiral", "sgt", "sergeant", "cpl", "pvt", "brig", "lt.", "gen.", "maj.", "col.",
    "army", "air", "force", "navy", "marine", "corps", "deputy", "assistant", "former", "acting", "attorney",
    "house", "speaker", "leader", "majority", "minority", "sheriff", "officer", "detective", "inspector",
    "pope", "king", "queen", "prince", "princess", "sheikh", "ayatollah", "premier", "candidate",
    "nominee", "gop", "democratic", "republican", "u.s.", "us", "state", "senior", "national", "economist",
    "analyst", "of", "intelligence", "defense", "homeland", "security", "treasury", "finance", "foreign",
    "health", "education", "energy", "commerce", "labor", "agriculture", "interior", "transportation",
    "affairs", "staff", "joint", "chiefs", "first", "executive", "managing", "president-elect",
    "founder", "co-founder", "owner", "manager", "campaign", "press", "white", "fbi", "cia", "nsa", "un",
}
# Role nouns that refer back to a person ("the general", "the senator").
ROLE_NOUNS = {
    "general", "senator", "president", "governor", "mayor", "minister", "secretary", "director", "official",
    "spokesman", "spokeswoman", "chairman", "congressman", "congresswoman", "candidate", "nominee",
    "commander", "analyst", "economist", "judge", "officer", "ambassador", "lawmaker", "democrat",
    "republican", "businessman", "billionaire", "executive", "chief", "researcher", "professor", "expert",
}
PERSON_PRONOUNS = {"he": "male", "she": "female", "him": "male", "her": "female", "his": "male",
                   "i": "self", "we": "self"}
GROUP_PRONOUNS = {"they", "them", "their"}
ORG_PRONOUNS = {"it", "its"}
# Quote marks: opening and closing.
OPEN_QUOTES = {"“", "\"", "„", "«"}
CLOSE_QUOTES = {"”", "\"", "»", "“"}

# Signals around a claim. Phrases are matched on word boundaries, case-insensitive.
HEDGES = (
    "estimate", "estimates", "estimated", "estimating", "probably", "possibly", "perhaps", "likely",
    "unlikely", "may have", "might", "could be", "appears to", "appeared to", "seems to", "seemed to",
    "apparently", "reportedly", "allegedly", "roughly", "it is unclear", "unclear", "uncertain",
    "preliminary", "projected", "expected to", "believed to", "thought to", "suggests", "suggested",
    "according to some", "unconfirmed", "could not be independently verified", "cannot be verified",
    "rough estimate", "best guess", "at least in part", "is thought", "are thought", "is believed",
)
DISPUTES = (
    "accused", "accuse", "accusing", "disputed", "disputes", "dispute", "denied", "denies", "deny",
    "false", "falsely", "misleading", "inaccurate", "exaggerated", "exaggerating", "overstated",
    "understated", "altering", "altered", "manipulated", "manipulating", "cooked", "forged", "fabricated",
    "questioned", "challenged", "contradicted", "contradicts", "rejected", "refuted", "debunked",
    "wrong", "incorrect", "not true", "untrue", "skeptical", "sceptical", "doubt", "doubts", "doubted",
    "criticized", "criticised", "flawed", "discredited", "bogus", "pants on fire", "mostly false",
    "no evidence", "lacks evidence", "without evidence", "fake",
)
CORROBORATIONS = (
    "consistent with", "in line with", "confirmed", "confirms", "confirm", "corroborated", "corroborates",
    "accurate", "backed up", "backs up", "supported by", "matches", "matched", "agrees with", "agreed with",
    "verified", "verify", "independently", "echoed", "echoes", "similar to", "mirrors", "mirrored",
    "mostly true", "borne out",
)
# A hedge or corroboration phrase gets a wider span when it ends a clause: "is consistent with other estimates".
