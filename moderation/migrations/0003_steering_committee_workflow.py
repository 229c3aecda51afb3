"""Create the "Steering committee approval" workflow and put the whole page tree under it."""

from django.db import migrations

from moderation.constants import (
    DEFAULT_REQUIRED_APPROVALS,
    QUORUM_TASK_NAME,
    STEERING_COMMITTEE_GROUP,
    WORKFLOW_NAME,
)


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    QuorumApprovalTask = apps.get_model("moderation", "QuorumApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="moderation", model="quorumapprovaltask"
    )
    task = QuorumApprovalTask.objects.filter(name=QUORUM_TASK_NAME).first()
    if task is None:
        task = QuorumApprovalTask.objects.create(
            name=QUORUM_TASK_NAME,
            content_type=task_type,
            required_approvals=DEFAULT_REQUIRED_APPROVALS,
        )
    task.groups.add(Group.objects.get(name=STEERING_COMMITTEE_GROUP))

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    # Assigned at the root, so it covers every page: procedures, objectives, network, meetings.
    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")
    QuorumApprovalTask = apps.get_model("moderation", "QuorumApprovalTask")

    WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME).delete()
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    QuorumApprovalTask.objects.filter(name=QUORUM_TASK_NAME).delete()
    # Give the root back to Wagtail's default workflow, as a fresh install has it.
    default = Workflow.objects.filter(name="Moderators approval").first()
    root_page = Page.objects.filter(depth=1).first()
    if default is not None and root_page is not None:
        WorkflowPage.objects.get_or_create(page=root_page, defaults={"workflow": default})


class Migration(migrations.Migration):
    dependencies = [("moderation", "0002_groups_and_permissions")]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
