"""The approvals of published versions as Popolo motions.

Every version of a page on the public record was approved by a quorum of the steering
committee (or, for some, published by an administrator directly) before it went live: each
is a motion that passed, with the approvals as the votes of one vote event, by the names the
record keeps. The pages are the live, public pages with a public history, as for every other
list of the export; a page taken off the site keeps its history page (and `history.json`),
and /changes/ lists what happened to it.
"""

from wagtail.models import Page, get_page_models

from core.open_data import NETWORK_ID, popolo_id
from history.versions import PageHistory

REQUIREMENT = "approval by a quorum of the steering committee"


def pages_with_public_history():
    models = [model for model in get_page_models() if getattr(model, "has_public_history", False)]
    return Page.objects.live().public().type(*models).order_by("pk").defer_streamfields().specific()


def motions(request):
    """Every approved, published version of a public page, oldest page first, each page's
    versions in the order they were published."""
    pages = list(pages_with_public_history())
    histories = PageHistory.for_pages([page.pk for page in pages])
    return [
        motion(page, version, request)
        for page in pages
        if page.pk in histories
        for version in histories[page.pk].versions
    ]


def motion(page, version, request):
    motion_id = popolo_id("page", page.pk, "version", version.revision_id)
    approvals = list(version.approved_by)
    version_url = page.subpage_url("history_version", version.revision_id, request=request)
    data = {
        "id": motion_id,
        "organization_id": NETWORK_ID,
        "identifier": f"{page.title}, version {version.number}",
        "classification": "page version",
        "text": version.summary,
        "date": version.published_at,
        "requirement": REQUIREMENT,
        "result": "pass",
        "vote_events": [vote_event(motion_id, approvals)] if approvals else [],
        "published_by": version.published_by,
        "page": {"title": page.title, "kind": page.search_kind.slug},
        "sources": [{"url": request.build_absolute_uri(version_url)}],
    }
    if version.proposed_by:
        data["creator"] = {"name": version.proposed_by}
    return data


def vote_event(motion_id, approvals):
    return {
        "id": f"{motion_id}/approval",
        "motion_id": motion_id,
        "result": "pass",
        "counts": [{"option": "yes", "value": len(approvals)}],
        "votes": [{"voter": {"name": name}, "option": "yes"} for name in approvals],
    }
