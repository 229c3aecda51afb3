"""The life of an approved change in its notice period.

- `announce()`: the quorum approved it; it waits, announced, until `takes_effect_at` (the one
  rule for the last day is `notice.periods`); a background job is scheduled for that moment.
- `object_to()`: a member objects, once, with a reason, before the deadline. When the
  objections reach the task's threshold, or a committee member who did not approve objects,
  the change goes back to the committee (`RETURNED`): it does not take effect; the approvals
  stay on the record.
- `confirm()`: committee members confirm a returned change; when as many as its quorum have,
  a new notice period starts. `send_back()`: a committee member asks for changes instead, and
  the announced text never takes effect.
- `take_effect()`: run by the worker at the moment (or as soon as it runs again): publishes the
  announced text, on the quorum's authority, with the notice on the public record.

Every refusal raises PermissionDenied with the reason, for a person to read; nothing is stored.
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Revision

from history.models import ChangeSummary
from history.record import public_name
from moderation import notifications
from moderation.workflow import approval_of, publish_on_quorum_authority

from . import periods
from .models import Confirmation, Notice, Objection


def announce(workflow_state, task, now=None):
    """Start the notice period of the change the quorum just approved."""
    revision, proposed_by, approved_by, approvers = approval_of(workflow_state)
    now = now or timezone.now()
    summary = ChangeSummary.objects.filter(revision=revision).values_list("text", flat=True)
    notice = Notice.objects.create(
        page=workflow_state.content_object,
        revision=revision,
        task=task,
        proposed_by_user=workflow_state.requested_by,
        summary=(summary.first() or "")[:255],
        proposed_by=proposed_by,
        approved_by=list(approved_by),
        approver_ids=[user.pk for user in approvers],
        approved_at=now,
        takes_effect_at=periods.takes_effect_at(now, task.notice_days),
    )
    _schedule(notice)
    _tell_members(notice)
    return notice


def _schedule(notice):
    from .tasks import take_effect_when_due

    transaction.on_commit(
        lambda: take_effect_when_due.using(run_after=notice.takes_effect_at).enqueue(notice.pk)
    )


def objection_refusal(notice, user, now=None):
    """Why `user` may not object to `notice` now, or None."""
    now = now or timezone.now()
    if not user.is_authenticated:
        return _("Sign in as a member of the network to object.")
    if not user.has_perm("wagtailadmin.access_admin"):
        return _("Only members of the network can object.")
    if notice.status != Notice.Status.WAITING:
        return _("This change is not waiting out a notice period: objections are closed.")
    if now >= notice.takes_effect_at:
        return _("The notice period ended: %(rule)s.") % {
            "rule": periods.describe(notice.takes_effect_at)
        }
    if notice.objections.filter(user=user, withdrawn_at__isnull=True).exists():
        return _("You have already objected to this change.")
    return None


@transaction.atomic
def object_to(notice, user, reason, now=None):
    """Record `user`'s objection; send the change back when the objections call for it."""
    now = now or timezone.now()
    notice = Notice.objects.select_for_update(of=("self",)).select_related("task").get(pk=notice.pk)
    refusal = objection_refusal(notice, user, now)
    if refusal:
        raise PermissionDenied(refusal)
    committee = list(notice.task.approvers()) if notice.task else []
    from_committee = user in committee and user.pk not in notice.approver_ids
    try:
        with transaction.atomic():
            objection = Objection.objects.create(
                notice=notice,
                user=user,
                name=public_name(user),
                reason=reason,
                from_committee=from_committee,
                created_at=now,
            )
    except IntegrityError:
        raise PermissionDenied(_("You have already objected to this change.")) from None
    standing = notice.objections.filter(withdrawn_at__isnull=True).count()
    threshold = notice.task.objection_threshold if notice.task else 1
    if from_committee or standing >= threshold:
        notice.status, notice.returned_at = Notice.Status.RETURNED, now
        notice.returns += 1
        notice.save(update_fields=["status", "returned_at", "returns"])
        notifications.send(
            "notice/emails/notice_returned.txt",
            lambda: (
                _("Back with the committee after objections: %(title)s")
                % {"title": notice.page.title}
            ),
            committee,
            notice=notice,
            url=notice_admin_url(notice),
        )
    return objection


@transaction.atomic
def withdraw_objection(notice, user, now=None):
    """Take back `user`'s standing objection; it stays on the record as withdrawn."""
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.status != Notice.Status.WAITING:
        raise PermissionDenied(_("Objections to this change are closed."))
    standing = list(notice.objections.filter(user=user, withdrawn_at__isnull=True))
    if not standing:
        raise PermissionDenied(_("You have no standing objection to this change."))
    # Saved one by one, not with QuerySet.update(): the page cache hears of each save.
    for objection in standing:
        objection.withdrawn_at = now or timezone.now()
        objection.save(update_fields=["withdrawn_at"])


