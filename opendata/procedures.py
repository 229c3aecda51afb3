"""The rules as data: every public procedure with its current version, in the shape of a
page's `as-of/<day>.json` (which page, which version, the content), in creation order."""

from history.data import page_data, version_data
from history.versions import PageHistory
from procedures.models import ProcedurePage

PROCEDURES_PER_PAGE = 20


def public_procedures():
    return ProcedurePage.objects.live().public().order_by("pk")


def procedure_data(page, history, request):
    current = history.versions[-1] if history and history.versions else None
    return {
        "page": page_data(page, request),
        "version": version_data(page, current, request) if current else None,
        "content": page.data_content(),
    }


def procedures_data(pages, request):
    """The procedures in `pages` (one page of the list), with their histories read at once."""
    pages = list(pages)
    histories = PageHistory.for_pages([page.pk for page in pages])
    return [procedure_data(page, histories.get(page.pk), request) for page in pages]
