"""The pages a search looks through: those the visitor may view (`core.visibility`), in the
language being read: English at /search/, Spanish at /es/search/ (Wagtail's active locale)."""

from wagtail.models import Locale

from core.visibility import visible_pages


def searchable_pages(user):
    """The live pages `user` may view, in the active language."""
    return visible_pages(user).filter(locale=Locale.get_active())
