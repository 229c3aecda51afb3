"""Let the steering committee keep the records of organisations and people.

Members can see and choose them (as facilitators, convenors, seat holders); changing who
is a member organisation is the committee's job, as the joining procedure says.
"""

from django.db import migrations

from moderation.constants import MEMBERS_GROUP, STEERING_COMMITTEE_GROUP
from moderation.permissions import grant_model_permissions, revoke_model_permissions

RECORD_PERMISSIONS = {
    MEMBERS_GROUP: ("view",),
    STEERING_COMMITTEE_GROUP: ("view", "add", "change", "delete"),
}
RECORD_MODELS = ("organisation", "person")


def grant(apps, schema_editor):
    for group_name, actions in RECORD_PERMISSIONS.items():
        for model in RECORD_MODELS:
            grant_model_permissions(apps, group_name, "network", model, actions)


def revoke(apps, schema_editor):
    revoke_model_permissions(apps, RECORD_PERMISSIONS, "network", RECORD_MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0003_steering_committee_workflow"),
        ("network", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
