"""What each translation translates: the approved version of its source it follows."""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class TranslationRecordQuerySet(models.QuerySet):
    def out_of_date(self):
        """Live translations whose live source has been published again since the version
        they follow (or that follow none: translated from a draft that has since gone live)."""
        return self.filter(translation__live=True, source__live=True).exclude(
            follows_id=F("source__live_revision_id")
        )


class TranslationRecord(models.Model):
    """The version of its source a translation follows.

    Made when the translation is copied from its source (`signals.py`): it follows the
    source's live version then. A translator bringing it up to date names the source's
    version they are translating (`updating_to`); when their change to the translation is
    approved and published, the translation follows that version. So a translation never
    claims to follow a version no approved change of it translated.
    """

    translation = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="translation_record",
        verbose_name=_("translation"),
    )
    source = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="translation_records",
        verbose_name=_("source"),
    )
    # The source's published revision the live translation follows: a version on its record.
    follows = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("follows"),
    )
    # The source's revision the translation's next approved change follows, when a translator
    # has started bringing it up to date.
    updating_to = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("updating to"),
    )

    objects = TranslationRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation record")
        verbose_name_plural = _("translation records")

    def __str__(self):
        return f"{self.translation} follows revision {self.follows_id} of {self.source}"

    @property
    def is_out_of_date(self):
        return self.source.live and self.follows_id != self.source.live_revision_id
