"""Which pages a visitor may find."""

from django.db.models import Q
from wagtail.models import BaseViewRestriction, Locale, Page, PageViewRestriction


def visible_pages(user):
    """The live pages `user` may view, in the language being read (English at /search/,
    Spanish at /es/search/): public ones for visitors; for members, also those behind a login
    or a group they belong to. Password-protected pages stay out of search."""
    pages = Page.objects.live().filter(locale=Locale.get_active())
    if not user.is_authenticated:
        return pages.public()
    hidden = Q()
    group_ids = None
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
        "groups"
    ):
        if restriction.restriction_type == BaseViewRestriction.LOGIN:
            continue
        if restriction.restriction_type == BaseViewRestriction.GROUPS:
            if user.is_superuser:
                continue
            if group_ids is None:
                group_ids = set(user.groups.values_list("pk", flat=True))
            if group_ids & {group.pk for group in restriction.groups.all()}:
                continue
        hidden |= Q(path__startswith=restriction.page.path)
    return pages.exclude(hidden) if hidden else pages
