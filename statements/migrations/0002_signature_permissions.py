"""Let the steering committee review signatures: see them (with the signers' email addresses)
and hide or approve them. Nobody is given "add": no one signs on behalf of another."""

from django.db import migrations

from moderation.constants import STEERING_COMMITTEE_GROUP
from moderation.permissions import grant_model_permissions, revoke_model_permissions

SIGNATURE_PERMISSIONS = {STEERING_COMMITTEE_GROUP: ("view", "change")}


def grant(apps, schema_editor):
    for group_name, actions in SIGNATURE_PERMISSIONS.items():
        grant_model_permissions(apps, group_name, "statements", "signature", actions)


def revoke(apps, schema_editor):
    revoke_model_permissions(apps, SIGNATURE_PERMISSIONS, "statements", ("signature",))


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0002_groups_and_permissions"),
        ("statements", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
