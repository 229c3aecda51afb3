"""The header search box's suggestions: page titles that start like the words typed."""

from .descriptions import kind_of, page_model
from .errors import SearchUnavailable
from .query import clean, words
from .visibility import visible_pages

LIMIT = 8


def suggestions(request):
    """[{title, url, kind}] of up to LIMIT pages whose titles start like the typed words."""
    typed, _ = clean(request.GET.get("query", ""))
    typed = " ".join(words(typed)[:10])[:100]
    if not typed:
        return []
    try:
        pages = list(visible_pages(request.user).autocomplete(typed)[:LIMIT])
    except Exception as error:  # whatever the backend raises, search is what failed
        raise SearchUnavailable(str(error)) from error
    return [
        {
            "title": page.title,
            "url": page.get_url(request),
            "kind": kind_of(page_model(page.content_type_id)).label,
        }
        for page in pages
    ]
