"""Searching the site for one visitor: what they may see, facets, snippets, suggestions, picks.

Everything after the backend's ranked list of matching pages happens here, in Python and a
fixed number of queries, so it behaves the same on the Whoosh and the database backends.
"""

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from meetings.models import MeetingPage, OutcomePage
from network.models import MembershipPage, SteeringCommitteePage, TaskForcePage
from procedures.models import ObjectivesPage, ProcedurePage

from . import spelling, text
from .backends.whoosh.exceptions import SearchIndexError
from .query import MAX_QUERY_LENGTH, MAX_TERMS, WORD, clean, parse, stem, words

logger = logging.getLogger(__name__)

PER_PAGE = 20
# Facets and counts are worked out on at most this many of the best matches.
MAX_HITS = 1000
SNIPPET_WORDS = 32
AUTOCOMPLETE_LIMIT = 8
# Treebeard paths: four characters a level, so a page's section (depth 3) is its first twelve.
STEPLEN = 4
SECTION_DEPTH = 3


@dataclass(frozen=True)
class Kind:
    slug: str
    label: str


# The kinds of page a newcomer looks for, in the network's words; the rest are sections.
KINDS = {
    ProcedurePage: Kind("procedure", "Procedure"),
    ObjectivesPage: Kind("objectives", "Objectives"),
    MembershipPage: Kind("membership", "Membership"),
    SteeringCommitteePage: Kind("steering-committee", "Steering committee"),
    TaskForcePage: Kind("task-force", "Task force"),
    MeetingPage: Kind("meeting", "Meeting"),
    OutcomePage: Kind("outcome", "Outcome"),
}
SECTION = Kind("section", "Section")
KIND_BY_SLUG = {kind.slug: kind for kind in [*KINDS.values(), SECTION]}


def kind_of(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return KINDS.get(model, SECTION)


def visible_pages(user):
    """The live pages `user` may view: public ones for visitors; for members, also those
    behind a login or a group they belong to. Password-protected pages stay out of search."""
    pages = Page.objects.live()
    if not user.is_authenticated:
        return pages.public()
    hidden = Q()
    group_ids = None
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
        "groups"
    ):
        if restriction.restriction_type == BaseViewRestriction.LOGIN:
            continue
        if restriction.restriction_type == BaseViewRestriction.GROUPS:
            if user.is_superuser:
                continue
            if group_ids is None:
                group_ids = set(user.groups.values_list("pk", flat=True))
            if group_ids & {group.pk for group in restriction.groups.all()}:
                continue
        hidden |= Q(path__startswith=restriction.page.path)
    return pages.exclude(hidden) if hidden else pages


# Snippets and highlighting


def _matcher(wanted):
    stems = {stem(word) for word in wanted}
    return lambda word: word.lower() in wanted or stem(word.lower()) in stems


def _weigher(wanted, weights):
    """word -> the weight of the query word it matches (0 if none)."""
    by_stem = {stem(word): weights.get(word, 1) for word in wanted}
    by_word = {word: weights.get(word, 1) for word in wanted}

    def weigh(word):
        word = word.lower()
        return by_word.get(word) or by_stem.get(stem(word), 0)

    return weigh


def highlight(value, wanted, limit=None):
    """`value` escaped, with the words matching `wanted` (or their stems) in <mark>.

    With `limit`, only the window of that many words holding the most matches is kept.
    """
    matches = _matcher(wanted)
    tokens = list(WORD.finditer(value))
    if not tokens:
        return mark_safe(escape(value[: limit * 8] if limit else value))  # noqa: S308
    flags = [matches(token.group()) for token in tokens]
    start, end = 0, len(tokens)
    if limit and len(tokens) > limit:
        best, best_count, count = 0, -1, 0
        for i, flag in enumerate(flags):
            count += flag
            if i >= limit:
                count -= flags[i - limit]
            if i >= limit - 1 and count > best_count:
                best, best_count = i - limit + 1, count
        first = next((i for i in range(best, best + limit) if flags[i]), best)
        start = max(0, min(first - 6, len(tokens) - limit))
        end = start + limit
    chars_from = tokens[start].start() if start else 0
    chars_to = tokens[end - 1].end() if end < len(tokens) else len(value)
    out = ["… " if start else ""]
    position = chars_from
    for token, flag in zip(tokens[start:end], flags[start:end], strict=True):
        if flag:
            out.append(escape(value[position : token.start()]))
            out.append(f"<mark>{escape(token.group())}</mark>")
            position = token.end()
    out.append(escape(value[position:chars_to]))
    out.append(" …" if end < len(tokens) else "")
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


