"""Create the Members and Steering committee groups with their admin, page and media rights."""

from django.db import migrations

from moderation.constants import (
    COLLECTION_PERMISSIONS,
    MEMBERS_GROUP,
    MEMBERS_PAGE_PERMISSIONS,
    STEERING_COMMITTEE_GROUP,
    STEERING_COMMITTEE_PAGE_PERMISSIONS,
)
from moderation.permissions import ensure_permission

GROUP_PAGE_PERMISSIONS = {
    MEMBERS_GROUP: MEMBERS_PAGE_PERMISSIONS,
    STEERING_COMMITTEE_GROUP: STEERING_COMMITTEE_PAGE_PERMISSIONS,
}


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    access_admin = ensure_permission(apps, "wagtailadmin", "admin", "access_admin")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name, page_codenames in GROUP_PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        if root_page is not None:
            for codename in page_codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=ensure_permission(apps, "wagtailcore", "page", codename),
                )
        if root_collection is not None:
            for app_label, model, codenames in COLLECTION_PERMISSIONS:
                for codename in codenames:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=ensure_permission(apps, app_label, model, codename),
                    )


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=GROUP_PAGE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
