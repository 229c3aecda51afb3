"""The change summary every edit carries, and helpers for forms with inline rows."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel

CHANGE_SUMMARY_MAX_LENGTH = 200
# The editor's buttons that send a change for approval.
SUBMIT_ACTIONS = ("action-submit", "action-restart-workflow")


class ChangeSummaryPageForm(WagtailAdminPageForm):
    """Page form with a one-line change summary, required when submitting for approval."""

    change_summary = forms.CharField(
        label=gettext_lazy("Change summary"),
        max_length=CHANGE_SUMMARY_MAX_LENGTH,
        required=False,
        help_text=(
            gettext_lazy(
                "One line: what you changed and why. Required when you submit for approval; "
                "approvers see it, and it stays in the public history of the page."
            )
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        # While a change awaits approval, approvers see its summary in the editor.
        if page.pk and page.workflow_in_progress:
            summary = getattr(page.get_latest_revision(), "change_summary", None)
            if summary is not None:
                self.fields["change_summary"].initial = summary.text

    def save(self, commit=True):
        page = super().save(commit=commit)
        # Recorded with the revision the editor saves next (history.summaries).
        page.change_summary_to_record = self.cleaned_data.get("change_summary", "")
        return page

    def clean(self):
        cleaned_data = super().clean()
        summary = (cleaned_data.get("change_summary") or "").strip()
        cleaned_data["change_summary"] = summary
        if not summary and any(self.data.get(action) for action in SUBMIT_ACTIONS):
            self.add_error(
                "change_summary",
                _("Say in one line what you changed and why before submitting for approval."),
            )
        return cleaned_data


change_summary_panel = FieldPanel("change_summary", icon="edit")


def live_inline_forms(formset):
    """The inline forms that passed their own validation and are not being deleted."""
    return [
        form
        for form in formset.forms
        if not form.errors and form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]
