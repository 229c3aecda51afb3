"""The words of a search that say nothing about its subject: question words ("how", "what"),
each language's stop words, verbs that only fill a question out ("how long does it take"),
and everyday English words ("before", "out"), which match but do not count towards how many
of a question's words a page must have (`query.ParsedQuery.minimum`).
"""

from functools import cache

import wordfreq
from whoosh.analysis import STOP_WORDS

from .backends.whoosh import languages

# The language of the English pages' analysis: also that of pages without a language.
ENGLISH = languages.DEFAULT

# English words at least this common (wordfreq's Zipf scale: once in 450,000 words or more)
# say little about a question's subject ("before", "something", "put out"): they match, but
# do not raise how many clauses must match (`ParsedQuery.minimum`).
EVERYDAY_ZIPF = 5.65

# "Term length", "the duration of the comment period": how long, asked with a noun
# (`answers.SHAPES`). The pages rarely say it; the answer says "two years".
ASKING_HOW_LONG = frozenset({"length", "duration"})

# Words of a question ("what did the network say about …") that say nothing about its subject.
QUESTION_WORDS = frozenset(
    {
        "about",
        "am",
        "any",
        "anyone",
        "been",
        "can",
        "could",
        "did",
        "do",
        "does",
        "find",
        "get",
        "happen",
        "happens",
        "has",
        "how",
        "i",
        "know",
        "list",
        "long",
        "many",
        "me",
        "much",
        "my",
        "need",
        "often",
        "our",
        "please",
        "quickly",
        "said",
        "say",
        "says",
        "see",
        "show",
        "should",
        "tell",
        "someone",
        "soon",
        "their",
        "there",
        "they",
        "want",
        "was",
        "were",
        "what",
        "whats",
        "when",
        "where",
        "wheres",
        "which",
        "who",
        "whom",
        "whos",
        "why",
        "would",
        "",
    }
)
# Words every page has; searching for them only narrows the results by accident.
STOP = frozenset(STOP_WORDS) | QUESTION_WORDS
# The question words of the translations' languages that their stop lists lack.
OTHER_QUESTION_WORDS = {
    "es": "cómo qué cuál cuáles dónde cuándo quién quiénes cuánto cuántos cuántas puedo hago",
    "fr": "comment quoi quel quelle quels quelles où quand combien pourquoi puis peut faire",
    "pt": "quê quais onde quanto quantos quantas porque posso faço",
    "ar": "كيف ماذا ما متى أين لماذا هل",
}

# "How long does it take": a verb that says nothing about the subject after "it" or "that".
FILLER_AFTER = {"it": {"take", "takes", "took"}, "that": {"take", "takes", "took"}}


@cache
def stop_words(language):
    """The words a search in `language` leaves out."""
    if language == ENGLISH:
        return STOP
    return languages.stop_words(language) | set(OTHER_QUESTION_WORDS.get(language, "").split())


def is_everyday(clause):
    """Whether `clause` is one English word so common it says little ("before", "out"), or
    one that says what kind of answer is asked for, not about what (`ASKING_HOW_LONG`)."""
    if len(clause) != 1 or len(clause[0].words) != 1:
        return False
    word = clause[0].words[0]
    # wordfreq keeps every word it has looked up: no cache of ours is needed.
    return word in ASKING_HOW_LONG or wordfreq.zipf_frequency(word, ENGLISH) >= EVERYDAY_ZIPF
