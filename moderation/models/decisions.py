"""What every decision of a committee member records, whatever it decides on."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CommitteeDecision(models.Model):
    """One committee member's decision, with their public name when they decided (the record
    keeps it whatever later happens to the account) and their comment. Subclasses add what
    is decided on and the choices of `decision`."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    name = models.CharField(max_length=255, blank=True, verbose_name=_("name"))
    comment = models.TextField(blank=True, verbose_name=_("comment"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]
