"""Admin hooks: quorum rules on publishing, the approvals panel, and who approved what."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.models import Page

from core.forms import SUBMIT_ACTIONS
from history.record import has_record

from .editing import change_under_review, edit_warning, save_refusal, under_review_notice
from .models import QuorumApprovalTask, may_publish_directly, needs_quorum
from .page_access import readable_pages
from .pending import (
    changes_requested_of,
    pending_changes,
    pending_withdrawals,
    requested_changes,
)
from .views import propose_withdrawal, review, withdrawal

QUORUM_REFUSAL = gettext_lazy(
    "Changes here go live only when a quorum of the steering committee has approved them: "
    "submit the change for approval instead of publishing it."
)


@hooks.register("construct_page_chooser_queryset")
def leave_out_pages_hidden_from_the_chooser(pages, request):
    """The page chooser (browse and search) lists no page the user may not read here."""
    return readable_pages(pages, request.user)


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    @actions.register_action("moderation.approve")
    class ApproveAction(LogFormatter):
        label = gettext_lazy("Approve (quorum)")

        def format_message(self, log_entry):
            data = log_entry.data
            message = _("Approved: %(approvals)s of %(required)s approvals") % {
                "approvals": data.get("approvals"),
                "required": data.get("required"),
            }
            if data.get("comment"):
                message += f" — “{data['comment']}”"
            return message


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path("moderation/changes/<int:task_state_id>/", review, name="moderation_review"),
        path(
            "moderation/withdraw/<int:page_id>/",
            propose_withdrawal,
            name="moderation_propose_withdrawal",
        ),
        path(
            "moderation/withdrawals/<int:withdrawal_id>/",
            withdrawal,
            name="moderation_withdrawal",
        ),
    ]


class ProposeWithdrawalButton(PageMenuItem):
    """Instead of Wagtail's Unpublish and Delete: a proposal the quorum decides on."""

    label = gettext_lazy("Propose to withdraw")
    icon_name = "warning"
    url_name = "moderation_propose_withdrawal"

    def is_shown(self, user):
        return self.page.live and self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def withdrawal_header_button(page, user, view_name, next_url=None):
    yield ProposeWithdrawalButton(page=page, priority=55)


@hooks.register("register_page_listing_more_buttons")
def withdrawal_listing_button(page, user, next_url=None):
    yield ProposeWithdrawalButton(page=page, priority=35)


def _to_withdrawal_form(request, page):
    """Unpublishing or deleting a page on the public record goes through the withdrawal form,
    which asks for the reason, for administrators too."""
    if page.live and has_record(page.pk):
        messages.info(
            request, _("Say why this page should go: the reason goes on its public record.")
        )
        return redirect("moderation_propose_withdrawal", page_id=page.pk)
    return None


@hooks.register("before_unpublish_page")
def unpublish_through_withdrawal(request, page):
    return _to_withdrawal_form(request, page)


@hooks.register("before_delete_page")
def delete_through_withdrawal(request, page):
    return _to_withdrawal_form(request, page)


def refusal(request, message):
    """A 403 page in the admin that says why, instead of a bare redirect."""
    return TemplateResponse(request, "core/refused.html", {"message": message}, status=403)


def _publish_refusal(request, page, can_publish):
    if request.method != "POST" or not request.POST.get("action-publish"):
        return None
    if not can_publish:
        return refusal(request, _("You do not have permission to publish here."))
    if not may_publish_directly(request.user, page):
        return refusal(request, QUORUM_REFUSAL)
    return None


@hooks.register("before_edit_page")
def explain_what_an_edit_does(request, page):
    """Approvers learn what saving an edit would do before they do it; a save that would leave
    the change unable to pass is refused. Authors see the request for changes, if any."""
    review = change_under_review(page) if page.workflow_in_progress else None
    if request.method == "GET":
        if review is not None:
            warning = edit_warning(review, request.user) or under_review_notice(review)
            messages.warning(request, warning)
        else:
            requested = requested_changes(page)
            if requested is not None:
                messages.warning(request, requested)
        return None
    if review is not None and not request.POST.get("action-cancel-workflow"):
        refused = save_refusal(request, page, review)
        if refused:
            return TemplateResponse(
                request,
                "core/refused.html",
                {"message": refused, "page": page},
                status=409,
            )
    return None


