"""The site's languages, and the languages each page can be read in.

English (`settings.LANGUAGE_CODE`) is the source language: every page is written in English
first and may be translated into the other languages of `settings.WAGTAIL_CONTENT_LANGUAGES`.
A translation is a page of its own in its language's locale, linked to its source by Wagtail's
translation key.
"""

import dataclasses

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page


def language_name(code):
    """The language called `code`, named in itself ("Español")."""
    return dict(settings.WAGTAIL_CONTENT_LANGUAGES)[code]


def language_name_here(code):
    """The language called `code`, named in the language being read now ("inglés" in
    Spanish), without its region."""
    return translation.get_language_info(code.split("-")[0])["name_translated"]


def is_enabled(locale):
    """Whether pages may be translated into `locale` and published in it."""
    return locale.language_code in dict(settings.WAGTAIL_CONTENT_LANGUAGES)


def enabled_locales():
    """The locales of the enabled languages, as a query."""
    return Locale.objects.filter(language_code__in=dict(settings.WAGTAIL_CONTENT_LANGUAGES))


def is_source_language(code):
    return code == settings.LANGUAGE_CODE


@dataclasses.dataclass(frozen=True)
class PageLanguage:
    """One language a page can be read in: its code, its name and the page in it."""

    code: str
    name: str
    page: Page
    current: bool

    @property
    def bidi(self):
        return translation.get_language_info(self.code)["bidi"]


def page_languages(page):
    """The languages `page` can be read in, in the order of the site's languages: itself and
    every live, public translation of it (or source), read in one query. Drafts, pages off
    the site and private pages are never offered."""
    readable = {
        other.locale.language_code: other
        for other in Page.objects.filter(translation_key=page.translation_key)
        .live()
        .public()
        .select_related("locale")
    }
    own = next((code for code, other in readable.items() if other.pk == page.pk), None)
    if own is None:
        own = page.locale.language_code
        readable[own] = page
    return [
        PageLanguage(code, name, readable[code], code == own)
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code in readable
    ]
