"""The translators' admin screens: copying a page for translation, bringing a translation up
to date with its source, and the report of translations behind their source."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView
from wagtail.models import Locale, Page

from history.diff import diff_sections
from history.versions import PageHistory

from .forms import TranslatePageForm
from .languages import enabled_locales
from .models import TranslationRecord
from .staleness import staleness_of


class TranslatePageView(SubmitPageTranslationView):
    """simple_translation's "Translate" screen with the site's rules (TranslatePageForm). The
    copy is a draft in the new language: it goes live only through the steering committee's
    approval, like every change."""

    def get_form(self):
        if self.request.method == "POST":
            return TranslatePageForm(self.object, self.request.POST)
        return TranslatePageForm(self.object)


def _translation_record(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    record = get_object_or_404(
        TranslationRecord.objects.select_related("source", "source__locale"), translation=page
    )
    return page, record


def update_translation(request, page_id):
    """What changed in the source since the version the translation follows, clause by
    clause; posting starts bringing the translation up to date: its next approved change
    follows the source's current version."""
    page, record = _translation_record(request, page_id)
    staleness = staleness_of(record)
    if request.method == "POST":
        if staleness is None:
            messages.error(request, gettext("This translation already follows the current source."))
        else:
            record.updating_to_id = staleness.source.live_revision_id
            record.save(update_fields=["updating_to"])
            messages.success(
                request,
                gettext(
                    "When your change to “%(title)s” is approved, it will follow version "
                    "%(number)s of “%(source)s”."
                )
                % {
                    "title": page.title,
                    "number": staleness.current.number,
                    "source": staleness.source.title,
                },
            )
        return redirect("wagtailadmin_pages:edit", page.pk)
    changes = []
    if staleness and staleness.followed and staleness.current:
        changes = diff_sections(
            staleness.source.as_published(staleness.followed).history_sections(),
            staleness.source.as_published(staleness.current).history_sections(),
        )
    return TemplateResponse(
        request,
        "translations/update_translation.html",
        {
            "page": page,
            "record": record,
            "staleness": staleness,
            "changes": changes,
            "changed": [change for change in changes if change.kind != "unchanged"],
        },
    )


class OutOfDateFilterSet(WagtailFilterSet):
    locale = django_filters.ModelChoiceFilter(
        label=_("Language"),
        field_name="translation__locale",
        queryset=lambda request: enabled_locales().exclude(pk=Locale.get_default().pk),
        empty_label=_("All languages"),
    )

    class Meta:
        model = TranslationRecord
        fields = ["locale"]


class OutOfDateTranslationsView(ReportView):
    """Live translations whose source has an approved version they do not follow yet."""

    page_title = _("Out-of-date translations")
    header_icon = "globe"
    filterset_class = OutOfDateFilterSet
    index_url_name = "translations_out_of_date"
    index_results_url_name = "translations_out_of_date_results"
    columns = [
        TitleColumn(
            "translation",
            label=_("Translation"),
            get_url=lambda record: reverse("translations_update", args=[record.translation_id]),
        ),
        Column("language", label=_("Language"), accessor="translation.locale.get_display_name"),
        Column("source", label=_("Source")),
        Column("followed", label=_("Follows version"), accessor="staleness.followed.number"),
        Column("current", label=_("Source now at"), accessor="staleness.current.number"),
    ]

    def get_queryset(self):
        return (
            TranslationRecord.objects.out_of_date()
            .select_related("translation", "translation__locale", "source", "source__locale")
            .order_by("translation__locale__language_code", "translation__title", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        records = list(object_list)
        histories = PageHistory.for_pages([record.source_id for record in records])
        sources = Page.objects.filter(pk__in=histories).specific().in_bulk()
        for record in records:
            record.source = sources.get(record.source_id, record.source)
            record.staleness = staleness_of(record, histories.get(record.source_id))
        return records
