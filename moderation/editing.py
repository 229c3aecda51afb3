"""Editing a page whose change is under review: what a save would do, said before it happens.

An approver who edits a change under review becomes one of its authors and the approvals
given so far stop counting. The editor says so when they open the page; a save that would
leave too few people to approve the change is refused, with the alternative (a comment on
the clause, which changes no text and costs no vote).
"""

import hashlib
import json

from django.utils.html import format_html

from .models.texts import text_of
from .review import review_of


def change_under_review(page):
    """The Review of the change to `page` awaiting a quorum, or None."""
    from .models import QuorumApprovalTask

    task_state = page.current_workflow_task_state
    if task_state is None or not isinstance(task_state.task.specific, QuorumApprovalTask):
        return None
    return review_of(task_state)


def _people(count):
    return f"{count} {'person' if count == 1 else 'people'}"


def edit_warning(review, user):
    """What saving an edit would do to the change, for `user` to read first; None when it
    changes nothing for them (they are already one of its authors)."""
    if user.pk in review.authors:
        return (
            f"Your change is under review ({review.tally.approved} of {review.tally.required} "
            "approvals). Saving an edit of the text starts the count again."
        )
    if not review.is_approver(user):
        return None
    after = review.tally_if_edited_by(user)
    what = (
        f"The {review.tally.approved} approval{'s' if review.tally.approved != 1 else ''} "
        "given so far would no longer count, and you"
        if review.tally.approved
        else "You"
    )
    consequence = (
        f"{what} would become one of its authors, so you could not approve it. "
        f"It would still need {after.required} approvals, and {_people(after.remaining)} "
        "could give them."
    )
    if not after.reachable:
        consequence = (
            f"{what} would become one of its authors; then only {_people(after.remaining)} "
            f"could approve it, fewer than the {after.required} it needs, so saving an edit "
            "is refused."
        )
    return (
        f"This change is under review. If you save an edit of its text: {consequence} "
        "To suggest a wording without that, add a comment on the clause (the speech bubble "
        "beside each field): the author can apply it."
    )


def under_review_notice(review):
    """For members who cannot edit the page while its change is under review: who holds it,
    since when, where to read it, and what they can do."""
    from django.urls import reverse

    from history.record import public_name

    since = review.task_state.workflow_state.created_at
    return format_html(
        "{} proposed a change to this page on {} ({} of {} approvals so far). While the "
        "steering committee decides, the page stays as it is and only the committee can edit "
        'it. <a href="{}">Read the change</a>; once it is decided you can propose your own, '
        'or write to its author. All changes under review: <a href="{}">proposals</a>.',
        public_name(review.requested_by),
        f"{since:%-d %B %Y}",
        review.tally.approved,
        review.tally.required,
        reverse("moderation_review", args=(review.task_state.pk,)),
        reverse("proposals"),
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
