"""What kind of answer a question asks for, by how it begins: "how many" asks for a number,
"how long" for a length of time, "when" for a date. Ranking and snippets prefer, softly, the
part of a page that holds an answer of that kind (`ranking.answers_first`, `snippets.best_part`).
"""

import re

WORD = re.compile(r"\w+")

# What kind of answer an English question asks for, by how it begins: its content words are
# found in the part that answers, and so, often, is a number, a length of time or a date
# (`query.ParsedQuery.answer_words`, a soft preference among the parts that have the words). Digits
# are an answer of every kind.
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
SHAPES = [
    # (how a question begins, the words of the kind of answer it asks for)
    (
        re.compile(
            r"(?:how\s+(?:long|often|soon|quickly)|how\s+many\s+(?:hours|days|weeks|months"
            r"|years))\b",
            re.IGNORECASE,
        ),
        DURATION_WORDS | NUMBER_WORDS,
    ),
    (re.compile(r"how\s+(?:many|much)\b", re.IGNORECASE), NUMBER_WORDS),
    (re.compile(r"(?:when|until\s+when|by\s+when)\b", re.IGNORECASE), DATE_WORDS | DURATION_WORDS),
]


def answer_words(text):
    """The words of the kind of answer the question `text` asks for (`SHAPES`)."""
    return next((found for shape, found in SHAPES if shape.match(text)), frozenset())


def is_answer(word, answer_words):
    """Whether `word` is an answer of the kind `answer_words` says (digits are any)."""
    return word.isdigit() or word.lower() in answer_words
