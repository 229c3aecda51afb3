"""Translation of modelsearch query objects into Whoosh query objects.

User text is only ever run through the field analyzers and wrapped in Term,
Phrase or FuzzyTerm objects; it never reaches Whoosh's query parser, so
``field:``, ``*`` or ``AND`` in a search box are just words.
"""

from modelsearch import index
from modelsearch.backends.base import BaseSearchQueryCompiler
from modelsearch.query import (
    And,
    Boost,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    PlainText,
)
from whoosh import query as wq
from whoosh.matching import NullMatcher

from . import languages
from .documents import AUTOCOMPLETE_ANALYZER, search_analyzer, weighted_fields
from .minimum import AtLeastQuery
from .phrases import KnownPhrase

MATCH_NOTHING = wq.NullQuery


class AtLeast(Or):
    """Minimum-should-match: what at least `minimum` of `subqueries` match, the documents
    matching more of them ranked higher. A backend that does not know it reads an `Or`."""

    def __init__(self, subqueries, minimum):
        super().__init__(subqueries)
        self.minimum = minimum

    def __repr__(self):
        return f"<AtLeast {self.minimum} of {self.subqueries!r}>"


def _is_everything(query):
    return isinstance(query, wq.Every)


def _negated(query):
    """The query `query` negates, if it is a compiled Not (see `_compile_not`)."""
    if isinstance(query, wq.AndNot) and _is_everything(query.a):
        return query.b
    return None


def _boosted(query, factor):
    if query is MATCH_NOTHING or factor == 1:
        return query
    return query.with_boost(query.boost * factor)


class UnionOr(wq.Or):
    """Whoosh's Or, always matched by a tree of unions.

    For indexes under 5,000 documents Whoosh otherwise scores every match of every clause
    into an array first, which cannot skip low-scoring blocks when only the top hits are
    wanted; on 1,000 pages that made ranked searches about a third slower.
    """

    matcher_type = wq.Or.DEFAULT_MATCHER


# Past this many clauses (a field each: words times fields) a tree of unions spends its time
# deciding which blocks to skip (seconds for twelve words joined by OR at 10,000 pages);
# scoring every match into an array, once, is then far cheaper.
MAX_UNION = 48


class ArrayOr(wq.Or):
    """Whoosh's Or, always matched by scoring every match into an array."""

    matcher_type = wq.Or.ARRAY_MATCHER


def _plain(clause):
    return clause.boost == 1 and not clause.minmatch and not clause.scale


def _or(clauses):
    """Or of `clauses`, splicing in unboosted Or clauses: the scores are the same, and Whoosh
    skips low-scoring blocks of a flat Or where nested ones defeat it (3x on two words)."""
    flat = []
    for clause in clauses:
        if type(clause) in (UnionOr, ArrayOr) and _plain(clause):
            flat.extend(clause.subqueries)
        else:
            flat.append(clause)
    if len(flat) == 1:
        return flat[0]
    return UnionOr(flat) if len(flat) <= MAX_UNION else ArrayOr(flat)


def _fuzzy_distance(term):
    # Same steps as Elasticsearch's "AUTO" fuzziness.
    if len(term) <= 2:
        return 0
    return 1 if len(term) <= 5 else 2


