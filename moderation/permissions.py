"""Helpers for data migrations that give groups permissions.

Permissions are normally created after all migrations have run, so a data migration that
grants one makes sure it exists first. Pass the migration's `apps` (historical models).
"""


def ensure_permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": "Can " + codename.replace("_", " ")},
    )
    return permission


def grant_model_permissions(apps, group_name, app_label, model, actions):
    """Give the group `group_name` the `actions` ("add", "change", …) on `app_label.model`."""
    group = apps.get_model("auth", "Group").objects.get(name=group_name)
    for action in actions:
        group.permissions.add(ensure_permission(apps, app_label, model, f"{action}_{model}"))


def revoke_model_permissions(apps, group_names, app_label, models):
    """Take every permission on `app_label`'s `models` away from the groups named."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label=app_label, content_type__model__in=models
    )
    for group in Group.objects.filter(name__in=group_names):
        group.permissions.remove(*permissions)
