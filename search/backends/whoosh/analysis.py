"""Indexing a text field in one pass, with the terms Whoosh's analyzer chain would give.

Whoosh analyses a value through a chain of generators (tokenizer, lower-casing, stop words,
stemming) that hand one shared `Token` object along, then counts and encodes the terms
(`Format.word_values`). For the analyzers our fields use, that chain is most of the Python
work of writing a document: on a rebuild, about a third of what the writing child does.

`IndexedText` reads the chain once (`plan`) and, for a plain text value, does the same work in
one loop: the tokenizer's matches, lower-cased; stop words and words shorter than the stop
filter's minimum dropped, with the positions the stop filter gives (renumbered from the first
word kept, as `StopFilter(renumber=True)` does); the stem filter's function; then the terms
with their frequency, weight and encoded positions or frequency, as the field's format encodes
them. An analyzer of any other shape, a list value or an option the loop does not know goes
through Whoosh's own path. Searches analyse queries with the same analyzer objects as before.

`FieldType.__eq__` compares formats, not classes, so an index written with Whoosh's `TEXT`
keeps its schema and takes documents from this field unchanged.
"""

from functools import lru_cache
from typing import NamedTuple

from whoosh import fields as whoosh_fields
from whoosh.analysis import (
    CompositeAnalyzer,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.formats import Frequency, Positions
from whoosh.system import pack_uint

# How many distinct words a field remembers the terms of (`positions`): a site's vocabulary is
# far smaller; the bound only keeps text of random strings from growing the memory without end.
MAX_TERMS = 200_000
MISSING = object()


class Plan(NamedTuple):
    """What an analyzer chain does to a text, read off its parts."""

    expression: object  # the tokenizer's compiled pattern
    stops: frozenset
    minsize: int
    maxsize: int | None
    stem: object  # a function, or None


def plan(analyzer):
    """The `Plan` of `analyzer`, or None when it is not a chain the one-pass loop reproduces:
    a regex tokenizer (matches as tokens), lower-casing, then at most one stop filter that
    removes and renumbers, then at most one stem filter that ignores no word."""
    if not isinstance(analyzer, CompositeAnalyzer):
        return None
    items = list(analyzer.items)
    if (
        len(items) < 2
        or type(items[0]) is not RegexTokenizer
        or items[0].gaps
        or type(items[1]) is not LowercaseFilter
    ):
        return None
    stops, minsize, maxsize, stem = frozenset(), 0, None, None
    rest = items[2:]
    if rest and type(rest[0]) is StopFilter:
        if not rest[0].renumber:
            return None
        stops, minsize, maxsize = rest[0].stops, rest[0].min, rest[0].max
        rest = rest[1:]
    if rest and type(rest[0]) is StemFilter:
        if rest[0].ignore:
            return None
        stem = rest[0]._stem
        rest = rest[1:]
    if rest:
        return None
    return Plan(items[0].expression, stops, minsize, maxsize, stem)


def positions(text, how, terms):
    """{term: [positions]} of `text` analysed as `how` (a `Plan`) says, in first-seen order.

    `terms` maps a word as the tokenizer found it to its term, or to None for a word the stop
    filter drops: lower-casing, the stop filter's tests and stemming depend on the word alone,
    so each distinct word is worked out once per field (`IndexedText`), not at every
    occurrence.
    """
    found = {}
    position = None
    for index, match in enumerate(how.expression.finditer(text)):
        word = match.group(0)
        term = terms.get(word, MISSING)
        if term is MISSING:
            term = _term(word, how)
            if len(terms) < MAX_TERMS:
                terms[word] = term
        if term is None:
            continue
        # StopFilter(renumber=True): the first word kept keeps its place, the next ones follow.
        position = index if position is None else position + 1
        kept = found.get(term)
        if kept is None:
            found[term] = [position]
        else:
            kept.append(position)
    return found


def _term(word, how):
    """The term `word` becomes, or None when the stop filter drops it."""
    word = word.lower()
    if (
        word in how.stops
        or len(word) < how.minsize
        or (how.maxsize is not None and len(word) > how.maxsize)
    ):
        return None
    return how.stem(word) if how.stem is not None else word


class IndexedText(whoosh_fields.TEXT):
    """Whoosh's TEXT field, indexing plain text values in one pass (see the module)."""

    def index(self, value, **kwargs):
        how, terms = self._analysis()
        form = type(self.format)
        if (
            how is None
            or not isinstance(value, str)
            or set(kwargs) - {"mode"}
            or kwargs.get("mode", "index") != "index"
            or form not in (Positions, Frequency)
        ):
            return super().index(value, **kwargs)
        boost = self.format.field_boost
        found = positions(value, how, terms)
        if form is Positions:
            return [
                (term.encode("utf-8"), len(at), len(at) * boost, _encode_positions(at))
                for term, at in found.items()
            ]
        return [
            (term.encode("utf-8"), len(at), len(at) * boost, pack_uint(len(at)))
            for term, at in found.items()
        ]

    def _analysis(self):
        # Read once per field object, with its words' terms; not pickled with the schema.
        try:
            return self._analysis_state
        except AttributeError:
            self._analysis_state = (plan(self.analyzer), {})
            return self._analysis_state

    def __getstate__(self):
        state = self.__dict__.copy()
        state.pop("_analysis_state", None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)


_ENCODE_POSITIONS = Positions().encode


@lru_cache(maxsize=4096)
def _one_position(position):
    return _ENCODE_POSITIONS([position])


def _encode_positions(at):
    """`Positions.encode(at)`: the same bytes; a word found once (most words) from a cache."""
    return _one_position(at[0]) if len(at) == 1 else _ENCODE_POSITIONS(at)