class WhooshSearchQueryCompiler(BaseSearchQueryCompiler):
    """Compiles a search into a Whoosh query over the stemmed search fields.

    The words are analysed once per language the index holds and looked for in that
    language's fields (`languages`): with English alone, one set of fields as always.
    Filtering and ordering stay with the queryset: the results class runs the
    queryset restricted to the primary keys Whoosh matched.
    """

    HANDLES_ORDER_BY_EXPRESSIONS = True
    field_class = index.SearchField

    def content_type(self):
        """The content type every result must have, or None for the index's root model."""
        model = self.queryset.model
        if model.indexed_get_parent() is None:
            return None
        return model.indexed_get_content_type()

    def _get_filter_field_path_for_column(self, column):
        """The base class's check that a filtered column is a FilterField, once per column.

        Wagtail's `.public()` filters on `path` and `depth` once per view restriction, so
        the same two columns come up dozens of times in one queryset. A column that is not
        a filter field raises every time, as before.
        """
        paths = self.__dict__.setdefault("_filter_field_paths", {})
        key = (column.alias, column.target)
        if key not in paths:
            paths[key] = super()._get_filter_field_path_for_column(column)
        return paths[key]

    def whoosh_query(self, schema):
        """The Whoosh query for this search, over the fields `schema` has."""
        weights = weighted_fields(self.queryset.model, self.field_class, self.fields)
        return self._compile(self.query, self._field_groups(weights, schema))

    def _field_groups(self, weights, schema):
        """[(analyzer, ((field name, boost), …))]: the fields searched, by language."""
        groups = []
        for language in languages.languages_of(schema):
            fields = tuple(
                (named, boost)
                for name, boost in weights.items()
                if (named := languages.in_language(name, language)) in schema
            )
            if fields:
                groups.append((search_analyzer(language), fields))
        return groups

    @staticmethod
    def _terms(text, analyzer):
        terms = []
        for token in analyzer(text, mode="query"):
            if token.text not in terms:
                terms.append(token.text)
        return terms

    def _each_language(self, groups, compile_group):
        """Or of `compile_group(analyzer, fields)` over the `groups` of `_field_groups`."""
        return self._compile_or([compile_group(analyzer, fields) for analyzer, fields in groups])

    @staticmethod
    def _any_field(fields, make):
        """Or of `make(field_name, boost)` over `fields`, (field name, boost) pairs."""
        clauses = [make(name, boost) for name, boost in fields]
        if not clauses:
            return MATCH_NOTHING
        return clauses[0] if len(clauses) == 1 else UnionOr(clauses)

    def _combine(self, clauses, operator):
        if operator == "and" and any(clause is MATCH_NOTHING for clause in clauses):
            return MATCH_NOTHING
        clauses = [clause for clause in clauses if clause is not MATCH_NOTHING]
        if not clauses:
            return MATCH_NOTHING
        if len(clauses) == 1:
            return clauses[0]
        return wq.And(clauses) if operator == "and" else _or(clauses)

    def _term_clause(self, term, fields):
        return self._any_field(fields, lambda name, boost: wq.Term(name, term, boost=boost))

    def _compile(self, query, groups):
        """The Whoosh query for modelsearch query `query`, over the fields of `groups`
        (`_field_groups`)."""
        if isinstance(query, MatchAll):
            return wq.Every()
        if isinstance(query, PlainText):
            return _boosted(
                self._each_language(groups, lambda a, f: self._compile_plain(query, a, f)),
                query.boost,
            )
        if isinstance(query, Phrase):
            return self._each_language(groups, lambda a, f: self._compile_phrase(query, a, f))
        if isinstance(query, Fuzzy):
            return self._each_language(groups, lambda a, f: self._compile_fuzzy(query, a, f))
        if isinstance(query, Boost):
            return _boosted(self._compile(query.subquery, groups), query.boost)
        if isinstance(query, And):
            return self._compile_and([self._compile(sub, groups) for sub in query.subqueries])
        if isinstance(query, AtLeast):
            return self._compile_at_least(
                [self._compile(sub, groups) for sub in query.subqueries], query.minimum
            )
        if isinstance(query, Or):
            return self._compile_or([self._compile(sub, groups) for sub in query.subqueries])
        if isinstance(query, Not):
            return self._compile_not(self._compile(query.subquery, groups))
        raise NotImplementedError(f"The Whoosh backend cannot search with {query!r}.")

    def _compile_plain(self, query, analyzer, fields):
        clauses = [
            self._term_clause(term, fields) for term in self._terms(query.query_string, analyzer)
        ]
        return self._combine(clauses, query.operator)

    def _compile_phrase(self, query, analyzer, fields):
        terms = self._terms(query.query_string, analyzer)
        if len(terms) <= 1:
            return self._combine([self._term_clause(term, fields) for term in terms], "and")
        return self._any_field(fields, lambda name, boost: KnownPhrase(name, terms, boost=boost))

    def _compile_fuzzy(self, query, analyzer, fields):
        def clause(term):
            return self._any_field(
                fields,
                lambda name, boost: wq.FuzzyTerm(
                    name, term, boost=boost, maxdist=_fuzzy_distance(term)
                ),
            )

        return self._combine(
            [clause(term) for term in self._terms(query.query_string, analyzer)], query.operator
        )

    # Whoosh's own normalize() folds And([x, Every()]) into Every(), so MatchAll and
    # MATCH_NONE are simplified here instead, and Whoosh queries are never normalized.

    def _compile_and(self, subqueries):
        if any(sub is MATCH_NOTHING for sub in subqueries):
            return MATCH_NOTHING
        positive, negative = [], []
        for sub in subqueries:
            if _is_everything(sub):
                continue
            excluded = _negated(sub)
            if excluded is not None:
                negative.append(excluded)
            else:
                positive.append(sub)
        if not positive:
            matched = wq.Every()
        else:
            matched = positive[0] if len(positive) == 1 else wq.And(positive)
        if negative:
            matched = wq.AndNot(matched, negative[0] if len(negative) == 1 else UnionOr(negative))
        return matched

    def _compile_or(self, subqueries):
        # An Every() clause is kept rather than short-circuited so other clauses still score.
        subqueries = [sub for sub in subqueries if sub is not MATCH_NOTHING]
        if not subqueries:
            return MATCH_NOTHING
        return _or(subqueries)

    def _compile_at_least(self, subqueries, minimum):
        found = [sub for sub in subqueries if sub is not MATCH_NOTHING]
        if minimum > len(found) or not found:
            return MATCH_NOTHING
        if minimum >= len(subqueries):
            return self._compile_and(found)
        if len(found) == 1:
            return found[0]
        return AtLeastQuery(found, minimum)

    def _compile_not(self, subquery):
        if subquery is MATCH_NOTHING:
            return wq.Every()
        if _is_everything(subquery):
            return MATCH_NOTHING
        excluded = _negated(subquery)
        if excluded is not None:
            return excluded
        return wq.AndNot(wq.Every(), subquery)


