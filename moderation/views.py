"""The review screens: a change under review against the live version, a proposal to withdraw
a page, and the decisions on them."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, TaskState

from history.diff import diff_sections
from history.models import ChangeSummary

from . import withdrawals
from .forms import DecisionForm, WithdrawalDecisionForm, WithdrawalForm
from .models import QuorumApprovalTask, QuorumDecision, Withdrawal
from .pending import pending_changes, pending_withdrawals
from .refusals import Refusal
from .review import review_of


def _sections(obj, request):
    """`obj`'s sections as the reviewer making `request` may read them (the pages it names
    that they may view)."""
    if not hasattr(obj, "history_sections"):
        return []
    obj.shown_to = request
    return obj.history_sections()


def _live_and_proposed(page, revision, request):
    """(the live version's sections, the proposed version's sections)."""
    live = page.live_revision.as_object() if page.live and page.live_revision else None
    return (
        _sections(live, request) if live is not None else [],
        _sections(revision.as_object(), request),
    )


def review(request, task_state_id):
    """GET: the change, its diff, its approvals; POST: an approver's decision on it."""
    task_state = get_object_or_404(
        TaskState.objects.select_related("workflow_state__requested_by", "task"),
        pk=task_state_id,
    )
    task = task_state.task.specific
    page = task_state.workflow_state.content_object
    if not isinstance(task, QuorumApprovalTask) or not isinstance(page, Page):
        raise PermissionDenied(_("This is not a change under steering committee review."))
    page = page.specific
    if not page.permissions_for_user(request.user).can_edit() and not task.is_approver(
        request.user
    ):
        raise PermissionDenied(_("Only members of the network can read changes under review."))
    in_progress = (
        task_state.status == TaskState.STATUS_IN_PROGRESS
        and task_state.workflow_state.current_task_state_id == task_state.pk
    )
    form, status = None, 200
    if request.method == "POST":
        form = DecisionForm(request.POST)
        if not in_progress:
            messages.error(request, _("This change is no longer awaiting approval."))
            status, form = 409, None
        elif form.is_valid():
            data = form.cleaned_data
            try:
                task.on_action(
                    task_state,
                    request.user,
                    data["action"],
                    revision_id=data["revision_id"],
                    comment=data["comment"].strip(),
                )
            except PermissionDenied as refusal:
                messages.error(request, str(refusal))
                status = refusal.status if isinstance(refusal, Refusal) else 403
                form = None  # a fresh form, for the text as it is now
            else:
                return _after_decision(request, task_state, data["action"])
        else:
            status = 400
    return _render(request, task_state, task, page, in_progress, form, status)


def _after_decision(request, task_state, action):
    if action == QuorumDecision.Decision.REJECT:
        messages.success(
            request, _("Changes requested: the author has been told, with your comment.")
        )
        return redirect("wagtailadmin_home")
    task_state.refresh_from_db()
    if task_state.status == TaskState.STATUS_APPROVED:
        messages.success(request, _("Approved and published."))
        return redirect("wagtailadmin_home")
    tally = review_of(task_state).tally
    messages.success(
        request,
        _("Your approval is recorded: %(approved)s of %(required)s.")
        % {"approved": tally.approved, "required": tally.required},
    )
    return redirect("moderation_review", task_state_id=task_state.pk)


def _render(request, task_state, task, page, in_progress, form, status):
    workflow_state = task_state.workflow_state
    current = review_of(task_state) if in_progress else None
    revision = current.latest if current else task_state.revision
    live, proposed = _live_and_proposed(page, revision, request)
    changes = diff_sections(live, proposed)
    decisions = QuorumDecision.objects.filter(
        task_state__workflow_state=workflow_state
    ).select_related("revision")
    context = {
        "page": page,
        "task_state": task_state,
        "review": current,
        "revision": revision,
        "summary": ChangeSummary.objects.filter(revision=revision).first(),
        "changes": changes,
        "changed": [c for c in changes if c.kind != "unchanged"],
        "decisions": decisions,
        "refusal": current.refusal(request.user, revision.pk) if current else None,
        "can_decide": bool(current and current.is_approver(request.user)),
        "form": form or DecisionForm(initial={"revision_id": revision.pk}),
        "edit_url": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        "header_title": _("Review: %(title)s") % {"title": page.get_admin_display_title()},
    }
    return TemplateResponse(request, "moderation/review.html", context, status=status)


