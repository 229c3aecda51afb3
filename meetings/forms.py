"""Admin forms for meetings and outcomes: checks that span a page and its sessions."""

from django.utils.dateformat import format as format_date

from core.forms import ChangeSummaryPageForm, live_inline_forms


class MeetingPageForm(ChangeSummaryPageForm):
    """Refuses a session whose day falls outside the meeting's dates."""

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start_date"), cleaned_data.get("end_date")
        formset = self.formsets.get("sessions")
        if not (start and end and start <= end) or formset is None:
            return cleaned_data
        formset.is_valid()  # cleans every session form first
        for form in live_inline_forms(formset):
            day = form.cleaned_data.get("day")
            if day and not start <= day <= end:
                form.add_error(
                    "day",
                    f"The meeting runs from {format_date(start, 'j F Y')} to "
                    f"{format_date(end, 'j F Y')}: choose a day in between.",
                )
        return cleaned_data


class OutcomePageForm(ChangeSummaryPageForm):
    """Offers only the sessions of the meeting the outcome belongs to."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        session_field = self.fields.get("session")
        if session_field is None:
            return
        meeting_id = self.parent_page.pk if self.parent_page else None
        session_field.queryset = session_field.queryset.filter(meeting_id=meeting_id)
        session_field.error_messages["invalid_choice"] = (
            "Choose one of this meeting's sessions (sessions appear here once the meeting "
            "is published)."
        )
