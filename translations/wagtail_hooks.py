"""Translations in the admin and on the site."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from .languages import is_source_language
from .models import TranslationRecord
from .views import OutOfDateTranslationsView, TranslatePageView, update_translation


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        # The address of simple_translation's own "Translate" screen, registered first (this
        # app comes before it in INSTALLED_APPS), so its links open the screen with our rules.
        path(
            "translation/submit/page/<int:page_id>/",
            TranslatePageView.as_view(),
            name="translations_translate_page",
        ),
        path(
            "translations/<int:page_id>/update/",
            update_translation,
            name="translations_update",
        ),
        path(
            "reports/out-of-date-translations/",
            OutOfDateTranslationsView.as_view(),
            name="translations_out_of_date",
        ),
        path(
            "reports/out-of-date-translations/results/",
            OutOfDateTranslationsView.as_view(results_only=True),
            name="translations_out_of_date_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_out_of_date_report():
    """Under Reports, for everyone who may translate: the members and the committee."""
    return MenuItem(
        gettext_lazy("Out-of-date translations"),
        reverse("translations_out_of_date"),
        icon_name="globe",
        order=900,
    )


@hooks.register("register_page_header_buttons")
def update_from_source_button(page, user, view_name, next_url=None):
    """In the editor of a translation behind its source: what changed in the source."""
    record = TranslationRecord.objects.filter(translation_id=page.pk).select_related("source")
    record = record.first()
    if record is not None and record.is_out_of_date:
        yield Button(
            gettext("What changed in the source"),
            reverse("translations_update", args=[page.pk]),
            icon_name="history",
            priority=50,
        )


@hooks.register("before_serve_page")
def serve_in_own_language(page, request, serve_args, serve_kwargs):
    """A page is served at its own language's address only. Wagtail routes an address in a
    language with no translation of the home page through the English pages (`/pt/…` reads
    as `/…`); the reader is sent to the page's own address instead, where its language is
    the page's."""
    language = translation.get_language()
    if is_source_language(language) or page.locale.language_code == language:
        return None
    return redirect(page.get_url(request))
