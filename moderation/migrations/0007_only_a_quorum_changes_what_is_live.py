"""Take from single committee members the rights that changed the live site alone.

- Publishing (which in Wagtail also means unpublishing, moving and deleting live pages,
  reordering, and view restrictions): the quorum's approval publishes now, on its own
  authority (`moderation.workflow`), so no group needs it; administrators keep it.
- Editors' picks on the public search page: administrators make them.
- Wagtail's own "Moderators approval" workflow and its Moderators and Editors groups:
  nothing on this site assigns them, so they are removed while nobody is in them.
"""

from django.db import migrations

from moderation.constants import STEERING_COMMITTEE_GROUP
from moderation.permissions import ensure_permission

WAGTAIL_WORKFLOW = "Moderators approval"
WAGTAIL_GROUPS = ("Moderators", "Editors")
PICKS = ("wagtailsearchpromotions", "searchpromotion", ("add", "change", "delete"))


def take_away(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    Task = apps.get_model("wagtailcore", "Task")

    committee = Group.objects.filter(name=STEERING_COMMITTEE_GROUP).first()
    if committee is not None:
        GroupPagePermission.objects.filter(
            group=committee, permission__codename="publish_page"
        ).delete()
        app_label, model, actions = PICKS
        committee.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label=app_label,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )
    for workflow in Workflow.objects.filter(name=WAGTAIL_WORKFLOW):
        in_use = (
            WorkflowPage.objects.filter(workflow=workflow).exists()
            or WorkflowState.objects.filter(workflow=workflow).exists()
        )
        if not in_use:
            task_ids = list(workflow.workflow_tasks.values_list("task_id", flat=True))
            workflow.delete()
            Task.objects.filter(pk__in=task_ids, workflow_tasks__isnull=True).delete()
    Group.objects.filter(name__in=WAGTAIL_GROUPS, user__isnull=True).delete()


def give_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    committee = Group.objects.filter(name=STEERING_COMMITTEE_GROUP).first()
    root = Page.objects.filter(depth=1).first()
    if committee is None or root is None:
        return
    GroupPagePermission.objects.get_or_create(
        group=committee,
        page=root,
        permission=ensure_permission(apps, "wagtailcore", "page", "publish_page"),
    )
    app_label, model, actions = PICKS
    for action in actions:
        committee.permissions.add(ensure_permission(apps, app_label, model, f"{action}_{model}"))
    for name in WAGTAIL_GROUPS:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0006_decision_names_and_revision_texts"),
        ("search", "0002_spelling_vocabulary"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(take_away, give_back)]
