"""What search asks of page types: their kind, their date, what groups them, their text.

Page types describe themselves (`core.models.BasePage`); this module only reads what they say,
so a new page type is searchable as it wants without a change here. Pages that are not
`BasePage`s (Wagtail's own `Page`) are described as plain sections.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import get_page_models

from core.models import SECTION
from core.search import Part
from core.text import plain_text


def page_model(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model_class()


def kind_of(model):
    return getattr(model, "search_kind", SECTION)


def group_models():
    """The page types whose descendants' results are filed under them (meetings)."""
    return [model for model in get_page_models() if getattr(model, "search_groups_descendants", 0)]


def parts(page):
    """[Part, …] of a specific page, its own text first."""
    if hasattr(page, "search_parts"):
        return page.search_parts()
    return [Part("", "", plain_text(page.search_description))]


def prefetch_parts(pages):
    """Fetch the rows `parts()` reads for `pages` (specific pages), a fixed number of queries
    per page type (`BasePage.prefetch_search_parts`)."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, batch in by_model.items():
        if hasattr(model, "prefetch_search_parts"):
            model.prefetch_search_parts(batch)
