"""Forms for the network's pages: the member filters and the steering committee's seat terms."""

from django import forms
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from core.forms import ChangeSummaryPageForm, live_inline_forms

from .permissions import ADMISSION_REFUSAL


class MemberFilterForm(forms.Form):
    """The region and country filters on the membership page (a plain GET form)."""

    region = forms.ChoiceField(required=False, label=gettext_lazy("Region"))
    country = forms.ChoiceField(required=False, label=gettext_lazy("Country"))

    def __init__(self, data=None, *, regions=(), countries=()):
        super().__init__(data)
        self.fields["region"].choices = [("", _("All regions")), *regions]
        self.fields["country"].choices = [("", _("All countries")), *((c, c) for c in countries)]


class SteeringCommitteePageForm(ChangeSummaryPageForm):
    """Refuses terms on one seat that overlap, with the error on the later term's start."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("seat_terms")
        if formset is None:
            return cleaned_data
        formset.is_valid()  # cleans every inline form, so each term's own checks run first
        forms_by_term = {id(form.instance): form for form in live_inline_forms(formset)}
        terms = [form.instance for form in forms_by_term.values()]
        for earlier, later in self.instance.overlapping_terms(terms):
            forms_by_term[id(later)].add_error(
                "term_start",
                f"This term overlaps the term of {earlier.holder_label} on the seat "
                f"“{earlier.seat}” from {format_date(earlier.term_start, 'j F Y')}"
                + (
                    f" to {format_date(earlier.term_end, 'j F Y')}."
                    if earlier.term_end
                    else ", which has no end date."
                )
                + " Terms on one seat must not overlap.",
            )
        return cleaned_data


class OrganisationForm(WagtailAdminModelForm):
    """Only administrators admit a member organisation (it appears on the membership page)."""

    def clean(self):
        cleaned_data = super().clean()
        admitting = cleaned_data.get("membership_status") == "member" and (
            self.instance.pk is None or "membership_status" in self.changed_data
        )
        if admitting and not (self.for_user and self.for_user.is_superuser):
            self.add_error("membership_status", ADMISSION_REFUSAL)
        return cleaned_data
