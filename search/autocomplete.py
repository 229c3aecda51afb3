"""The header search box's suggestions: pages and their parts (clauses, sessions, seats) whose
titles have every word typed, the last one perhaps half typed.

Question words typed in full ("how do I join", "cómo unirse" at /es/) are left out, those of
the language being read. The backend finds the pages whose titles or part titles start like
every word (pages describe their parts' titles to search: `BasePage.search_part_titles`);
then each suggestion is checked here, so a page is suggested when its title has all the
words, and a part of it when the part's title, read with its page's, does. Titles with the
words typed as whole words come first ("join" before "joint"), then pages before their
parts, each in the backend's order.
"""

from wagtail.models import Page

from .descriptions import kind_of, page_model, parts, prefetch_parts
from .errors import SearchUnavailable
from .fillers import stop_words
from .pages import searchable_pages
from .query import clean, naming_form, search_language, words

LIMIT = 8
# Pages asked of the backend: a page may give several suggestions, or none once checked.
PAGES = 12
MAX_WORDS = 6


def typed_words(text):
    """The words of `text` that say what is wanted: up to MAX_WORDS, question words typed in
    full left out (the last word is kept: it may be the start of another)."""
    found = words(clean(text)[0])
    if not found:
        return []
    stop = stop_words(search_language())
    kept = [word for word in found[:-1] if word not in stop] + found[-1:]
    return kept[-MAX_WORDS:]


def _starts(prefixes, text):
    """Whether every word of `prefixes` starts a word of `text`."""
    found = words(text)
    return all(any(word.startswith(prefix) for word in found) for prefix in prefixes)


def suggestions(request):
    """[{title, url, kind, where}] of up to LIMIT pages and parts of pages, best first."""
    typed = typed_words(request.GET.get("query", ""))
    if not typed or not any(len(word) > 1 for word in typed):
        return []
    try:
        pages = list(
            searchable_pages(request.user).autocomplete(" ".join(typed), operator="and")[:PAGES]
        )
    except Exception as error:  # whatever the backend raises, search is what failed
        raise SearchUnavailable(str(error)) from error
    found = []
    rest = []
    for page in pages:
        if _starts(typed, page.title):
            kind = kind_of(page_model(page.content_type_id)).label
            found.append((_whole(typed, page.title), 0, page.title, page, "", kind, ""))
        else:
            rest.append(page.pk)
    # Parts only of the pages whose titles lack a word: a fixed number of queries.
    specific = Page.objects.filter(pk__in=rest).specific().in_bulk() if rest else {}
    prefetch_parts(list(specific.values()))
    for page in (specific[pk] for pk in rest if pk in specific):
        kind = kind_of(type(page)).label
        for part in parts(page):
            text = f"{part.label} {page.title}"
            if part.label and part.anchor and _starts(typed, text):
                found.append(
                    (_whole(typed, text), 1, part.label, page, part.anchor, kind, page.title)
                )
    found.sort(key=lambda suggestion: (not suggestion[0], suggestion[1]))
    suggested = []
    for _, _, title, page, anchor, kind, where in found:
        url = page.get_url(request)
        if url:
            url = f"{url}#{anchor}" if anchor else url
            suggested.append({"title": title, "url": url, "kind": kind, "where": where})
        if len(suggested) == LIMIT:
            break
    return suggested


def _whole(typed, text):
    """Whether every word typed is a whole word of `text` (by `naming_form`: "join" is one
    of "Joining the network", not of "Joint statements")."""
    return {naming_form(w) for w in typed} <= {naming_form(w) for w in words(text)}