def best_part(parts, wanted, weights=None):
    """The part of a page that matches the rarest query words (the first part if none do)."""
    weigh = _weigher(wanted, weights or {})

    def score(part):
        found = {}
        for word in WORD.findall(part.text):
            weight = weigh(word)
            if weight:
                found[stem(word.lower())] = weight
        return (round(sum(found.values()), 6), len(found))

    scores = [score(part) for part in parts]
    best = max(range(len(parts)), key=lambda i: (scores[i], -i))
    return parts[best], scores[best] > (0, 0)


# Filters and facets


@dataclass
class Facet:
    name: str
    label: str
    values: list  # [{"value", "label", "count", "active", "href"}]
    clear_href: str = ""


def link(query_text, filters, **changes):
    """The search URL's query string for these filters with `changes` (None removes one)."""
    params = {"query": query_text, **filters, **changes}
    return "?" + urlencode({name: value for name, value in params.items() if value is not None})


@dataclass
class Row:
    """What the facets need to know about one matching page."""

    pk: int
    kind: Kind
    meeting: int | None
    year: int | None


FILTERS = ("kind", "meeting", "year")


def _rows(hits):
    """A Row per hit, in rank order, and {meeting path: (pk, title, start date)}; three queries
    at most."""
    by_kind = {}
    for hit in hits:
        by_kind.setdefault(kind_of(hit.content_type_id), []).append(hit.pk)
    dates = {}
    for model, column in ((ProcedurePage, "in_force_from"), (OutcomePage, "date")):
        ids = by_kind.get(KINDS[model])
        if ids:
            dates.update(model.objects.filter(pk__in=ids).values_list("pk", column))
    meeting_paths = {
        hit.path[: STEPLEN * 4]
        for hit in hits
        if hit.depth >= 4
        and kind_of(hit.content_type_id) in (KINDS[MeetingPage], KINDS[OutcomePage])
    }
    meetings = {}
    if meeting_paths:
        for pk, path, title, start in MeetingPage.objects.filter(
            path__in=meeting_paths, live=True
        ).values_list("pk", "path", "title", "start_date"):
            meetings[path] = (pk, title, start)
    rows = []
    for hit in hits:
        kind = kind_of(hit.content_type_id)
        meeting = (
            meetings.get(hit.path[: STEPLEN * 4])
            if kind
            in (
                KINDS[MeetingPage],
                KINDS[OutcomePage],
            )
            else None
        )
        date = dates.get(hit.pk) or (meeting[2] if meeting else None) or hit.first_published_at
        rows.append(Row(hit.pk, kind, meeting[0] if meeting else None, date.year if date else None))
    return rows, meetings


def read_filters(params):
    """{name: value} for the filters asked for, each a string; blank ones left out."""
    return {name: params.get(name, "").strip() for name in FILTERS if params.get(name, "").strip()}


def _row_value(row, name):
    if name == "kind":
        return row.kind.slug
    return str(getattr(row, name)) if getattr(row, name) is not None else None


def apply_filters(rows, filters, meetings, query_text=""):
    """(rows kept, facets, notes about filters that were ignored, filters applied)."""
    notes = []
    active = {}
    for name, value in filters.items():
        if any(_row_value(row, name) == value for row in rows):
            active[name] = value
        else:
            notes.append(f"No result matches the {name} filter “{value[:40]}”, so it was left out.")

    def kept(row, skip=None):
        return all(_row_value(row, n) == v for n, v in active.items() if n != skip)

    facets = []
    for name, label in (("kind", "Kind"), ("meeting", "Meeting"), ("year", "Year")):
        counts = Counter(_row_value(row, name) for row in rows if kept(row, skip=name))
        counts.pop(None, None)
        if name == "kind":
            values = [
                (kind.slug, kind.label, counts[kind.slug])
                for kind in KIND_BY_SLUG.values()
                if counts[kind.slug]
            ]
        elif name == "meeting":
            values = sorted(
                ((v, meetings[int(v)][0], n) for v, n in counts.items()),
                key=lambda item: meetings[int(item[0])][1],
                reverse=True,
            )
        else:
            values = sorted(((v, v, n) for v, n in counts.items()), reverse=True)
        if values:
            choices = [
                {
                    "value": v,
                    "label": lbl,
                    "count": n,
                    "active": active.get(name) == v,
                    "href": link(query_text, active, **{name: v}),
                }
                for v, lbl, n in values
            ]
            clear = link(query_text, active, **{name: None}) if name in active else ""
            facets.append(Facet(name, label, choices, clear))
    return [row for row in rows if kept(row)], facets, notes, active


