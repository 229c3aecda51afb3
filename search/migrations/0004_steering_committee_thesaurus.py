"""Let the steering committee keep the search thesaurus, as it keeps the editors' picks."""

from django.db import migrations

from moderation.constants import STEERING_COMMITTEE_GROUP
from moderation.permissions import grant_model_permissions, revoke_model_permissions

APP_LABEL = "search"
MODEL = "thesaurusentry"
ACTIONS = ("add", "change", "delete")


def grant(apps, schema_editor):
    grant_model_permissions(apps, STEERING_COMMITTEE_GROUP, APP_LABEL, MODEL, ACTIONS)


def revoke(apps, schema_editor):
    revoke_model_permissions(apps, [STEERING_COMMITTEE_GROUP], APP_LABEL, [MODEL])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_thesaurus"),
        ("moderation", "0004_network_record_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
