"""Changes to the network's records that live pages show go on those pages' public record,
and into what search finds on those pages.

Only administrators can make them (`network.permissions`); the record says what changed,
and the request's signed-in person is who did it (`history.middleware`).
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import translation
from wagtail.search.index import insert_or_update_object

from history.record import record_shown_change

from .models import Organisation, Person

# The fields of each record that pages show.
SHOWN = {
    Person: ("name", "organisation_id", "country", "is_example"),
    Organisation: ("name", "country", "region", "website", "membership_status", "member_since"),
}


def remember_shown(sender, instance, raw=False, **kwargs):
    """Before a save: the record as stored, and the live pages that show it. Rows loaded as
    they are (a restore, fixtures) are not changes."""
    if raw:
        return
    stored = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._before = (stored, stored.live_pages_showing() if stored else [])


def record_change(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    stored, pages = getattr(instance, "_before", (None, []))
    if created or stored is None:
        pages = instance.live_pages_showing()
        changed = [f"“{instance}” added"] if pages else []
    else:
        pages = {page.pk: page for page in [*pages, *instance.live_pages_showing()]}.values()
        changed = [
            f"{field.removesuffix('_id').replace('_', ' ')}: “{getattr(stored, field)}” → "
            f"“{getattr(instance, field)}”"
            for field in SHOWN[sender]
            if getattr(stored, field) != getattr(instance, field)
        ]
    if not changed:
        return
    label = _record_name(sender)
    for page in pages:
        record_shown_change(
            page, f"The {label} record of “{instance}” changed: " + "; ".join(changed)
        )
        insert_or_update_object(page.specific)


def _record_name(model):
    """The record's kind in English, as the public record is written, whatever language the
    editor's admin speaks."""
    with translation.override(None):
        return str(model._meta.verbose_name)


def record_deletion(sender, instance, **kwargs):
    instance._showing = instance.live_pages_showing()
    for page in instance._showing:
        record_shown_change(page, f"The {_record_name(sender)} record of “{instance}” was deleted.")


def reindex_after_deletion(sender, instance, **kwargs):
    """The pages that showed a deleted record, indexed again without it."""
    for page in getattr(instance, "_showing", []):
        insert_or_update_object(page.specific)


def connect():
    for model in SHOWN:
        pre_save.connect(remember_shown, sender=model, dispatch_uid=f"network.before.{model}")
        post_save.connect(record_change, sender=model, dispatch_uid=f"network.saved.{model}")
        pre_delete.connect(record_deletion, sender=model, dispatch_uid=f"network.deleted.{model}")
        post_delete.connect(
            reindex_after_deletion, sender=model, dispatch_uid=f"network.reindexed.{model}"
        )