def answer_refusal(notice, user):
    """Why `user` may not answer the objections to `notice`, or None."""
    if notice.status != Notice.Status.RETURNED:
        return _("This change is not waiting for the committee's answer.")
    if notice.task is None or not notice.task.is_approver(user):
        return _("Only members of the steering committee answer objections.")
    if notice.confirmations.filter(user=user, answering_return=notice.returns).exists():
        return _("You have already confirmed this change.")
    return None


@transaction.atomic
def confirm(notice, user, comment="", now=None):
    """A committee member confirms the change; with a quorum of them, a new notice starts."""
    now = now or timezone.now()
    notice = Notice.objects.select_for_update(of=("self",)).select_related("task").get(pk=notice.pk)
    refusal = answer_refusal(notice, user)
    if refusal:
        raise PermissionDenied(refusal)
    Confirmation.objects.create(
        notice=notice,
        user=user,
        name=public_name(user),
        comment=comment,
        answering_return=notice.returns,
    )
    confirmations = notice.confirmations.filter(answering_return=notice.returns)
    if confirmations.count() < notice.task.required_approvals:
        return notice
    notice.status = Notice.Status.WAITING
    notice.answered_at = now
    notice.answered_by = [c.name for c in confirmations]
    notice.takes_effect_at = periods.takes_effect_at(now, notice.task.notice_days)
    notice.save(update_fields=["status", "answered_at", "answered_by", "takes_effect_at"])
    _schedule(notice)
    return notice


@transaction.atomic
def send_back(notice, user, comment):
    """A committee member asks for changes: the announced text never takes effect."""
    notice = Notice.objects.select_for_update(of=("self",)).select_related("task").get(pk=notice.pk)
    refusal = answer_refusal(notice, user)
    if refusal and not refusal.startswith("You have already"):
        raise PermissionDenied(refusal)
    notice.status, notice.answered_at = Notice.Status.WITHDRAWN, timezone.now()
    notice.answered_by = [public_name(user)]
    notice.save(update_fields=["status", "answered_at", "answered_by"])
    notifications.send(
        "notice/emails/notice_sent_back.txt",
        lambda: _("Changes requested after objections: %(title)s") % {"title": notice.page.title},
        [notice.proposed_by_user],
        notice=notice,
        by=public_name(user),
        comment=comment,
    )
    return notice


@transaction.atomic
def take_effect(notice_id, now=None):
    """Publish the announced text if its moment has come and it still waits. Returns whether
    it took effect; running it again, or early, does nothing."""
    now = now or timezone.now()
    notice = Notice.objects.select_for_update().filter(pk=notice_id).first()
    if notice is None or notice.status != Notice.Status.WAITING or now < notice.takes_effect_at:
        return False
    revision = Revision.objects.get(pk=notice.revision_id)
    publish_on_quorum_authority(
        revision, notice.proposed_by, tuple(notice.approved_by), notes=record_note(notice)
    )
    notice.status = Notice.Status.IN_EFFECT
    notice.save(update_fields=["status"])
    recipients = [notice.proposed_by_user, *(notice.task.approvers() if notice.task else [])]
    notifications.send(
        "notice/emails/notice_in_effect.txt",
        lambda: _("In effect: %(title)s") % {"title": notice.page.title},
        recipients,
        notice=notice,
        url=notice.page.specific.full_url,
    )
    return True


def record_note(notice):
    """What the public record says of the notice: "Announced on 1 December 2026 and in effect
    from 9 December; 2 objections, answered by the committee on 5 December (A, B)"."""
    local = timezone.localtime(notice.approved_at, periods.site_zone())
    note = f"Announced on {local:%-d %B %Y} with {notice.task.notice_days if notice.task else 0}"
    note += " days' notice."
    objections = list(notice.objections.all())
    standing = [o for o in objections if o.withdrawn_at is None]
    if objections:
        note += f" {len(standing)} objection{'s' if len(standing) != 1 else ''}"
        withdrawn = len(objections) - len(standing)
        if withdrawn:
            note += f" ({withdrawn} withdrawn)"
        if notice.answered_at:
            answered = timezone.localtime(notice.answered_at, periods.site_zone())
            note += (
                f", answered by the committee on {answered:%-d %B %Y}"
                f" ({', '.join(notice.answered_by)})"
            )
        note += "."
    return note


def notice_admin_url(notice):
    from django.urls import reverse

    from core.site_address import absolute_url

    return absolute_url(reverse("notice_answer", args=(notice.pk,)))


def _tell_members(notice):
    """Email every member who has not switched it off, once, that the change is announced."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from core.site_address import absolute_url

    members = (
        get_user_model()
        .objects.filter(is_active=True, groups__permissions__codename="access_admin")
        .exclude(notice_preference__emails=False)
        .distinct()
    )
    notifications.send(
        "notice/emails/notice_announced.txt",
        lambda: (
            _("Approved, takes effect on %(date)s: %(title)s")
            % {
                "date": date_format(timezone.localtime(notice.takes_effect_at), "j F"),
                "title": notice.page.title,
            }
        ),
        list(members),
        notice=notice,
        rule=lambda: periods.describe(notice.takes_effect_at),
        url=absolute_url(reverse("upcoming_change", args=(notice.pk,))),
    )
