"""Let the steering committee pin pages to common searches (Promoted search results)."""

from django.db import migrations

from moderation.constants import STEERING_COMMITTEE_GROUP
from moderation.permissions import grant_model_permissions, revoke_model_permissions

APP_LABEL = "wagtailsearchpromotions"
MODEL = "searchpromotion"
ACTIONS = ("add", "change", "delete")


def grant(apps, schema_editor):
    grant_model_permissions(apps, STEERING_COMMITTEE_GROUP, APP_LABEL, MODEL, ACTIONS)


def revoke(apps, schema_editor):
    revoke_model_permissions(apps, [STEERING_COMMITTEE_GROUP], APP_LABEL, [MODEL])


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0004_network_record_permissions"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
