"""The open data's licence: the network's choice, set by administrators in the admin
(Settings → Open data); the demo uses CC BY 4.0."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="download")
class OpenDataSettings(BaseSiteSetting):
    licence_name = models.CharField(
        max_length=255,
        blank=True,
        help_text=_(
            "The licence others may reuse the data under, e.g. "
            "“Creative Commons Attribution 4.0 International (CC BY 4.0)”. "
            "Empty: the data page says no licence has been chosen yet."
        ),
        verbose_name=_("licence name"),
    )
    licence_url = models.URLField(
        blank=True, help_text=_("Where the licence can be read."), verbose_name=_("licence url")
    )

    panels = [FieldPanel("licence_name"), FieldPanel("licence_url")]

    class Meta:
        verbose_name = _("open data")
        verbose_name_plural = _("open data")

    def __str__(self):
        return self.licence_name or "No licence chosen"

    def licence(self):
        """{name, url} of the licence, or None while none is chosen."""
        if not self.licence_name:
            return None
        return {"name": self.licence_name, "url": self.licence_url or None}
