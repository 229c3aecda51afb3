"""Let the steering committee pin pages to common searches (Promoted search results)."""

from django.db import migrations

from moderation.constants import STEERING_COMMITTEE_GROUP

APP_LABEL = "wagtailsearchpromotions"
MODEL = "searchpromotion"
ACTIONS = ("add", "change", "delete")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.get(name=STEERING_COMMITTEE_GROUP)
    content_type, _ = ContentType.objects.get_or_create(app_label=APP_LABEL, model=MODEL)
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{MODEL}",
            defaults={"name": f"Can {action} search promotion"},
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label=APP_LABEL, content_type__model=MODEL
    )
    for group in Group.objects.filter(name=STEERING_COMMITTEE_GROUP):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0004_network_record_permissions"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
