"""Template tags for the languages of a page: the language switcher and hreflang links."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from translations.languages import page_languages as languages_of
from translations.staleness import page_staleness

register = template.Library()


@register.simple_tag
def page_languages(page):
    """[PageLanguage, …]: the languages `page` can be read in (translations.languages)."""
    return languages_of(page) if getattr(page, "pk", None) else []


@register.inclusion_tag("translations/language_switcher.html", takes_context=True)
def language_switcher(context, languages):
    """The languages the page can be read in, the current one marked; nothing when it can be
    read in its own language only."""
    return {"languages": languages, "request": context.get("request")}


@register.inclusion_tag("translations/staleness_notice.html")
def staleness_notice(page):
    """At the top of a translation behind its source: which version it follows, which the
    source is at, and a link to what changed between them."""
    return {"staleness": page_staleness(page)}


@register.simple_tag
def source_language_url(name):
    """The address of the route `name` in the source language, English, when another language
    is being read; "" in English."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(name)
