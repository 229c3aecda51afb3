"""Editors' picks: the pages the steering committee pins to common searches."""

from wagtail.contrib.search_promotions.models import SearchPromotion

from .query import words


def promotions(query_text, pages):
    """Editors' picks whose words all appear in the search, among `pages` (those the visitor
    may see); a pick pinned twice is shown once."""
    asked = set(words(query_text))
    picks = [
        pick
        for pick in SearchPromotion.objects.select_related("query", "page").order_by(
            "sort_order", "pk"
        )
        if set(words(pick.query.query_string)) and set(words(pick.query.query_string)) <= asked
    ]
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
