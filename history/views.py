from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.views import serve

from core.data_responses import json_error
from pagecache.rules import reads_query

from .changes import as_changes, public_entries
from .models import RecordEntry

CHANGES_PER_PAGE = 50
NO_PAGE_DATA = (
    "There is no public page at this address with this data: a page's history is at "
    "<page>/history.json, the version in force on a day at <page>/as-of/<YYYY-MM-DD>.json."
)


def page_json(request, path):
    """Wagtail's page view for a page's JSON routes; where there is no such page, or no
    such route, a JSON 404 rather than the site's HTML page."""
    try:
        return serve(request, path)
    except Http404:
        return json_error(NO_PAGE_DATA)


@reads_query("page")
def changes(request):
    """Recent changes across the whole site."""
    page_of_entries = Paginator(public_entries(), CHANGES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return TemplateResponse(
        request,
        "history/changes.html",
        {"entries": page_of_entries, "changes": as_changes(page_of_entries.object_list)},
    )


def _deleted_page_record(page_id):
    """The public entries of a page that no longer exists, oldest first; 404 otherwise."""
    entries = list(RecordEntry.objects.filter(page_id=page_id, public=True).order_by("at", "pk"))
    if not entries:
        raise Http404(_("No page with that number is on the public record."))
    return entries


def deleted_page(request, page_id):
    """What the record kept of a page that was deleted: its versions and how it ended."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        history_url = getattr(page.specific, "subpage_url", None)
        return redirect(history_url("history") if history_url else page.url or "/")
    entries = _deleted_page_record(page_id)
    return TemplateResponse(
        request,
        "history/deleted_page.html",
        {"entries": entries, "last": entries[-1], "page_id": page_id},
    )


def deleted_page_version(request, page_id, entry_id):
    """One version of a deleted page, as its sections read."""
    if Page.objects.filter(pk=page_id).exists():
        return redirect("deleted_page", page_id=page_id)
    entries = _deleted_page_record(page_id)
    entry = next(
        (e for e in entries if e.pk == entry_id and e.kind == RecordEntry.Kind.PUBLISHED), None
    )
    if entry is None or entry.content is None or entry.content_type is None:
        raise Http404(_("That version is not on the record of this page."))
    model = entry.content_type.model_class()
    old_page = model.from_serializable_data(entry.content, check_fks=True, strict_fks=False)
    sections = old_page.history_sections() if hasattr(old_page, "history_sections") else []
    number = [e.pk for e in entries if e.kind == RecordEntry.Kind.PUBLISHED].index(entry.pk) + 1
    return TemplateResponse(
        request,
        "history/deleted_page_version.html",
        {"entry": entry, "version_sections": sections, "number": number, "last": entries[-1]},
    )