class WordPrefix(wq.Prefix):
    """The words of a field that start with `text`, each scored as its own term.

    Whoosh's Prefix scores every match alike by default, and drops its boost when only one
    word starts with the text; here each word found is a Term with the query's boost, so a
    field's weight and a word's rarity rank the matches as they do for a whole word.
    """

    def __init__(self, fieldname, text, boost=1.0):
        super().__init__(fieldname, text, boost=boost, constantscore=False)

    def matcher(self, searcher, context=None):
        words = [word for word in self._btexts(searcher.reader()) if word]
        if not words:
            return NullMatcher()
        terms = [wq.Term(self.fieldname, word, boost=self.boost) for word in words]
        query = terms[0] if len(terms) == 1 else wq.Or(terms)
        return query.matcher(searcher, context)


class WhooshAutocompleteQueryCompiler(WhooshSearchQueryCompiler):
    """Compiles an autocomplete search into prefix lookups on the autocomplete fields' words.

    Every word typed is a prefix: "lea pyth" finds "Learning Python". Phrases and fuzzy
    queries are treated as plain words.
    """

    field_class = index.AutocompleteField

    def _field_groups(self, weights, schema):
        """The autocomplete fields, one set for every language (prefixes are not stemmed)."""
        fields = tuple((name, boost) for name, boost in weights.items() if name in schema)
        return [(AUTOCOMPLETE_ANALYZER, fields)]

    def _term_clause(self, term, fields):
        return self._any_field(fields, lambda name, boost: WordPrefix(name, term, boost=boost))

    def _compile_phrase(self, query, analyzer, fields):
        return self._compile_plain(PlainText(query.query_string, operator="and"), analyzer, fields)

    def _compile_fuzzy(self, query, analyzer, fields):
        return self._compile_plain(
            PlainText(query.query_string, operator=query.operator), analyzer, fields
        )
