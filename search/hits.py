"""The results on screen (`Hit`) and the editors' picks beside them: which part of each page
answers the search (`snippets.best_part`), its link and its snippet, in a fixed number of
queries however many results are shown."""

from dataclasses import dataclass, field

from wagtail.models import Page

from core.tree import SECTION_DEPTH, ancestor_path

from . import ranking
from .descriptions import kind_of, parts, prefetch_parts
from .query import RELATED_BOOST
from .snippets import SNIPPET_WORDS, best_part, highlight


@dataclass
class Hit:
    page: Page
    kind: object
    url: str
    title_html: str
    snippet: str
    part_label: str = ""
    where: list = field(default_factory=list)
    date: object = None


def part_choice(parsed, vocabulary, fixes):
    """What `best_part` chooses a page's part by: (the words wanted, their weights, the kind
    of answer asked for, the phrases' words). A word weighs what it does on the site
    (`Vocabulary.idf`), a related word RELATED_BOOST of it, an everyday word
    `ranking.EVERYDAY_SHARE` of it, as when ordering pages."""
    wanted = (
        parsed.highlight_words()
        | parsed.related_words()
        | {w for close in fixes.values() for w in close}
    )
    related = parsed.related_words() - parsed.highlight_words() - parsed.same_as_typed
    everyday = ranking.everyday_words(parsed)
    weights = {
        word: vocabulary.idf(word)
        * (RELATED_BOOST if word in related else 1)
        * (ranking.EVERYDAY_SHARE if word in everyday else 1)
        for word in wanted
    }
    return wanted, weights, parsed.answer_words, parsed.phrase_words()


def point_picks(request, picks, choice):
    """Give each pick of a page its link (`url`) and, where part of the page answers the
    search, that part (`part_label`), as results have. `choice`: what `best_part` chooses by
    (the words wanted, their weights, the kind of answer asked for, the phrases' words)."""
    wanted, weights, answer_words, phrases = choice
    ids = [pick.page_id for pick in picks if pick.page_id]
    pages = Page.objects.filter(pk__in=ids).specific().in_bulk() if ids else {}
    prefetch_parts(list(pages.values()))
    for pick in picks:
        page = pages.get(pick.page_id)
        pick.url, pick.part_label = pick.external_link_url, ""
        if page is not None:
            part, matched = best_part(
                parts(page), wanted, weights, answer_words, page.title, phrases
            )
            url = page.get_url(request) or ""
            pick.url = f"{url}#{part.anchor}" if matched and part.anchor else url
            pick.part_label = part.label if matched else ""


def hits(request, rows, choice, first=None):
    """The results on screen, with snippets: a fixed number of queries however many. On the
    first results page (`first`: the query, vocabulary and close spellings), the first
    results are reordered by how well one of their parts answers (`ranking.answers_first`).
    `choice`: as `point_picks` has it."""
    wanted, weights, answer_words, phrases = choice
    pages = Page.objects.filter(pk__in=[row.pk for row in rows]).specific().in_bulk()
    prefetch_parts(list(pages.values()))
    page_parts = {pk: parts(page) for pk, page in pages.items()}
    if first is not None:
        rows = ranking.answers_first(
            rows,
            *first,
            lambda row: (
                (
                    f"{pages[row.pk].title} {kind_of(type(pages[row.pk])).label}",
                    page_parts[row.pk],
                )
                if row.pk in pages
                else ("", ())
            ),
        )
    sections = dict(
        Page.objects.filter(
            path__in={ancestor_path(page.path, SECTION_DEPTH) for page in pages.values()},
            depth=SECTION_DEPTH,
        ).values_list("path", "title")
    )
    found = []
    for row in rows:
        page = pages.get(row.pk)
        if page is None:
            continue
        part, matched = best_part(
            page_parts[row.pk], wanted, weights, answer_words, page.title, phrases
        )
        url = page.get_url(request) or ""
        where = []
        if page.depth > SECTION_DEPTH:
            where.append(sections.get(ancestor_path(page.path, SECTION_DEPTH), ""))
        if row.group is not None and row.group.pk != page.pk:
            where.append(row.group.title)
        found.append(
            Hit(
                page=page,
                kind=kind_of(type(page)),
                url=f"{url}#{part.anchor}" if matched and part.anchor else url,
                title_html=highlight(page.title, wanted, phrases=phrases),
                snippet=highlight(part.text, wanted, limit=SNIPPET_WORDS, phrases=phrases),
                part_label=part.label if matched else "",
                where=[place for place in where if place],
                date=row.date,
            )
        )
    return found
