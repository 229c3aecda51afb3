"""What kind of answer a question asks for, by how it begins: "how many" asks for a number,
"how long" for a length of time, "when" for a date, "who is on" for people, "why" for a reason.
Ranking and snippets prefer, softly, the part of a page that holds an answer of that kind
(`ranking.answers_first`, `snippets.best_part`).
"""

import re

WORD = re.compile(r"\w+")

# What kind of answer an English question asks for, by how it begins: its content words are
# found in the part that answers, and so, often, is a number, a length of time, a date, people
# or a reason (`query.ParsedQuery.answer_words`, a soft preference among the parts that have
# the words). Digits answer the first three (`COUNTED`).
NUMBER_WORDS = frozenset(
    WORD.findall(
        "one two three four five six seven eight nine ten eleven twelve fifteen twenty "
        "thirty forty fifty hundred thousand half third quarter twice majority"
    )
)
DURATION_WORDS = frozenset(
    WORD.findall(
        "hour hours day days week weeks fortnight month months year years annual annually "
        "daily weekly monthly yearly"
    )
)
DATE_WORDS = frozenset(
    # Not "may": a date's month but mostly a permission ("members may serve two terms").
    WORD.findall(
        "january february march april june july august september october november december"
    )
)
# Words that count or order ("two", "years", "first"): common in English, but what a question
# about terms and dates turns on.
COUNTING_WORDS = (
    NUMBER_WORDS
    | DURATION_WORDS
    | DATE_WORDS
    | frozenset({"first", "second", "last", "next", "more", "less", "than"})
)
# Who holds a role or belongs to a group: the part that names them says so.
PEOPLE_WORDS = frozenset(
    WORD.findall(
        "member members people person persons volunteer volunteers participant participants "
        "representative representatives chair chairs holder holders facilitator facilitators "
        "convenor convenors"
    )
)
# Why something is done, or what it is for: the part that says so gives a reason or a purpose.
REASON_WORDS = frozenset(WORD.findall("because reason reasons purpose purposes aim aims"))
# Digits are an answer of these kinds only: a number, a length of time, a date.
COUNTED = frozenset({"#"})
SHAPES = [
    # (how a question begins, the words of the kind of answer it asks for)
    (
        re.compile(
            r"(?:how\s+(?:long|often|soon|quickly)|how\s+many\s+(?:hours|days|weeks|months"
            r"|years)"
            # "Term length", "the duration of the comment period", wherever they are.
            r"|.*\b(?:length|duration))\b",
            re.IGNORECASE,
        ),
        # Not digits alone: a length of time says its unit ("30 days", "two years"); the
        # digits of a date ("2014-01-01 to 2016-01-01") are not one.
        DURATION_WORDS | NUMBER_WORDS,
    ),
    (re.compile(r"how\s+(?:many|much)\b", re.IGNORECASE), NUMBER_WORDS | COUNTED),
    (
        re.compile(r"(?:when|until\s+when|by\s+when)\b", re.IGNORECASE),
        DATE_WORDS | DURATION_WORDS | COUNTED,
    ),
    # "Who is on", "who sat on", "who were the members of": people, not who may do something.
    (
        re.compile(
            r"who\s+(?:is|are|was|were|sits|sat|sit|serves|served|holds|held)\s+(?:on|in|the)\b",
            re.IGNORECASE,
        ),
        PEOPLE_WORDS,
    ),
    # "why", wherever it is ("will they tell us why …"), and "what is the point of …".
    (
        re.compile(
            r"(?:.*\bwhy\b|what(?:'?s|\s+is|\s+are)?\s+the\s+(?:point|purpose|reason)\s+"
            r"(?:of|for|behind)\b)",
            re.IGNORECASE,
        ),
        REASON_WORDS,
    ),
]
# "What's the point of task forces": "point" says what kind of answer is asked for, not the
# subject (`query.parse` leaves it out).
POINT_ASKED = re.compile(r"what(?:'?s|\s+is|\s+are)?\s+the\s+point\s+of\b", re.IGNORECASE)


def answer_words(text):
    """The words of the kind of answer the question `text` asks for (`SHAPES`)."""
    return next((found for shape, found in SHAPES if shape.match(text)), frozenset())


def is_answer(word, answer_words):
    """Whether `word` is an answer of the kind `answer_words` says (digits: a number, a length
    of time or a date)."""
    return word.lower() in answer_words or (word.isdigit() and bool(COUNTED & answer_words))
