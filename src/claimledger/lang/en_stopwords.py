"""English function words, for the cheap "does this look like English?" check in ingest.

Tables only. The words are the most frequent closed-class words of English news
(articles, pronouns, auxiliaries, prepositions, conjunctions, determiners). Words that
are just as common in French, German, Spanish, Italian or Portuguese are left out on
purpose ("a", "in", "an", "on", "so", "was", "also", "as", "no", "me"), so that a
paragraph in those languages scores low. Contractions are not listed: the check
splits words at apostrophes. Keys are lower case.
"""

from __future__ import annotations

FUNCTION_WORDS: frozenset[str] = frozenset((
    "the", "of", "and", "to", "for", "with", "at", "by", "from", "that", "this", "these", "those",
    "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "than", "then", "there",
    "here", "into", "onto", "over", "under", "about", "after", "before", "between", "through", "during",
    "against", "among", "without", "within", "upon", "since", "until", "while", "because", "although",
    "though", "if", "or", "but", "nor", "not", "only", "just", "very", "more", "most", "less", "least",
    "much", "many", "such", "some", "any", "all", "both", "each", "every", "other", "another", "own",
    "same", "few", "be", "been", "being", "is", "are", "were", "has", "have", "had", "having", "do",
    "does", "did", "doing", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "i", "you", "he", "she", "it", "we", "they", "him", "her", "his", "hers", "its", "our", "ours",
    "their", "theirs", "them", "us", "my", "mine", "your", "yours", "myself", "himself", "herself",
    "itself", "ourselves", "themselves", "yourself", "said", "says", "say", "told", "according", "up",
    "out", "off", "down", "again", "further", "once", "too", "now", "yet", "still", "even",
))
