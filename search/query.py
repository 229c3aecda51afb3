"""What a visitor typed, read as the query syntax people expect, and built as Wagtail queries.

"quoted phrases", -excluded words (or -"phrases") and OR between terms; everything else is
plain words. The text never reaches a backend's own parser: it is cut into words here, so
field syntax (`title:x`), wildcards and stray operators are just words or nothing.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from wagtail.search.query import And, Not, Or, Phrase, PlainText
from whoosh.analysis import STOP_WORDS
from whoosh.lang import porter2

# Longer queries are cut here, with a notice: no one types more, and every word costs time.
MAX_QUERY_LENGTH = 500
# More terms than this make the database backend's FTS5 parser overflow, and say no more.
MAX_TERMS = 12
# Words of a question ("what did the network say about …") that say nothing about its subject.
QUESTION_WORDS = frozenset(
    {
        "about",
        "can",
        "could",
        "did",
        "do",
        "does",
        "find",
        "get",
        "how",
        "i",
        "know",
        "me",
        "my",
        "need",
        "please",
        "said",
        "say",
        "says",
        "should",
        "tell",
        "there",
        "want",
        "what",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "why",
        "would",
        "",
    }
)
# Words every page has; searching for them only narrows the results by accident.
STOP = frozenset(STOP_WORDS) | QUESTION_WORDS
WORD = re.compile(r"\w+")
POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')


@lru_cache(maxsize=100_000)
def stem(word):
    """The English (Porter2) stem of `word`, as the Whoosh index stems it.

    Cached: snippets and ranking stem every word of every result, about 10,000 calls per
    results page, nearly all of them words seen before.
    """
    return porter2.stem(word)


def words(text):
    """The words of `text`, lower-cased, as search sees them."""
    return [word.lower() for word in WORD.findall(text)]


@dataclass(frozen=True)
class Term:
    """One word, or one phrase of several words."""

    words: tuple

    @property
    def is_phrase(self):
        return len(self.words) > 1

    def __str__(self):
        text = " ".join(self.words)
        return f'"{text}"' if self.is_phrase else text


@dataclass
class ParsedQuery:
    """A query as the visitor meant it: clauses that must all match (each a list of
    alternatives joined by OR), and terms that must not match."""

    text: str
    clauses: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    truncated: bool = False

    @property
    def is_empty(self):
        return not self.clauses

    @property
    def terms(self):
        return [term for clause in self.clauses for term in clause]

    def highlight_words(self):
        """Every word the results should be marked for."""
        return {word for term in self.terms for word in term.words}

    def build(self, expansions=None, any_clause=False):
        """The Wagtail query, or None when there is nothing to look for.

        `expansions` maps a word to close words found in the index (fuzzy matching);
        `any_clause` relaxes "all clauses" to "any clause" when nothing has them all.
        """
        expansions = expansions or {}
        if self.is_empty:
            return None
        clauses = [_alternatives([_term_query(t, expansions) for t in c]) for c in self.clauses]
        positive = (Or(clauses) if any_clause else And(clauses)) if len(clauses) > 1 else clauses[0]
        if not self.excluded:
            return positive
        return And([positive, *[Not(_term_query(term, {})) for term in self.excluded]])

    def keeping(self, indexes):
        """This query with only the clauses at `indexes` (its exclusions kept)."""
        return ParsedQuery(
            text=self.text,
            clauses=[clause for i, clause in enumerate(self.clauses) if i in indexes],
            excluded=self.excluded,
        )

    def __str__(self):
        return self.with_words_replaced({})

    def with_words_replaced(self, replacements):
        """The query text with misspelt words replaced, for "did you mean"."""
        parts = []
        for clause in self.clauses:
            parts.append(
                " OR ".join(
                    str(Term(tuple(replacements.get(w, w) for w in term.words))) for term in clause
                )
            )
        parts.extend(f"-{term}" for term in self.excluded)
        return " ".join(parts)


def _alternatives(queries):
    return queries[0] if len(queries) == 1 else Or(queries)


def _term_query(term, expansions):
    if term.is_phrase:
        return Phrase(" ".join(term.words))
    word = term.words[0]
    close = expansions.get(word, ())
    if close:
        return Or([PlainText(word), *(PlainText(other) for other in close)])
    return PlainText(word)


def clean(text):
    """`text` without control characters, with single spaces, cut to MAX_QUERY_LENGTH.

    Returns (text, whether it was cut).
    """
    text = "".join(
        " " if unicodedata.category(char) in {"Cc", "Cf", "Cs", "Zl", "Zp"} else char
        for char in text or ""
    )
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        return text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH], True
    return text, False


def parse(text):
    """Read what a visitor typed. Never fails: anything unusual degrades to plain words."""
    text, truncated = clean(text)
    query = ParsedQuery(text=text, truncated=truncated)
    pending_or = False
    for match in TOKEN.finditer(text):
        negated, phrase, raw = match.groups()
        if raw is not None:
            if raw == "OR":
                pending_or = bool(query.clauses)
                continue
            if raw == "AND":
                continue
            negated = raw.startswith("-") and len(raw) > 1
            found = words(POSSESSIVE.sub("", raw))
            if not found:
                continue
            # A word with punctuation inside ("title:x", "e-mail") is searched as its parts.
            terms = [Term((word,)) for word in found if word not in STOP or len(found) > 1]
            if len(found) > 1:
                terms = [Term(tuple(found))]
        else:
            negated = bool(negated)
            found = words(phrase)
            if not found:
                continue
            terms = [Term(tuple(found))]
        for term in terms:
            if term in query.terms or term in query.excluded:
                pending_or = False
                continue
            if len(query.terms) + len(query.excluded) >= MAX_TERMS:
                query.truncated = True
                return query
            if negated:
                query.excluded.append(term)
            elif pending_or:
                query.clauses[-1].append(term)
            else:
                query.clauses.append([term])
            pending_or = False
    return query
