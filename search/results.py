"""One visitor's search, from the request to what the results page shows (`Results`).

The steps each have their module: which pages the visitor may find (`pages`), ranking
and relaxing the query (`ranking`), filters and facets (`facets`), the results on screen with
the part of each that answers (`hits`), snippets and highlighting (`snippets`), editors' picks
(`picks`). Everything after the backend's ranked list happens in Python and a fixed number of
queries, so it behaves the same on the Whoosh and the database backends.
"""

import hashlib
import math
import re
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backend

from pagecache import generation

from . import (
    corrections,
    facets,
    hits,
    papers,
    past_versions,
    ranking,
    scopes,
    spelling,
    thesaurus,
    word_forms,
)
from .errors import SearchUnavailable
from .pages import searchable_pages
from .picks import promotions
from .query import MAX_QUERY_LENGTH, MAX_TERMS, parse, search_language

PER_PAGE = 20
# Ranked matches kept for visitors (`_matches`): entries of an old generation are never
# read again, and this bounds how long they take room.
KEPT_PREFIX = "search-ranked"
KEPT_SECONDS = 60 * 60
# The parameter that searches for the words as typed, without correcting their spelling
# ("Search instead for …"): only its value "1" counts.
AS_TYPED = "as_typed"


@dataclass
class Results:
    """Everything the results page shows."""

    max_query_length = MAX_QUERY_LENGTH

    text: str
    notices: list = field(default_factory=list)
    hits: list = field(default_factory=list)
    page: object = None
    count: int = 0
    capped: bool = False
    facets: list = field(default_factory=list)
    filters: dict = field(default_factory=dict)
    suggestion: str = ""
    relaxed: str = ""
    promotions: list = field(default_factory=list)
    searched: bool = False
    unavailable: bool = False
    page_links: dict = field(default_factory=dict)
    suggestion_href: str = ""
    # Whether the results are those of the suggestion's spelling ("Showing results for …"),
    # and the link to search for the words as typed instead.
    corrected: bool = False
    as_typed_href: str = ""
    clear_filters_href: str = ""
    # What was searched (`scopes`), and what past versions and background papers found.
    scope: object = None
    clauses: list = field(default_factory=list)
    papers: list = field(default_factory=list)
    # The same search of the English pages, when a search in another language found nothing.
    in_source: object = None
    # The same search of the background papers, when no page has the words (`_in_papers`).
    in_papers: object = None
    # For a search shown inside another's page (`in_papers`), the link to it on its own.
    own_href: str = ""

    @property
    def searched_text(self):
        """The words the results are for: the suggestion's when they are its results."""
        return self.suggestion if self.corrected else self.text


def _page_number(value):
    return int(value) if re.fullmatch(r"\d{1,9}", value or "") else 1


def search(request, look_elsewhere=True):
    """Run the visitor's search from the request's GET parameters. When it finds no page
    (`look_elsewhere`), the same search of the English pages if the visitor's language is
    another, or else of the background papers, is shown below."""
    params = request.GET
    language = search_language()
    parsed = parse(params.get("query", ""), language)
    results = Results(text=parsed.text)
    results.scope = scopes.read_scope(params)
    results.notices.extend(results.scope.notes)
    if parsed.truncated:
        results.notices.append(
            _(
                "Your search was longer than %(characters)s characters or %(words)s words, "
                "so only its beginning was used."
            )
            % {"characters": MAX_QUERY_LENGTH, "words": MAX_TERMS}
        )
    if parsed.is_empty:
        if parsed.text:
            results.notices.append(
                _(
                    "There is no word to look for in that search: type one or more words, "
                    '"a phrase in quotes", or leave out words with a minus sign.'
                )
            )
        return results
    results.searched = True
    deadline = time.monotonic() + settings.SEARCH_TIME_BUDGET
    vocabulary = spelling.vocabulary(language)
    as_typed = params.get(AS_TYPED) == "1"
    network_thesaurus = thesaurus.current()
    # A misspelt word only the thesaurus has is read as its word, so that its phrase is found
    # (said above the results, as the pages' words corrected are).
    elsewhere = results.scope.past or results.scope.papers
    # So is a word that runs two of theirs together ("taskforce": "task force").
    found_respelt = (
        {}
        if elsewhere
        else {
            **network_thesaurus.respelt(parsed, vocabulary),
            **corrections.joined_words(parsed, vocabulary),
        }
    )
    respelt = {} if as_typed else found_respelt
    if respelt:
        parsed = parse(parsed.text_with_words_replaced(respelt), language)
    # A question names the site as it would "the network": it asks about something on it.
    if parsed.is_question:
        parsed.leave_out(settings.WAGTAIL_SITE_NAME)
    network_thesaurus.apply(parsed)
    word_forms.apply(parsed, vocabulary)
    if elsewhere:
        try:
            if results.scope.past:
                past_versions.search(request, parsed, results, results.scope)
            else:
                papers.search(request, parsed, results, results.scope)
        except SearchUnavailable:
            return _unavailable(results)
        return results
    # A word that neither the pages nor the language know is searched for as its close
    # spellings too (the word itself matches nothing a visitor may see), unless asked not to.
    found_fixes = corrections.corrections(parsed, vocabulary, also_known=parsed.related_words())
    fixes = {} if as_typed else found_fixes
    pages = searchable_pages(request.user)
    try:
        matches = _matches(
            request, pages, parsed, fixes, vocabulary, lambda: time.monotonic() < deadline
        )
    except SearchUnavailable:
        return _unavailable(results)
    if found_fixes or found_respelt:
        results.suggestion = parsed.text_with_words_replaced(
            {**found_respelt, **{w: c[0] for w, c in found_fixes.items()}}
        )
    results.relaxed, results.capped = matches.relaxed, matches.capped
    results.promotions = promotions(parsed.text, pages)
    picked = {pick.page_id for pick in results.promotions if pick.page_id}
    rows, results.facets, notes, results.filters = facets.apply_filters(
        [row for row in matches.rows if row.pk not in picked],
        facets.read_filters(params),
        parsed.text,
    )
    results.notices.extend(notes)
    results.count = len(rows)
    results.corrected = bool(fixes or respelt) and results.count > 0
    results.facets.insert(0, scopes.scope_facet(parsed.text, results.scope, results.count))
    paginator = Paginator(rows, PER_PAGE, allow_empty_first_page=True)
    asked = _page_number(params.get("page"))
    results.page = paginator.get_page(asked)
    if asked > paginator.num_pages and rows:
        results.notices.append(
            _("There is no results page %(number)s; this is the last one.") % {"number": asked}
        )
    if results.page.number > 1:
        results.promotions = []
    results.page_links = {
        name: facets.link(
            parsed.text, results.filters, page=number, **{AS_TYPED: "1" if as_typed else None}
        )
        for name, number in (
            ("previous", results.page.number - 1),
            ("next", results.page.number + 1),
            ("first", 1),
            ("last", paginator.num_pages),
        )
    }
    if results.suggestion:
        results.suggestion_href = facets.link(results.suggestion, results.filters)
        results.as_typed_href = facets.link(results.text, results.filters, **{AS_TYPED: "1"})
    if results.filters:
        results.clear_filters_href = facets.link(parsed.text, {})
    # Only the first results page is reordered by its parts' headings: loaded to be shown.
    first = (parsed, vocabulary, fixes) if results.page.number == 1 else None
    choice = hits.part_choice(parsed, vocabulary, fixes)
    results.hits = hits.hits(request, list(results.page.object_list), choice, first)
    hits.point_picks(request, results.promotions, choice)
    if not results.count and not results.filters and look_elsewhere:
        if get_language() != settings.LANGUAGE_CODE:
            results.in_source = _in_source_language(request)
        if results.in_source is None:
            results.in_papers = _in_papers(request, parsed)
        if results.in_papers:
            results.facets[0] = scopes.scope_facet(
                parsed.text, results.scope, 0, papers=results.in_papers.count
            )
    return results