# The search


@dataclass
class Hit:
    page: Page
    kind: Kind
    url: str
    title_html: str
    snippet: str
    part_label: str = ""
    where: list = field(default_factory=list)
    date: object = None


@dataclass
class Outcome:
    """Everything the results page shows."""

    text: str
    notices: list = field(default_factory=list)
    hits: list = field(default_factory=list)
    page: object = None
    count: int = 0
    capped: bool = False
    facets: list = field(default_factory=list)
    filters: dict = field(default_factory=dict)
    suggestion: str = ""
    close_words: dict = field(default_factory=dict)
    relaxed: str = ""
    promotions: list = field(default_factory=list)
    searched: bool = False
    page_links: dict = field(default_factory=dict)
    suggestion_href: str = ""
    clear_filters_href: str = ""


class SearchUnavailable(Exception):
    pass


# What ranking (`_titles_first`) and the facets (`_rows`) read of each of up to MAX_HITS
# matches; the pages shown are loaded in full by `_hits`. Loading only these makes a broad
# search's ranked list about a third cheaper to build.
RANKED_FIELDS = ("title", "content_type", "path", "depth", "first_published_at")


def _ranked(pages, query):
    try:
        return list(pages.only(*RANKED_FIELDS).search(query)[:MAX_HITS])
    except SearchIndexError as error:
        logger.error("Search failed: %s", error)
        raise SearchUnavailable from error


# How many times a search with no result is retried with its most common word left out.
MAX_RELAXATIONS = 3


def _relaxed(pages, parsed, fixes, vocabulary):
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
        hits = _ranked(pages, narrower.build(expansions=fixes))
        if hits:
            return hits, str(narrower)
    hits = _ranked(pages, parsed.build(expansions=fixes, any_clause=True))
    return hits, ("any of " + str(parsed.keeping(set(range(len(parsed.clauses)))))) if hits else ""


def _titles_first(hits, parsed, vocabulary):
    """The hits with pages whose titles name what was asked first, in the backend's order
    otherwise. Words on most pages ("network") don't count: they name nothing in particular."""
    wanted = {w for w in parsed.highlight_words() if not vocabulary.is_common(w)}
    if not wanted:
        return hits
    weigh = _weigher(wanted, {w: vocabulary.weight(w) for w in wanted})

    def title_score(hit):
        return -sum({stem(w.lower()): weigh(w) for w in WORD.findall(hit.title)}.values())

    return sorted(hits, key=title_score)


def _page_number(value):
    return int(value) if re.fullmatch(r"\d{1,9}", value or "") else 1


def search(request):
    """Run the visitor's search from the request's GET parameters."""
    params = request.GET
    parsed = parse(params.get("query", ""))
    outcome = Outcome(text=parsed.text)
    if parsed.truncated:
        outcome.notices.append(
            f"Your search was longer than {MAX_QUERY_LENGTH} characters or "
            f"{MAX_TERMS} words, so only its beginning was used."
        )
    if parsed.is_empty:
        if parsed.text:
            outcome.notices.append(
                "There is no word to look for in that search: type one or more words, "
                '"a phrase in quotes", or leave out words with a minus sign.'
            )
        return outcome
    outcome.searched = True
    vocabulary = spelling.vocabulary()
    fixes = spelling.corrections(parsed, vocabulary)
    pages = visible_pages(request.user)
    try:
        hits = _ranked(pages, parsed.build(expansions=fixes))
        if not hits and len(parsed.clauses) > 1:
            hits, outcome.relaxed = _relaxed(pages, parsed, fixes, vocabulary)
    except SearchUnavailable:
        outcome.searched = False
        outcome.notices.append("Search is not available right now; please try again shortly.")
        return outcome
    if fixes:
        outcome.close_words = fixes
        outcome.suggestion = parsed.with_words_replaced({w: c[0] for w, c in fixes.items()})
    hits = _titles_first(hits, parsed, vocabulary)
    outcome.capped = len(hits) >= MAX_HITS
    rows, meetings = _rows(hits)
    filters = read_filters(params)
    by_pk = {pk: (title, start) for pk, title, start in meetings.values()}
    rows, outcome.facets, notes, outcome.filters = apply_filters(rows, filters, by_pk, parsed.text)
    outcome.notices.extend(notes)
    outcome.count = len(rows)
    paginator = Paginator([row.pk for row in rows], PER_PAGE, allow_empty_first_page=True)
    asked = _page_number(params.get("page"))
    outcome.page = paginator.get_page(asked)
    if asked > paginator.num_pages and rows:
        outcome.notices.append(f"There is no results page {asked}; this is the last one.")
    wanted = parsed.highlight_words() | {w for close in fixes.values() for w in close}
    outcome.page_links = {
        name: link(parsed.text, outcome.filters, page=number)
        for name, number in (
            ("previous", outcome.page.number - 1),
            ("next", outcome.page.number + 1),
            ("first", 1),
            ("last", paginator.num_pages),
        )
    }
    if outcome.suggestion:
        outcome.suggestion_href = link(outcome.suggestion, outcome.filters)
    if outcome.filters:
        outcome.clear_filters_href = link(parsed.text, {})
    weights = {word: vocabulary.weight(word) for word in wanted}
    outcome.hits = _hits(request, list(outcome.page.object_list), wanted, weights, meetings)
    if outcome.page.number == 1:
        outcome.promotions = promotions(parsed.text, pages)
    return outcome


