"""Editing a page whose change is under review: what a save would do, said before it happens.

An approver who edits a change under review becomes one of its authors and the approvals
given so far stop counting. The editor says so when they open the page; a save that would
leave too few people to approve the change is refused, with the alternative (a comment on
the clause, which changes no text and costs no vote).
"""

import hashlib
import json

from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext

from .models.texts import text_of
from .review import review_of


def change_under_review(page):
    """The Review of the change to `page` awaiting a quorum, or None."""
    from .models import QuorumApprovalTask

    task_state = page.current_workflow_task_state
    if task_state is None or not isinstance(task_state.task.specific, QuorumApprovalTask):
        return None
    return review_of(task_state)


def edit_warning(review, user):
    """What saving an edit would do to the change, for `user` to read first, in their
    language; None when it changes nothing for them (they are already one of its authors)."""
    tally = review.tally
    if user.pk in review.authors:
        return ngettext(
            "Your change is under review (%(approved)s of %(required)s approval). Saving an "
            "edit of the text starts the count again.",
            "Your change is under review (%(approved)s of %(required)s approvals). Saving an "
            "edit of the text starts the count again.",
            tally.required,
        ) % {"approved": tally.approved, "required": tally.required}
    if not review.is_approver(user):
        return None
    after = review.tally_if_edited_by(user)
    sentences = [gettext("This change is under review. If you save an edit of its text:")]
    if tally.approved:
        sentences.append(
            ngettext(
                "The %(count)s approval given so far would no longer count.",
                "The %(count)s approvals given so far would no longer count.",
                tally.approved,
            )
            % {"count": tally.approved}
        )
    if after.reachable:
        consequence = ngettext(
            "You would become one of its authors, so you could not approve it; %(count)s "
            "person could still give the approvals it needs (%(required)s).",
            "You would become one of its authors, so you could not approve it; %(count)s "
            "people could still give the approvals it needs (%(required)s).",
            after.remaining,
        )
    else:
        consequence = ngettext(
            "You would become one of its authors; then only %(count)s person could approve "
            "it, fewer than the %(required)s it needs, so saving an edit is refused.",
            "You would become one of its authors; then only %(count)s people could approve "
            "it, fewer than the %(required)s it needs, so saving an edit is refused.",
            after.remaining,
        )
    sentences.append(consequence % {"count": after.remaining, "required": after.required})
    sentences.append(
        gettext(
            "To suggest a wording without that, add a comment on the clause (the speech "
            "bubble beside each field): the author can apply it."
        )
    )
    return " ".join(sentences)


def under_review_notice(review):
    """For members who cannot edit the page while its change is under review: who holds it,
    since when, where to read it, and what they can do."""
    from django.urls import reverse

    from history.record import public_name

    since = review.task_state.workflow_state.created_at
    tally = review.tally
    message = ngettext(
        "{author} proposed a change to this page on {date} ({approved} of {required} "
        "approval so far). While the steering committee decides, the page stays as it is and "
        'only the committee can edit it. <a href="{change_url}">Read the change</a>; once it '
        "is decided you can propose your own, or write to its author. All changes under "
        'review: <a href="{proposals_url}">proposals</a>.',
        "{author} proposed a change to this page on {date} ({approved} of {required} "
        "approvals so far). While the steering committee decides, the page stays as it is "
        'and only the committee can edit it. <a href="{change_url}">Read the change</a>; once '
        "it is decided you can propose your own, or write to its author. All changes under "
        'review: <a href="{proposals_url}">proposals</a>.',
        tally.required,
    )
    return format_html(
        message,
        author=public_name(review.requested_by),
        date=date_format(since, "j F Y"),
        approved=tally.approved,
        required=tally.required,
        change_url=reverse("moderation_review", args=(review.task_state.pk,)),
        proposals_url=reverse("proposals"),
    )


def submitted_digest(request, page):
    """The digest of the text the edit form posted, or None when the form is not valid (the
    editor then shows the errors and saves nothing)."""
    draft = page.get_latest_revision_as_object()
    form_class = type(draft).get_edit_handler().get_form_class()
    form = form_class(
        request.POST,
        request.FILES,
        instance=draft,
        parent_page=page.get_parent(),
        for_user=request.user,
    )
    if not form.is_valid():
        return None
    edited = form.save(commit=False)
    text = json.dumps(text_of(edited), sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def save_refusal(request, page, review):
    """Why the edit posted now may not be saved, or None: it would change the text and leave
    the change unable to reach its quorum."""
    user = request.user
    if user.pk in review.authors or not review.is_approver(user):
        return None
    if review.tally_if_edited_by(user).reachable:
        return None
    from .models import RevisionText

    digest = submitted_digest(request, page)
    if digest is None or digest == RevisionText.digests([review.latest])[review.latest.pk]:
        return None
    return edit_warning(review, user)
