"""The network's record as Popolo data (popoloproject.com, spec 1.0).

Each page type says what its live, public pages show (`popolo_records`, `core.open_data`):
the membership page its member organisations, the steering committee its seats and terms,
task forces their convenors and members, meetings their sessions and the people named in
them. The approvals of published versions are motions (`motions.py`). Nothing else is read:
what no public page shows is not in the data. Each list is in a stable order, by identifier
(numbers in identifiers compared as numbers), and names each record once.
"""

import re

from django.conf import settings
from wagtail.models import Page, Site, get_page_models

from core.open_data import NETWORK_ID, Records

from .motions import motions

# The lists of a Popolo document, by the name of their address (/data/<name>.json).
KINDS = {
    "organizations": "organizations",
    "people": "persons",
    "posts": "posts",
    "memberships": "memberships",
    "events": "events",
    "motions": "motions",
}
NUMBER = re.compile(r"(\d+)")


def network_organization(request):
    site = Site.find_for_request(request)
    return {
        "id": NETWORK_ID,
        "name": settings.WAGTAIL_SITE_NAME,
        "classification": "network",
        "sources": [{"url": site.root_page.get_full_url(request)}] if site else [],
    }


def identifier_order(record):
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in NUMBER.split(record["id"])
    ]


def unique(records):
    by_id = {}
    for record in records:
        by_id.setdefault(record["id"], record)
    return sorted(by_id.values(), key=identifier_order)


def popolo_dataset(request):
    """{list name: [record, …]} for every list of a Popolo document."""
    records = Records(organizations=[network_organization(request)])
    # Read the view restrictions once, for every page type.
    public = Page.objects.live().public().values("pk")
    for model in get_page_models():
        describe = getattr(model, "popolo_records", None)
        if describe is not None:
            records.extend(describe(model.objects.filter(pk__in=public).exact_type(model), request))
    return {
        "organizations": unique(records.organizations),
        "persons": unique(records.persons),
        "posts": unique(records.posts),
        "memberships": unique(records.memberships),
        "events": unique(records.events),
        "motions": motions(request),
    }
