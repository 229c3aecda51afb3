"""Members and the steering committee may copy a page for translation: the copy is a draft,
which goes live only through the committee's approval, as every change does."""

from django.db import migrations

from moderation.constants import MEMBERS_GROUP, STEERING_COMMITTEE_GROUP

GROUPS = (MEMBERS_GROUP, STEERING_COMMITTEE_GROUP)


def translation_permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="simple_translation", model="simpletranslation"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = translation_permission(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = translation_permission(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0002_translation_records"),
        ("moderation", "0002_groups_and_permissions"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
