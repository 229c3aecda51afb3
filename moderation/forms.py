"""The forms approvers and proposers fill in: a decision on a change, a withdrawal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import WITHDRAWAL_REASON_MAX_LENGTH, Withdrawal, WithdrawalDecision

COMMENT_MAX_LENGTH = 2000


class DecisionForm(forms.Form):
    """Approve, or request changes to, the revision the review screen showed."""

    revision_id = forms.IntegerField(widget=forms.HiddenInput, label=_("Revision id"))
    action = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Request changes"))], label=_("Action")
    )
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Optional with an approval. With a request for changes, say what should change."
        ),
        label=_("Comment"),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("action") == "reject" and not cleaned_data.get("comment", "").strip():
            self.add_error(
                "comment", "Say what should change, so that the author knows what to do."
            )
        return cleaned_data


class WithdrawalForm(forms.Form):
    """A proposal to take a live page off the site, with the reason for the record."""

    action = forms.ChoiceField(
        choices=Withdrawal.Action.choices,
        initial=Withdrawal.Action.UNPUBLISH,
        widget=forms.RadioSelect,
        help_text=_(
            "Taken off the site, a page keeps its public history; deleted, only the "
            "public record of it remains."
        ),
        label=_("Action"),
    )
    reason = forms.CharField(
        max_length=WITHDRAWAL_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why the page should go. It is shown on the public record with your name."),
        error_messages={"required": _("Give the reason: it goes on the public record.")},
        label=_("Reason"),
    )
    now = forms.BooleanField(
        required=False,
        label=_("Withdraw it now, as an administrator, without waiting for a quorum"),
    )

    def __init__(self, *args, administrator=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not administrator:
            del self.fields["now"]

    def clean_reason(self):
        return " ".join(self.cleaned_data["reason"].split())


class WithdrawalDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=WithdrawalDecision.Decision.choices, label=_("Decision"))
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Comment"),
    )
