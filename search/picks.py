"""Editors' picks: the pages the steering committee pins to common searches."""

from wagtail.contrib.search_promotions.models import SearchPromotion

from .fillers import stop_words
from .query import search_language, words


def promotions(query_text, pages):
    """Editors' picks whose words all appear in the search and say most of what it asks
    (more than half of its words that are not question or filler words), among `pages`
    (those the visitor may see); a pick pinned twice is shown once.

    A pick is pinned to a common search ("steering committee"): a question that only
    mentions its words ("how many terms can someone serve on the steering committee") asks
    something else, which the ranking finds."""
    asked = set(words(query_text))
    subject = asked - stop_words(search_language())
    picks = []
    for pick in SearchPromotion.objects.select_related("query", "page").order_by(
        "sort_order", "pk"
    ):
        pinned = set(words(pick.query.query_string))
        if pinned and pinned <= asked and 2 * len(pinned & subject) > len(subject):
            picks.append(pick)
    page_ids = {pick.page_id for pick in picks if pick.page_id}
    allowed = set(pages.filter(pk__in=page_ids).values_list("pk", flat=True)) if page_ids else set()
    shown, seen = [], set()
    for pick in picks:
        key = pick.page_id or pick.external_link_url
        if key in seen or (pick.page_id and pick.page_id not in allowed):
            continue
        seen.add(key)
        shown.append(pick)
    return shown
