"""Text analysis per language: how words in each language are indexed and searched.

A document is indexed in the language of its object's locale (Wagtail's `TranslatableMixin`),
English for objects without one. English text goes into the ``s__`` fields, as it always has
(an English-only index is unchanged); text in another language into fields of its own,
``s_<language>__``, analysed with that language's stop words and stemmer: Snowball for
Spanish, French, Portuguese and the other languages Whoosh has; ISRI for Arabic, which has no
stop list in Whoosh. A language Whoosh has no stemmer for is only lower-cased and split into
words. A search analyses its words once per language the index holds and looks for them in that
language's fields, so each document is matched in its own language, whichever is active.
"""

from functools import cache, lru_cache

from whoosh.analysis import STOP_WORDS, StandardAnalyzer, StemmingAnalyzer
from whoosh.lang import has_stemmer, has_stopwords, stemmer_for_language, stopwords_for_language
from whoosh.lang.porter2 import stem as english_stem

DEFAULT = "en"
SEARCH_PREFIX = "s__"


@lru_cache(maxsize=400_000)
def stem(language, word):
    """The stem of `word` in `language`, cached for the life of the process: the one cache of
    stems that indexing (`documents.cached_stem`, `Stemmer`), the search's words and snippets
    (`search.query.stem`, `search.query.stemmer`) share."""
    if language == DEFAULT:
        # English keeps Porter2, as before languages: "programs" and "programming" meet.
        return english_stem(word)
    return _stemmer(language)(word)


@cache
def _stemmer(language):
    return stemmer_for_language(language)


class Stemmer:
    """The stemmer of one language, cached for the life of the process.

    Whoosh's own stem cache belongs to the analyzer object, and every writer unpickles a fresh
    schema (analyzers included) from the index, so that cache starts empty on each write. This
    one pickles as its language alone, so all writers share the module's cache.
    """

    def __init__(self, language):
        self.language = language

    def __call__(self, word):
        return stem(self.language, word)

    def __eq__(self, other):
        return isinstance(other, Stemmer) and other.language == self.language

    def __hash__(self):
        return hash(self.language)


def stemmer(language):
    """word -> its stem in `language`, as the index stems it (the word itself where the
    language has no stemmer)."""
    if language == DEFAULT or has_stemmer(language):
        return Stemmer(language)
    return str.lower


def stop_words(language):
    """The words of `language` the index leaves out."""
    if language == DEFAULT:
        return frozenset(STOP_WORDS)  # what Whoosh's StemmingAnalyzer leaves out by default
    return frozenset(stopwords_for_language(language)) if has_stopwords(language) else frozenset()


@cache
def analyzer(language):
    """The Whoosh analyzer of the search fields in `language` other than English (whose
    analyzer is `documents.SEARCH_ANALYZER`). Single letters are kept: "C" or "R" matter."""
    stops = stop_words(language) or None
    if has_stemmer(language):
        return StemmingAnalyzer(stoplist=stops, minsize=1, stemfn=Stemmer(language), cachesize=None)
    return StandardAnalyzer(stoplist=stops, minsize=1)


def search_prefix(language):
    """The prefix of the search fields holding text in `language`."""
    return SEARCH_PREFIX if language == DEFAULT else f"s_{language}__"


def field_language(name):
    """The language of search field `name`, or None if it is not a search field."""
    if name.startswith(SEARCH_PREFIX):
        return DEFAULT
    if name.startswith("s_") and "__" in name[2:]:
        return name[2 : name.index("__", 2)]
    return None


def in_language(name, language):
    """Search field `name` (an English one, ``s__…``) as the field for `language`."""
    return search_prefix(language) + name.removeprefix(SEARCH_PREFIX)


def languages_of(schema):
    """The languages `schema` has search fields for, English first."""
    found = {field_language(name) for name in schema.names()} - {None}
    return sorted(found, key=lambda language: (language != DEFAULT, language))