def _in_source_language(request):
    """The visitor's search of the pages in English, the language every page is written in
    first, or None if it finds nothing either."""
    with translation.override(settings.LANGUAGE_CODE):
        found = search(request, look_elsewhere=False)
    return found if found.count else None


def _in_papers(request, parsed):
    """The first page of the background papers the visitor may see that have the words, when
    no page has them ("ITU conference in Busan": a paper a session carries says it), or None.
    A newcomer need not know papers are searched apart; each paper says where it belongs."""
    scope = scopes.Scope(papers=True)
    found = Results(text=parsed.text, scope=scope)
    try:
        papers.search(request, parsed, found, scope)
    except SearchUnavailable:
        return None
    if not found.count:
        return None
    found.own_href = facets.link(parsed.text, scope.filters)
    return found


@dataclass
class Matches:
    """A search's matches as the facets and the result list read them, best first."""

    rows: list  # facets.Row
    relaxed: str  # the words searched for when not the query's minimum of them
    capped: bool  # ranking.MAX_HITS matches: there may be more


def _matches(request, pages, parsed, fixes, vocabulary, time_left):
    """The `Matches` of `parsed` among `pages`: the search, the ranking pass and the
    facets' reading of up to MAX_HITS pages, the costliest part of a results page.

    For visitors who are not signed in (who all see the same pages) it is kept under the
    site's generation, which every change to what the public sees replaces, and keyed by
    the query as built (thesaurus alternatives and close spellings included) and the
    spelling vocabulary it was ranked with: a search asked again before anything changed
    reads it back instead. One stopped by the time budget, or that took the backend's own
    time limit (its matches maybe cut short), is not kept.
    """
    key = None
    if not request.user.is_authenticated:
        asked = repr(
            (
                get_language(),
                parsed.clauses,
                parsed.excluded,
                parsed.related,
                fixes,
                vocabulary.token,
            )
        )
        digest = hashlib.sha256(asked.encode()).hexdigest()
        key = f"{KEPT_PREFIX}:{generation.current().token}:{digest}"
        kept = generation.page_cache().get(key)
        if kept is not None:
            return kept
    started = time.monotonic()
    found, relaxed = ranking.ranked_or_any(pages, parsed, fixes, vocabulary, time_left)
    # A backend's own time limit (Whoosh's TIME_LIMIT) may have cut the matches short.
    limit = getattr(get_search_backend(), "time_limit", None) or math.inf
    complete = time_left() and time.monotonic() - started < limit
    found = ranking.titles_first(found, parsed, vocabulary, fixes)
    matches = Matches(facets.rows(found), relaxed, len(found) >= ranking.MAX_HITS)
    if key is not None and complete:
        generation.page_cache().set(key, matches, KEPT_SECONDS)
    return matches


def _unavailable(results):
    results.searched = False
    results.unavailable = True
    results.notices.append(_("Search is not available right now; please try again shortly."))
    return results
