from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from .changes import as_changes, publications

CHANGES_PER_PAGE = 50


def changes(request):
    """Recent published changes across the whole site."""
    page_of_entries = Paginator(publications(), CHANGES_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "history/changes.html",
        {"entries": page_of_entries, "changes": as_changes(page_of_entries.object_list)},
    )