def _hits(request, pks, wanted, weights, meetings):
    """The results on screen, with snippets: a fixed number of queries however many."""
    pages = {page.pk: page for page in Page.objects.filter(pk__in=pks).specific()}
    text.prefetch(list(pages.values()))
    sections = {
        page.path: page.title
        for page in Page.objects.filter(
            path__in={page.path[: STEPLEN * SECTION_DEPTH] for page in pages.values()},
            depth=SECTION_DEPTH,
        ).only("path", "title")
    }
    found = []
    for pk in pks:
        page = pages.get(pk)
        if page is None:
            continue
        kind = KINDS.get(type(page), SECTION)
        part, matched = best_part(text.parts(page), wanted, weights)
        url = page.get_url(request) or ""
        hit = Hit(
            page=page,
            kind=kind,
            url=f"{url}#{part.anchor}" if matched and part.anchor else url,
            title_html=highlight(page.title, wanted),
            snippet=highlight(part.text, wanted, limit=SNIPPET_WORDS),
            part_label=part.label if matched else "",
        )
        if page.depth > SECTION_DEPTH:
            hit.where.append(sections.get(page.path[: STEPLEN * SECTION_DEPTH], ""))
        if isinstance(page, OutcomePage):
            meeting = meetings.get(page.path[: STEPLEN * 4])
            hit.where.append(meeting[1] if meeting else "")
            hit.date = page.date or (meeting[2] if meeting else None)
        elif isinstance(page, MeetingPage):
            hit.date = page.start_date
        elif isinstance(page, ProcedurePage):
            hit.date = page.in_force_from
        hit.where = [place for place in hit.where if place]
        found.append(hit)
    return found


def promotions(query_text, pages):
    """Editors' picks whose words all appear in the search, visible to this visitor only."""
    asked = set(words(query_text))
    picks = [
        pick
        for pick in SearchPromotion.objects.select_related("query", "page").order_by(
            "sort_order", "pk"
        )
        if set(words(pick.query.query_string)) and set(words(pick.query.query_string)) <= asked
    ]
    page_ids = {pick.page_id for pick in picks if pick.page_id}
    allowed = set(pages.filter(pk__in=page_ids).values_list("pk", flat=True)) if page_ids else set()
    shown, seen = [], set()
    for pick in picks:
        key = pick.page_id or pick.external_link_url
        if key in seen or (pick.page_id and pick.page_id not in allowed):
            continue
        seen.add(key)
        shown.append(pick)
    return shown


def autocomplete(request):
    """[{title, url, kind}] of up to eight pages whose titles start like the typed words."""
    typed, _ = clean(request.GET.get("query", ""))
    typed = " ".join(words(typed)[:10])[:100]
    if not typed:
        return []
    pages = visible_pages(request.user).autocomplete(typed)[:AUTOCOMPLETE_LIMIT]
    return [
        {
            "title": page.title,
            "url": page.get_url(request),
            "kind": kind_of(page.content_type_id).label,
        }
        for page in pages
    ]