def propose_withdrawal(request, page_id):
    """The form to propose taking a live page off the site (or, for administrators, to do it)."""
    page = get_object_or_404(Page, pk=page_id).specific
    refusal = withdrawals.proposal_refusal(page, request.user)
    administrator = request.user.is_superuser
    if refusal and not administrator:
        return _refused(request, refusal)
    form = WithdrawalForm(request.POST or None, administrator=administrator)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data.get("now"):
                    withdrawals.withdraw_now(page, request.user, data["action"], data["reason"])
                    messages.success(
                        request,
                        _("“%(title)s” was withdrawn; it is on the record.")
                        % {"title": page.title},
                    )
                    return redirect("wagtailadmin_home")
                withdrawal = withdrawals.propose(page, request.user, data["action"], data["reason"])
            except PermissionDenied as error:
                return _refused(request, str(error))
            count = withdrawals.tally(withdrawal)
            messages.success(
                request,
                ngettext(
                    "Proposal sent: it needs %(count)s approval from the steering committee. "
                    "The page stays on the site until then.",
                    "Proposal sent: it needs %(count)s approvals from the steering committee. "
                    "The page stays on the site until then.",
                    count.required,
                )
                % {"count": count.required},
            )
            return redirect("moderation_withdrawal", withdrawal_id=withdrawal.pk)
        status = 400
    return TemplateResponse(
        request,
        "moderation/withdrawal_form.html",
        {
            "page": page,
            "form": form,
            "header_title": _("Withdraw “%(title)s”") % {"title": page.title},
        },
        status=status,
    )


def withdrawal(request, withdrawal_id):
    """A proposal to withdraw a page: the reason, the approvals so far, and the decision."""
    proposal = get_object_or_404(
        Withdrawal.objects.select_related("page", "task", "proposed_by"), pk=withdrawal_id
    )
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    form, status = WithdrawalDecisionForm(request.POST or None), 200
    if request.method == "POST":
        if form.is_valid():
            try:
                withdrawals.decide(
                    proposal,
                    request.user,
                    form.cleaned_data["decision"],
                    form.cleaned_data["comment"].strip(),
                )
            except PermissionDenied as refusal:
                messages.error(request, str(refusal))
                status = refusal.status if isinstance(refusal, Refusal) else 403
            else:
                proposal.refresh_from_db()
                if proposal.status == Withdrawal.Status.APPROVED:
                    messages.success(
                        request,
                        _("Approved: “%(title)s” was withdrawn.") % {"title": proposal.page_title},
                    )
                elif proposal.status == Withdrawal.Status.REJECTED:
                    messages.success(request, _("Refused: the page stays on the site."))
                else:
                    count = withdrawals.tally(proposal)
                    messages.success(
                        request,
                        _("Your approval is recorded: %(approved)s of %(required)s.")
                        % {"approved": count.approved, "required": count.required},
                    )
                return redirect("moderation_withdrawal", withdrawal_id=proposal.pk)
        else:
            status = 400
    return TemplateResponse(
        request,
        "moderation/withdrawal.html",
        {
            "withdrawal": proposal,
            "tally": withdrawals.tally(proposal),
            "refusal": withdrawals.decision_refusal(proposal, request.user),
            "form": form,
            "header_title": _("Withdrawal of “%(title)s”") % {"title": proposal.page_title},
        },
        status=status,
    )


def _refused(request, message):
    return TemplateResponse(request, "core/refused.html", {"message": message}, status=403)


def proposals(request):
    """Every change and withdrawal under review, for the network's members (the public site's
    /proposals/): what, by whom, since when, how many approvals, and where to read it."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied(_("The proposals under review are for the network's members."))
    response = TemplateResponse(
        request,
        "moderation/proposals.html",
        {
            "changes": pending_changes(request.user),
            "withdrawals": pending_withdrawals(request.user),
        },
    )
    patch_cache_control(response, private=True, no_cache=True, no_store=True)
    return response
