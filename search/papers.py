"""Searching the meetings' background papers (`in=papers`): the documents pages carry, by
the text read from their files (`papers.Paper`).

Only documents that a page the visitor may view carries are found (page types say which they
carry with `search_documents()`, as meetings do); each result names the pages and the parts
of them (a session) that carry it, links there, and for a PDF gives the page of the file
where the words are, linked to that page (`#page=N`, which browsers' PDF viewers open at).
A search reads the pages carrying documents, the ranked documents and nothing more: a fixed
number of queries however many results.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import get_page_models
from wagtail.search.backends import get_search_backend

from core.search import Part
from core.visibility import visible_pages

from . import facets, ranking, scopes
from .descriptions import prefetch_parts
from .errors import SearchUnavailable
from .query import for_backend
from .snippets import SNIPPET_WORDS, best_part, highlight

PER_PAGE = 20


@dataclass
class PaperResult:
    """A document that matched, with where it belongs and the page of it that matched."""

    paper: object
    url: str
    title_html: str
    snippet: str
    page_number: int | None = None
    places: list = field(default_factory=list)  # [(label, url)]


def carried_documents(request):
    """{document id: [(label, url), …]}: the documents the pages `request.user` may view
    carry, with where each is listed."""
    carried = {}
    pages = visible_pages(request.user)
    for model in get_page_models():
        if not hasattr(model, "search_documents"):
            continue
        found = list(pages.type(model).exact_type(model).specific())
        prefetch_parts(found)
        for page in found:
            url = page.get_url(request) or ""
            for document_id, part in page.search_documents():
                place = (
                    f"{page.title} · {part.label}" if part.label else page.title,
                    f"{url}#{part.anchor}" if part.anchor else url,
                )
                carried.setdefault(document_id, []).append(place)
    return carried


def ranked_papers(parsed, document_ids):
    """Up to `ranking.MAX_HITS` of the documents `document_ids` matching `parsed`, best first.

    Documents have no locale: backends that analyse text by language index them in the site's
    own language, so their words are searched in it too, whatever language the visitor reads
    (on /es/search/ a Spanish stemmer would not find "zanzibar" as English indexed it)."""
    try:
        backend = get_search_backend()
        query = for_backend(parsed.build(), backend)
        documents = get_document_model().objects.filter(pk__in=list(document_ids))
        with translation.override(settings.LANGUAGE_CODE):
            return list(backend.search(query, documents)[: ranking.MAX_HITS])
    except Exception as error:  # whatever the backend raises, search is what failed
        ranking.logger.exception("Search of background papers failed: %s", error)
        raise SearchUnavailable(str(error)) from error


def search(request, parsed, results, scope):
    """Fill `results` with the background papers matching `parsed`, a page of them."""
    carried = carried_documents(request)
    found = ranked_papers(parsed, carried) if carried else []
    results.capped = len(found) >= ranking.MAX_HITS
    results.count = len(found)
    results.filters = scope.filters
    results.facets = [scopes.scope_facet(parsed.text, scope, results.count)]
    paginator = Paginator(found, PER_PAGE, allow_empty_first_page=True)
    results.page = paginator.get_page(request.GET.get("page", ""))
    results.page_links = {
        name: facets.link(parsed.text, results.filters, page=number)
        for name, number in (
            ("previous", results.page.number - 1),
            ("next", results.page.number + 1),
        )
    }
    wanted = parsed.highlight_words() | parsed.related_words()
    results.papers = [
        _result(paper, carried.get(paper.pk, []), wanted) for paper in results.page.object_list
    ]


def _result(paper, places, wanted):
    pages = paper.pages or [paper.text]
    parts = [Part(str(number), "", text) for number, text in enumerate(pages, start=1)]
    part, matched = best_part(parts, wanted)
    number = int(part.anchor) if paper.is_pdf and matched else None
    return PaperResult(
        paper=paper,
        url=f"{paper.url}#page={number}" if number else paper.url,
        title_html=highlight(paper.title, wanted),
        snippet=highlight(" ".join(part.text.split()), wanted, limit=SNIPPET_WORDS),
        page_number=number,
        places=places,
    )
