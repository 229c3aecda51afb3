"""What a visitor typed, read as the query syntax people expect, and built as Wagtail queries.

"quoted phrases", -excluded words (or -"phrases") and OR between terms; everything else is
plain words. The text never reaches a backend's own parser: it is cut into words here, so
field syntax (`title:x`), wildcards and stray operators are just words or nothing.

Questions are read for their subject: question and filler words ("how", "do", "I", "the")
are left out, and of the words left, most must match, not all (`ParsedQuery.minimum`);
pages with more of them rank higher. A search in another language (/es/search/) leaves out
that language's filler words ("de", "la"), those its index leaves out.
"""

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from itertools import combinations

from django.utils.translation import get_language
from wagtail.search.query import And, Boost, Not, Or, Phrase, PlainText

from .answers import POINT_ASKED, answer_words
from .backends.locales import analysis_language
from .backends.whoosh import AtLeast, languages
from .fillers import ENGLISH, FILLER_AFTER, is_everyday, stop_words

# Longer queries are cut here, with a notice: no one types more, and every word costs time.
MAX_QUERY_LENGTH = 500
# More terms than this make the database backend's FTS5 parser overflow, and say no more.
MAX_TERMS = 12
# Up to this many words, every word must match; beyond it, this share of them (rounded up).
ALL_WORDS_UP_TO = 2
MOST_WORDS = 0.6
# Words the thesaurus relates to the typed ones count this much of a typed word's weight (a
# phrase, this much shared between its words).
RELATED_BOOST = 0.5
# A backend without minimum-should-match gets it spelt out as every choice of enough
# clauses while there are at most this many choices; beyond, any clause matches.
MAX_COMBINATIONS = 20
WORD = re.compile(r"\w+")
# A question that asks how something is done ("how do I join", "how is a task force set up"),
# not how many, how long or how much, or what is done when something happens ("what happens
# when a member leaves"): what a procedure answers (`ParsedQuery.asks_how`).
HOW_ASKED = re.compile(
    r"how\s+(?:do|does|did|can|could|is|are|should|would|will|may|must|to)\b"
    r"|what\s+(?:happens|happened|will\s+happen|should\s+happen)\b",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')


# The English (Porter2) stem of a word, as the Whoosh index stems it, from the index's cache of
# stems: snippets and ranking stem every word of every result, about 10,000 calls per results
# page, nearly all of them words seen before.
stem = partial(languages.stem, ENGLISH)


def search_language():
    """The language being read, as the search analyses it: "es" on /es/search/."""
    return analysis_language(get_language()) or ENGLISH


@cache
def stemmer(language):
    """word -> its stem in `language`, as the index stems it (`stem` for English)."""
    return stem if language == ENGLISH else languages.stemmer(language)


@lru_cache(maxsize=100_000)
def naming_form(word):
    """`word` as a title names it: lower-cased, without the endings of plurals and verb forms
    ("joining", "joins" and "join" alike) but keeping those that make another word
    ("organised" is not "organisation", as its English stem would have it).

    Cached: ranking reads every word of up to 1,000 titles a search, nearly all seen before.
    """
    word = word.lower()
    for ending, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3 and not word.endswith("ss"):
            word = word[: -len(ending)] + replacement
            break
    return word.removesuffix("e") if len(word) > 3 else word


@lru_cache(maxsize=20_000)
def naming_forms(text):
    """The set of `naming_form`s of `text`'s words. Cached: ranking reads up to 1,000 titles a
    search, and a site of 10,000 pages has 10,000 of them (about 670 bytes a title: 13 MB
    when full)."""
    return frozenset(naming_form(word) for word in WORD.findall(text))


def words(text):
    """The words of `text`, lower-cased, as search sees them."""
    return [word.lower() for word in WORD.findall(text)]


@dataclass(frozen=True)
class Term:
    """One word, or several: a quoted phrase (`together`), or words a page must all have
    anywhere (a phrase of the thesaurus the visitor typed without quotes)."""

    words: tuple
    together: bool = True

    @property
    def is_phrase(self):
        return len(self.words) > 1 and self.together

    def __str__(self):
        text = " ".join(self.words)
        return f'"{text}"' if self.is_phrase else text


@dataclass
class ParsedQuery:
    """A query as the visitor meant it: clauses (each a list of alternatives joined by OR),
    of which at least `minimum` must match, and terms that must not match. `related` holds,
    by clause, what the thesaurus relates to the clause's terms: found too, ranked lower."""

    text: str
    clauses: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    truncated: bool = False
    related: dict = field(default_factory=dict)
    # Of the related words, those naming the same thing as a word typed (the place for the
    # adjective of its people: "Canada" for "Canadian"), which weigh as that word does.
    same_as_typed: set = field(default_factory=set)
    asks_how: bool = False
    # Words of the kind of answer the question asks for (`answers.SHAPES`): numbers for "how
    # many", lengths of time for "how long"; none for a question of another kind.
    answer_words: frozenset = frozenset()
    language: str = ENGLISH
    # Whether words were left out as question or filler words ("how", "the", "it take"): a
    # question written as a sentence, not a list of keywords.
    is_question: bool = False

    @property
    def is_empty(self):
        return not self.clauses

    @property
    def terms(self):
        return [term for clause in self.clauses for term in clause]

    @property
    def minimum(self):
        """How many clauses a page must match: all of up to ALL_WORDS_UP_TO, else most,
        counting only the clauses that say something (not one everyday English word)."""
        count = len(self.clauses)
        if self.language == ENGLISH:
            count = sum(not is_everyday(clause) for clause in self.clauses) or count
        return count if count <= ALL_WORDS_UP_TO else math.ceil(count * MOST_WORDS)

    def leave_out(self, name):
        """Leave out the words of `name` (the site's name, in a question: every page is about
        it, so "how do I join Best Bits" asks how to join) where they are typed together, in
        its order, as words of their own; unless nothing else is asked ("what is Best Bits").
        A word of the name typed alone stays ("internet" of "Internet Rights Network").
        Returns self."""
        stop = stop_words(self.language)
        named = tuple(word for word in words(name) if word not in stop)
        single = [len(c) == 1 and len(c[0].words) == 1 and c[0].words[0] for c in self.clauses]
        for start in range(len(self.clauses) - len(named) + 1 if named else 0):
            if tuple(single[start : start + len(named)]) == named:
                if len(named) < len(self.clauses):
                    del self.clauses[start : start + len(named)]
                break
        return self

    def highlight_words(self):
        """Every word the results should be marked for."""
        return {word for term in self.terms for word in term.words}

    def related_words(self):
        """The words of what the thesaurus relates to the query, but for filler words: "a"
        in "become a member" is no reason to mark every "a" on a page."""
        stop = stop_words(self.language)
        return {
            word
            for terms in self.related.values()
            for term in terms
            for word in term.words
            if word not in stop
        }

    def phrase_words(self):
        """{word: [the words of each phrase it is in]} for the words that only what the
        thesaurus relates in several words brings ("working" of "working group"): not typed,
        and not related on their own."""
        stop = stop_words(self.language)
        alone = self.highlight_words() | {
            term.words[0]
            for terms in self.related.values()
            for term in terms
            if len(term.words) == 1
        }
        found = {}
        for terms in self.related.values():
            for term in terms:
                words = tuple(word for word in term.words if word not in stop)
                if len(words) > 1:
                    for word in set(words) - alone:
                        found.setdefault(word, []).append(words)
        return found

    def build(self, expansions=None, minimum=None, related=True):
        """The Wagtail query, or None when there is nothing to look for.

        `expansions` maps a word to close words found in the index (fuzzy matching);
        `minimum` overrides how many clauses must match (1: any of them); without `related`,
        what the thesaurus relates to the clauses is left out.
        """
        expansions = expansions or {}
        if self.is_empty:
            return None
        clauses = [
            _alternatives(
                [
                    *(_term_query(term, expansions) for term in clause),
                    *(_related_query(term) for term in self.related.get(i, ()) if related),
                ]
            )
            for i, clause in enumerate(self.clauses)
        ]
        positive = clauses[0]
        if len(clauses) > 1:
            positive = AtLeast(clauses, self.minimum if minimum is None else minimum)
        if not self.excluded:
            return positive
        return And([positive, *[Not(_term_query(term, {})) for term in self.excluded]])

    def __str__(self):
        return self.with_words_replaced({})

    def text_with_words_replaced(self, replacements):
        """What the visitor typed, every word of it, with the words `replacements` maps
        (lower-cased) replaced: "how do I joinn" -> "how do I join", for "Showing results
        for" and "Did you mean"."""
        return WORD.sub(lambda match: replacements.get(match[0].lower(), match[0]), self.text)

    def with_words_replaced(self, replacements):
        """The query as searched (without its question and filler words), with words
        replaced."""
        parts = []
        for clause in self.clauses:
            parts.append(
                " OR ".join(
                    str(Term(tuple(replacements.get(w, w) for w in term.words), term.together))
                    for term in clause
                )
            )
        parts.extend(f"-{term}" for term in self.excluded)
        return " ".join(parts)


def _related_query(term):
    # A phrase scores each of its words: its weight is shared out, so that it ranks below
    # the one word typed ("Internet Governance Forum" below "IGF"), but by the square root of
    # its length: a page that spells the name out in full says as much as one that abbreviates.
    return Boost(_term_query(term, {}), RELATED_BOOST / len(term.words) ** 0.5)


def _alternatives(queries):
    return queries[0] if len(queries) == 1 else Or(queries)


def _term_query(term, expansions):
    if term.is_phrase:
        return Phrase(" ".join(term.words))
    if len(term.words) > 1:
        return PlainText(" ".join(term.words), operator="and")
    word = term.words[0]
    close = expansions.get(word, ())
    if close:
        return Or([PlainText(word), *(PlainText(other) for other in close)])
    return PlainText(word)


def for_backend(query, backend):
    """`query` in what `backend` understands: boosts and minimum-should-match (`AtLeast`)
    where it has them; elsewhere without boosts, and with `AtLeast` as every choice of
    enough clauses (or, past MAX_COMBINATIONS choices, any clause)."""
    if getattr(backend, "supports_at_least", False) or query is None:
        return query
    return _plainer(query)


def _plainer(query):
    if isinstance(query, Boost):
        return _plainer(query.subquery)
    if isinstance(query, Not):
        return Not(_plainer(query.subquery))
    if isinstance(query, AtLeast):
        clauses = [_plainer(sub) for sub in query.subqueries]
        if query.minimum >= len(clauses):
            return And(clauses)
        if query.minimum > 1 and math.comb(len(clauses), query.minimum) <= MAX_COMBINATIONS:
            return Or([And(list(chosen)) for chosen in combinations(clauses, query.minimum)])
        return Or(clauses)
    if isinstance(query, (And, Or)):
        return type(query)([_plainer(sub) for sub in query.subqueries])
    return query


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


def parse(text, language=ENGLISH):
    """Read what a visitor typed, in `language`. Never fails: anything unusual degrades to
    plain words."""
    stop = stop_words(language)
    text, truncated = clean(text)
    query = ParsedQuery(
        text=text,
        truncated=truncated,
        asks_how=bool(HOW_ASKED.match(text)),
        answer_words=answer_words(text) if language == ENGLISH else frozenset(),
        language=language,
    )
    pending_or = False
    previous = ""
    fillers = FILLER_AFTER
    if language == ENGLISH and POINT_ASKED.match(text):
        fillers = {**FILLER_AFTER, "the": {"point"}}
    for match in TOKEN.finditer(text):
        negated, phrase, raw = match.groups()
        if raw is not None:
            filler = language == ENGLISH and raw.lower() in fillers.get(previous, ())
            previous = raw.lower()
            if filler:
                query.is_question = True
                continue
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
            terms = [Term((word,)) for word in found if word not in stop or len(found) > 1]
            query.is_question |= not terms
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
