"""Searching past versions: what a page's sections said, in which versions, and where that
changed (`?versions=past`, narrowed to one day with `&as_of=YYYY-MM-DD`).

Results are clauses (a page's sections), not versions: each clause shows the wordings that
match, with the dates they were in force, a link to the version that first had each and to
the diffs where it appeared and where it changed, then what the clause says now if that is
not among them. Only wordings of pages anyone may read are searched (`pastversions` indexes
nothing else; the page's public standing is checked again here). A search reads the ranked
wordings, the matched clauses' current wordings, their pages and their records in a fixed
number of queries.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from history.versions import PageHistory
from pastversions.models import Wording

from . import facets, ranking, scopes
from .errors import SearchUnavailable
from .query import for_backend
from .scopes import PAST, SCOPE
from .snippets import SNIPPET_WORDS, highlight

PER_PAGE = 20


@dataclass
class WordingLine:
    """One wording of a clause as a result shows it."""

    wording: Wording
    snippet: str
    matched: bool
    version_url: str = ""
    appeared_url: str = ""  # the diff that brought this wording in
    changed_url: str = ""  # the diff that changed or removed it
    next_version: int | None = None
    taken_off: bool = False  # it ended when the page was taken off the site

    @property
    def versions_label(self):
        first, last = self.wording.first_version, self.wording.last_version
        if first == last:
            return _("version %(number)s") % {"number": first}
        return _("versions %(first)s–%(last)s") % {"first": first, "last": last}


@dataclass
class ClauseResult:
    """A clause of a page whose wording, now or in a past version, matched the search."""

    page: Page
    label: str
    history_url: str
    lines: list
    now: WordingLine | None = None  # what it says now, when that did not match
    withdrawn: object = None  # when the page was taken off the site, if it is off now


def searchable_wordings(as_of=None):
    """The wordings a visitor may find: of pages nobody's view of is restricted, in force
    on `as_of` when given."""
    wordings = Wording.objects.filter(page_id__in=Page.objects.public().values("pk"))
    if as_of is not None:
        wordings = wordings.filter(since_day__lte=as_of).filter(
            Q(until_day__isnull=True) | Q(until_day__gt=as_of)
        )
    return wordings


def ranked_wordings(parsed, as_of=None):
    """Up to `ranking.MAX_HITS` wordings matching `parsed`, best first."""
    try:
        backend = get_search_backend()
        query = for_backend(parsed.build(), backend)
        return list(backend.search(query, searchable_wordings(as_of))[: ranking.MAX_HITS])
    except Exception as error:  # whatever the backend raises, search is what failed
        ranking.logger.exception("Search of past versions failed: %s", error)
        raise SearchUnavailable(str(error)) from error


def clause_groups(wordings):
    """[(page id, key, [wording, …]), …]: the matched wordings by clause, in the rank of each
    clause's best one; each clause's wordings oldest first."""
    groups = {}
    for wording in wordings:
        groups.setdefault((wording.page_id, wording.key), []).append(wording)
    return [
        (page_id, key, sorted(found, key=lambda w: w.first_version))
        for (page_id, key), found in groups.items()
    ]


def search(request, parsed, results, scope):
    """Fill `results` with the clauses whose wordings match `parsed`, a page of them."""
    wordings = ranked_wordings(parsed, scope.as_of)
    groups = clause_groups(wordings)
    results.capped = len(wordings) >= ranking.MAX_HITS
    results.count = len(groups)
    results.filters = scope.filters
    results.facets = [scopes.scope_facet(parsed.text, scope, results.count)]
    if scope.as_of:
        results.clear_filters_href = facets.link(parsed.text, {SCOPE: PAST})
    paginator = Paginator(groups, PER_PAGE, allow_empty_first_page=True)
    asked = request.GET.get("page", "")
    results.page = paginator.get_page(asked)
    if asked.isdigit() and int(asked) > paginator.num_pages and groups:
        results.notices.append(
            _("There is no results page %(number)s; this is the last one.") % {"number": asked}
        )
    results.page_links = {
        name: facets.link(parsed.text, results.filters, page=number)
        for name, number in (
            ("previous", results.page.number - 1),
            ("next", results.page.number + 1),
        )
    }
    wanted = parsed.highlight_words() | parsed.related_words()
    results.clauses = _clause_results(request, list(results.page.object_list), wanted)


def _clause_results(request, groups, wanted):
    """ClauseResults for a page of groups: four queries however many."""
    page_ids = {page_id for page_id, _, _ in groups}
    pages = Page.objects.filter(pk__in=page_ids).specific().in_bulk()
    histories = PageHistory.for_pages(page_ids)
    keys = {(page_id, key) for page_id, key, _ in groups}
    now = {
        (w.page_id, w.key): w
        for w in Wording.objects.filter(
            page_id__in=page_ids, key__in={key for _, key in keys}, until__isnull=True
        )
        if (w.page_id, w.key) in keys
    }
    found = []
    for page_id, key, matched in groups:
        page, history = pages.get(page_id), histories.get(page_id)
        if page is None or history is None:
            continue
        lines = [_line(request, page, history, w, wanted, True) for w in matched]
        current = now.get((page_id, key))
        latest = current or matched[-1]
        label = f"§{latest.number} {latest.heading}" if latest.number else latest.heading
        found.append(
            ClauseResult(
                page=page,
                label=label.strip(),
                history_url=page.subpage_url("history", request=request),
                lines=lines,
                now=(
                    _line(request, page, history, current, wanted, False)
                    if current is not None and current not in matched
                    else None
                ),
                withdrawn=history.withdrawn.at if history.withdrawn else None,
            )
        )
    return found


def _line(request, page, history, wording, wanted, matched):
    versions = history.versions
    line = WordingLine(
        wording=wording,
        snippet=highlight(wording.text, wanted, limit=SNIPPET_WORDS),
        matched=matched,
        version_url=page.subpage_url("history_version", wording.first_revision_id, request=request),
    )
    if wording.first_version > 1:
        before = versions[wording.first_version - 2]
        line.appeared_url = page.subpage_url(
            "history_diff", before.revision_id, wording.first_revision_id, request=request
        )
    line.taken_off = versions[wording.last_version - 1].withdrawn
    if wording.last_version < len(versions) and not line.taken_off:
        after = versions[wording.last_version]
        line.next_version = after.number
        line.changed_url = page.subpage_url(
            "history_diff", wording.last_revision_id, after.revision_id, request=request
        )
    return line
