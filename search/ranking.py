"""Ranking: the backend's best matches, relaxed when nothing has every word, titles first.

Every backend failure (an index missing or broken, the database or a search server down)
reaches the caller as one `SearchUnavailable`, whatever the backend: the search page never
needs to know which one is configured.
"""

import logging

from .errors import SearchUnavailable
from .query import WORD, stem
from .snippets import weigher

logger = logging.getLogger(__name__)

# Facets and counts are worked out on at most this many of the best matches.
MAX_HITS = 1000
# What ranking (`titles_first`) and the facets (`facets.rows`) read of each of up to MAX_HITS
# matches; the pages shown are loaded in full afterwards. Loading only these makes a broad
# search's ranked list about a third cheaper to build.
RANKED_FIELDS = ("title", "content_type", "path", "depth", "first_published_at")
# How many times a search with no result is retried with its most common word left out.
MAX_RELAXATIONS = 3


def ranked(pages, query):
    """Up to MAX_HITS slim pages of `pages` matching `query`, best first."""
    try:
        return list(pages.only(*RANKED_FIELDS).search(query)[:MAX_HITS])
    except Exception as error:  # whatever the backend raises, search is what failed
        logger.exception("Search failed: %s", error)
        raise SearchUnavailable(str(error)) from error


def relaxed(pages, parsed, fixes, vocabulary):
    """(hits, the words searched for) when no page has all the words of `parsed`.

    The most common words are left out one at a time, since the rare ones say most about
    what the visitor wants; failing that, pages with any of the words are ranked.
    """

    def frequency(index):
        # Words no page uses match nothing: they are left out first.
        clause = parsed.clauses[index]
        if not any(vocabulary.knows(w) or w in fixes for term in clause for w in term.words):
            return float("inf")
        return max(vocabulary.counts.get(w, 0) for term in clause for w in term.words)

    kept = sorted(range(len(parsed.clauses)), key=frequency)
    for _ in range(MAX_RELAXATIONS):
        if len(kept) <= 1:
            break
        kept = kept[:-1]
        narrower = parsed.keeping(set(kept))
        hits = ranked(pages, narrower.build(expansions=fixes))
        if hits:
            return hits, str(narrower)
    hits = ranked(pages, parsed.build(expansions=fixes, any_clause=True))
    return hits, ("any of " + str(parsed.keeping(set(range(len(parsed.clauses)))))) if hits else ""


def titles_first(hits, parsed, vocabulary):
    """The hits with pages whose titles name what was asked first, in the backend's order
    otherwise. Words on most pages ("network") don't count: they name nothing in particular."""
    wanted = {w for w in parsed.highlight_words() if not vocabulary.is_common(w)}
    if not wanted:
        return hits
    weigh = weigher(wanted, {w: vocabulary.weight(w) for w in wanted})

    def title_score(hit):
        return -sum({stem(w.lower()): weigh(w) for w in WORD.findall(hit.title)}.values())

    return sorted(hits, key=title_score)
