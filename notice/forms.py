from django import forms
from django.utils.translation import gettext_lazy as _

from moderation.forms import COMMENT_MAX_LENGTH

from .models import OBJECTION_MAX_LENGTH


class ObjectionForm(forms.Form):
    reason = forms.CharField(
        max_length=OBJECTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown publicly with your name, as the reason for your objection."),
        error_messages={"required": _("Give the reason for your objection: it is shown with it.")},
        label=_("Reason"),
    )

    def clean_reason(self):
        reason = " ".join(self.cleaned_data["reason"].split())
        if not reason:
            raise forms.ValidationError(
                _("Give the reason for your objection: it is shown with it.")
            )
        return reason


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("confirm", _("Confirm")), ("send_back", _("Request changes"))],
        label=_("Decision"),
    )
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Comment"),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("decision") == "send_back" and not cleaned_data.get("comment"):
            self.add_error("comment", "Say what should change, so that the author knows.")
        return cleaned_data
