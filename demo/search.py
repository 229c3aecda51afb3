"""Editors' picks for the demo: the pages the steering committee would pin for common questions."""

import logging

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

logger = logging.getLogger("bbwiki.demo")

# (what people type, slug of the page to pin, why it is the answer)
PICKS = [
    ("join", "joining-the-network", "Who can join the network, and how to apply."),
    ("membership", "membership", "How to join, and the member organisations."),
    (
        "steering committee",
        "steering-committee",
        "Who sits on the steering committee, and on which terms.",
    ),
    (
        "surveillance",
        "best-bits-2013-bali",
        "The Bali meeting's session on state surveillance and human rights.",
    ),
]


def load(home):
    """Pin each demo pick once; picks already there (or edited since) are left as they are."""
    for query_string, slug, description in PICKS:
        page = Page.objects.descendant_of(home).filter(slug=slug).first()
        if page is None:
            continue
        query = Query.get(query_string)
        if SearchPromotion.objects.filter(query=query).exists():
            continue
        SearchPromotion.objects.create(
            query=query, page=page, description=description, sort_order=0
        )
        logger.info("Pinned %r to the search %r", page.title, query_string)
