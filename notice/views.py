"""Public notice of approved changes (/changes/upcoming/), objections, the answer to them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from history.diff import diff_sections
from pagecache.rules import reads_query

from . import lifecycle, periods
from .forms import AnswerForm, ObjectionForm
from .models import Notice

PER_PAGE = 50
PUBLIC = (Notice.Status.WAITING, Notice.Status.RETURNED)


def public_notices():
    """Approved changes waiting to take effect, on pages anyone may read, newest first."""
    return (
        Notice.objects.filter(status__in=PUBLIC, page__in=Page.objects.live().public())
        .select_related("page")
        .order_by("-approved_at", "-pk")
    )


@reads_query("page")
def upcoming(request):
    page_of = Paginator(public_notices(), PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "notice/upcoming.html", {"notices": page_of})


def _public_notice(notice_id):
    return get_object_or_404(public_notices(), pk=notice_id)


def _sections(obj):
    return obj.history_sections() if hasattr(obj, "history_sections") else []


def change(request, notice_id, form=None, status=200):
    """One announced change: what it changes, when it takes effect, the objections."""
    notice = _public_notice(notice_id)
    page = notice.page.specific
    live = page.live_revision.as_object() if page.live_revision else None
    changes = diff_sections(_sections(live) if live else [], _sections(notice.revision.as_object()))
    user = request.user
    context = {
        "notice": notice,
        "page": page,
        "changes": changes,
        "changed": [c for c in changes if c.kind != "unchanged"],
        "rule": periods.describe(notice.takes_effect_at),
        "objections": notice.objections.all(),
        "refusal": lifecycle.objection_refusal(notice, user),
        "standing": user.is_authenticated
        and notice.is_open_for_objections
        and notice.objections.filter(user=user, withdrawn_at__isnull=True).exists(),
        "form": form or ObjectionForm(),
    }
    response = TemplateResponse(request, "notice/change.html", context, status=status)
    if user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    return response


@require_POST
def object_to(request, notice_id):
    notice = _public_notice(notice_id)
    if not request.user.is_authenticated:
        messages.error(request, _("Sign in as a member of the network to object."))
        return change(request, notice_id, status=403)
    form = ObjectionForm(request.POST)
    if not form.is_valid():
        return change(request, notice_id, form=form, status=400)
    try:
        lifecycle.object_to(notice, request.user, form.cleaned_data["reason"])
    except PermissionDenied as refusal:
        messages.error(request, str(refusal))
        return change(request, notice_id, status=403)
    notice.refresh_from_db()
    if notice.status == Notice.Status.RETURNED:
        messages.success(
            request,
            _("Your objection is recorded: the change goes back to the steering committee."),
        )
    else:
        messages.success(request, _("Your objection is recorded and shown with your name."))
    return redirect("upcoming_change", notice_id=notice.pk)


@require_POST
def withdraw_objection(request, notice_id):
    notice = _public_notice(notice_id)
    if not request.user.is_authenticated:
        raise PermissionDenied(_("Sign in to withdraw your objection."))
    try:
        lifecycle.withdraw_objection(notice, request.user)
    except PermissionDenied as refusal:
        messages.error(request, str(refusal))
        return change(request, notice_id, status=403)
    messages.success(request, _("Your objection is withdrawn; the record keeps that you made it."))
    return redirect("upcoming_change", notice_id=notice.pk)


def answer(request, notice_id):
    """The committee's screen for a change sent back by objections (in the admin)."""
    notice = get_object_or_404(Notice.objects.select_related("page", "task"), pk=notice_id)
    form, status = AnswerForm(request.POST or None), 200
    if request.method == "POST":
        if form.is_valid():
            decide = (
                lifecycle.confirm
                if form.cleaned_data["decision"] == "confirm"
                else lifecycle.send_back
            )
            try:
                decide(notice, request.user, form.cleaned_data["comment"].strip())
            except PermissionDenied as refusal:
                messages.error(request, str(refusal))
                status = 403
            else:
                messages.success(request, _("Your answer is recorded."))
                return redirect("notice_answer", notice_id=notice.pk)
        else:
            status = 400
    notice.refresh_from_db()
    return TemplateResponse(
        request,
        "notice/answer.html",
        {
            "notice": notice,
            "form": form,
            "refusal": lifecycle.answer_refusal(notice, request.user),
            "confirmations": notice.confirmations.filter(answering_return=notice.returns),
            "header_title": _("Objections to the change to “%(title)s”")
            % {"title": notice.page.title},
        },
        status=status,
    )
