"""Let the steering committee keep the records of organisations and people.

Members can see and choose them (as facilitators, convenors, seat holders); changing who
is a member organisation is the committee's job, as the joining procedure says.
"""

from django.db import migrations

from moderation.constants import MEMBERS_GROUP, STEERING_COMMITTEE_GROUP

RECORD_PERMISSIONS = {
    MEMBERS_GROUP: ("view",),
    STEERING_COMMITTEE_GROUP: ("view", "add", "change", "delete"),
}
RECORD_MODELS = ("organisation", "person")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, actions in RECORD_PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        for model in RECORD_MODELS:
            content_type, _ = ContentType.objects.get_or_create(app_label="network", model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="network", content_type__model__in=RECORD_MODELS
    )
    for group in Group.objects.filter(name__in=RECORD_PERMISSIONS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0003_steering_committee_workflow"),
        ("network", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