@hooks.register("before_edit_page")
def refuse_direct_publish_on_edit(request, page):
    can_publish = page.permissions_for_user(request.user).can_publish()
    return _publish_refusal(request, page, can_publish)


@hooks.register("before_create_page")
def refuse_direct_publish_on_create(request, parent_page, page_class):
    can_publish = parent_page.permissions_for_user(request.user).can_publish_subpage()
    return _publish_refusal(request, parent_page, can_publish)


ALIAS_REFUSAL = gettext_lazy(
    "An alias is a live page from the moment it is made, with no approval and no history: "
    "make a copy instead (a copy is a draft, which you can submit for approval)."
)


@hooks.register("before_copy_page")
def refuse_live_copies_and_aliases(request, page):
    """Copies of a page the quorum covers start as drafts; aliases, which are live at once,
    are for administrators."""
    if request.method != "POST" or may_publish_directly(request.user, page):
        return None
    if request.POST.get("alias"):
        return refusal(request, ALIAS_REFUSAL)
    if request.POST.get("publish_copies"):
        return refusal(request, QUORUM_REFUSAL)
    return None


BULK_WITHDRAWAL_REFUSAL = gettext_lazy(
    "Pages on the public record are taken off the site one at a time, with the reason for "
    "the record: use “Propose to withdraw” on each page."
)


@hooks.register("before_bulk_action")
def refuse_bulk_changes_to_live_pages(request, action_type, objects, action_class_instance):
    publishing = action_type == "publish" and not request.user.is_superuser
    if publishing and any(not may_publish_directly(request.user, obj) for obj in objects):
        return refusal(request, QUORUM_REFUSAL)
    withdrawing = action_type in {"unpublish", "delete"}
    if withdrawing and any(obj.live and has_record(obj.pk) for obj in objects):
        return refusal(request, BULK_WITHDRAWAL_REFUSAL)
    return None


@hooks.register("construct_page_action_menu")
def submit_for_approval_first(menu_items, request, context):
    """Where a quorum decides, "Submit for approval" is the editor's main button (Wagtail makes
    the first item the main one) and only administrators see "Publish"."""
    page = context.get("page") or context.get("parent_page")
    if page is None or not needs_quorum(page):
        return
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
    menu_items.sort(key=lambda item: item.name != "action-submit")


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def say_what_the_submission_needs(request, page):
    """After a submission: how many approvals it needs, or at once that it can never get them."""
    if request.method != "POST" or not any(request.POST.get(a) for a in SUBMIT_ACTIONS):
        return
    # Re-read: the editor's page object cached its workflow state before submission.
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    task = task_state.task.specific if task_state else None
    if not isinstance(task, QuorumApprovalTask):
        return
    tally = task.progress(task_state)
    if tally.shortfall_message:
        messages.warning(request, tally.shortfall_message)
    else:
        messages.info(
            request,
            _(
                "It needs %(required)s approvals from the steering committee, from people who "
                "did not write it. The live page does not change until then."
            )
            % {"required": tally.required},
        )


class AwaitingApprovalPanel(Component):
    """Dashboard panel: every change waiting for a quorum, with its summary and progress."""

    name = "awaiting_quorum"
    order = 90
    template_name = "moderation/awaiting_approval_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        changes = pending_changes(user)
        yours = [change for change in changes if change.can_approve]
        return {
            "yours": yours,
            "others": [change for change in changes if not change.can_approve],
            "withdrawals": pending_withdrawals(user),
            "sent_back": changes_requested_of(user),
            "request": self.request,
        }


# Wagtail's "Awaiting your review" panel: ours lists the same changes with their progress, in a
# fixed number of queries, where Wagtail's asks the task about each change in turn.
WAGTAIL_REVIEW_PANEL = "workflow_objects_to_moderate"


@hooks.register("construct_homepage_panels")
def add_awaiting_approval_panel(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels[:] = [panel for panel in panels if panel.name != WAGTAIL_REVIEW_PANEL]
        panels.append(AwaitingApprovalPanel(request))
