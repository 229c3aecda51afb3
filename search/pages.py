"""The pages a search looks through: those the visitor may view (`core.visibility`), in the
language being read: English at /search/, Spanish at /es/search/ (Wagtail's active locale)."""

from wagtail.models import Locale, Site

from core.visibility import visible_pages


def searchable_pages(user):
    """The live pages `user` may view, in the active language."""
    return visible_pages(user).filter(locale=Locale.get_active())


def site_name(request):
    """The name of the site searched: its name, or its home page's title."""
    site = Site.find_for_request(request)
    if site is None:
        return ""
    return site.site_name or site.root_page.title
