"""Admin hooks: quorum rules on publishing, change summaries, and the approvals panel."""

from django.contrib import messages
from django.db.models import F
from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.models import Page, TaskState

from .constants import CHANGE_SUMMARY_MAX_LENGTH
from .forms import SUBMIT_ACTIONS
from .models import ChangeSummary, QuorumApprovalTask, may_publish_directly
from .summaries import record_change_summary

QUORUM_REFUSAL = (
    "Changes here go live only when a quorum of the steering committee has approved them: "
    "submit the change for approval instead of publishing it."
)


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    @actions.register_action("moderation.approve")
    class ApproveAction(LogFormatter):
        label = "Approve (quorum)"

        def format_message(self, log_entry):
            data = log_entry.data
            message = f"Approved: {data.get('approvals')} of {data.get('required')} approvals"
            if data.get("comment"):
                message += f" — “{data['comment']}”"
            return message

    @actions.register_action("moderation.change_summary")
    class ChangeSummaryAction(LogFormatter):
        label = "Change summary"

        def format_message(self, log_entry):
            return f"Change summary: “{log_entry.data.get('summary', '')}”"


def refusal(request, message):
    """A 403 page in the admin that says why, instead of a bare redirect."""
    return TemplateResponse(request, "moderation/refused.html", {"message": message}, status=403)


def _publish_refusal(request, page, can_publish):
    if request.method != "POST" or not request.POST.get("action-publish"):
        return None
    if not can_publish:
        return refusal(request, "You do not have permission to publish here.")
    if not may_publish_directly(request.user, page):
        return refusal(request, QUORUM_REFUSAL)
    return None


@hooks.register("before_edit_page")
def refuse_direct_publish_on_edit(request, page):
    can_publish = page.permissions_for_user(request.user).can_publish()
    return _publish_refusal(request, page, can_publish)


@hooks.register("before_create_page")
def refuse_direct_publish_on_create(request, parent_page, page_class):
    can_publish = parent_page.permissions_for_user(request.user).can_publish_subpage()
    return _publish_refusal(request, parent_page, can_publish)


@hooks.register("before_copy_page")
def refuse_publishing_copies(request, page):
    if (
        request.method == "POST"
        and request.POST.get("publish_copies")
        and not may_publish_directly(request.user, page)
    ):
        return refusal(request, QUORUM_REFUSAL)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish" or request.user.is_superuser:
        return
    if any(not may_publish_directly(request.user, obj) for obj in objects):
        return refusal(request, QUORUM_REFUSAL)
    return None


@hooks.register("construct_page_action_menu")
def hide_publish_button(menu_items, request, context):
    page = context.get("page") or context.get("parent_page")
    if page is not None and not may_publish_directly(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def _after_save(request, page):
    if request.method != "POST":
        return
    text = request.POST.get("change_summary", "")[:CHANGE_SUMMARY_MAX_LENGTH]
    revision = page.get_latest_revision()
    existing = ChangeSummary.objects.filter(revision=revision).first() if revision else None
    if text.strip() and (existing is None or existing.text != " ".join(text.split())):
        record_change_summary(page, text, user=request.user)
    if any(request.POST.get(action) for action in SUBMIT_ACTIONS):
        # Re-read: the editor's page object cached its workflow state before submission.
        task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
        task = task_state.task.specific if task_state else None
        if isinstance(task, QuorumApprovalTask):
            shortfall = task.shortfall_message(task_state)
            if shortfall:
                messages.warning(request, shortfall)


@hooks.register("after_edit_page")
def after_edit_page(request, page):
    _after_save(request, page)


@hooks.register("after_create_page")
def after_create_page(request, page):
    _after_save(request, page)


class AwaitingApprovalPanel(Component):
    """Dashboard panel: every change waiting for a quorum, with its summary and progress."""

    name = "awaiting_quorum"
    order = 90
    template_name = "moderation/awaiting_approval_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        task_states = (
            TaskState.objects.filter(
                status=TaskState.STATUS_IN_PROGRESS,
                task__in=QuorumApprovalTask.objects.all(),
                workflow_state__current_task_state_id=F("id"),
            )
            .select_related("workflow_state__requested_by", "task")
            .order_by("started_at")
        )
        changes = []
        for task_state in task_states:
            page = task_state.workflow_state.content_object
            if not isinstance(page, Page):
                continue
            page = page.specific_deferred
            task = task_state.task.specific
            revision = page.get_latest_revision()
            approved, required, _ = task.progress(task_state)
            summary = ChangeSummary.objects.filter(revision=revision).first()
            changes.append(
                {
                    "page": page,
                    "summary": summary.text if summary else "",
                    "requested_by": task_state.workflow_state.requested_by,
                    "approved": approved,
                    "required": required,
                    "approvers": [d.user for d in task.approvals(task_state, revision)],
                    "shortfall": task.shortfall_message(task_state),
                    "can_approve": task.approval_refusal(task_state, self.request.user) is None,
                }
            )
        return {"changes": changes, "request": self.request}


@hooks.register("construct_homepage_panels")
def add_awaiting_approval_panel(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(AwaitingApprovalPanel(request))
