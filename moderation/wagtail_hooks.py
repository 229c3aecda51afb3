"""Admin hooks: quorum rules on publishing, the approvals panel, and who approved what."""

from django.contrib import messages
from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.models import Page, TaskState

from core.forms import SUBMIT_ACTIONS
from history.versions import ATTRIBUTION_HOOK, Attribution, public_name

from .models import QuorumApprovalTask, QuorumDecision, may_publish_directly
from .pending import pending_changes

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


@hooks.register(ATTRIBUTION_HOOK)
def attribute_quorum_approvals(revision_ids):
    """Who submitted each revision for approval, and who approved it."""
    found = {}
    approvers = {}
    for decision in QuorumDecision.objects.filter(
        revision_id__in=revision_ids, decision=QuorumDecision.Decision.APPROVE
    ).select_related("user"):
        approvers.setdefault(decision.revision_id, []).append(public_name(decision.user))
    proposers = {}
    for task_state in TaskState.objects.filter(revision_id__in=revision_ids).select_related(
        "workflow_state__requested_by"
    ):
        proposers.setdefault(
            task_state.revision_id, public_name(task_state.workflow_state.requested_by)
        )
    for revision_id in approvers.keys() | proposers.keys():
        found[revision_id] = Attribution(
            proposed_by=proposers.get(revision_id, ""),
            approved_by=tuple(approvers.get(revision_id, ())),
        )
    return found


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


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_of_shortfall(request, page):
    """After a submission, say at once if the change can never reach its quorum."""
    if request.method != "POST" or not any(request.POST.get(a) for a in SUBMIT_ACTIONS):
        return
    # Re-read: the editor's page object cached its workflow state before submission.
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    task = task_state.task.specific if task_state else None
    if isinstance(task, QuorumApprovalTask):
        shortfall = task.shortfall_message(task_state)
        if shortfall:
            messages.warning(request, shortfall)


class AwaitingApprovalPanel(Component):
    """Dashboard panel: every change waiting for a quorum, with its summary and progress."""

    name = "awaiting_quorum"
    order = 90
    template_name = "moderation/awaiting_approval_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        return {"changes": pending_changes(self.request.user), "request": self.request}


# Wagtail's "Awaiting your review" panel: ours lists the same changes with their progress, in a
# fixed number of queries, where Wagtail's asks the task about each change in turn.
WAGTAIL_REVIEW_PANEL = "workflow_objects_to_moderate"


@hooks.register("construct_homepage_panels")
def add_awaiting_approval_panel(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels[:] = [panel for panel in panels if panel.name != WAGTAIL_REVIEW_PANEL]
        panels.append(AwaitingApprovalPanel(request))
