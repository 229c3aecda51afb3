"""The public signing form and the signatory list's filters."""

import unicodedata

from django import forms
from django.forms.utils import flatatt
from django.utils.dateformat import format as format_date
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from network.models import Region

from .countries import country_choices, local_country_name, region_of
from .models.signatures import Signature, organisation_key

HONEYPOT = "homepage"


class CountrySelect(forms.Select):
    """The country list, written out in one go: Django renders each option of a select through
    a template of its own, which for 250 countries costs more than the rest of the page. In
    another language than English the countries are named and ordered in it."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((code, " selected" if code == value else "", label) for code, label in self._shown()),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)

    def _shown(self):
        if (get_language() or "en").startswith("en"):
            return self.choices
        named = [(code, local_country_name(code) or label) for code, label in self.choices]
        return [choice for choice in named if not choice[0]] + sorted(
            (choice for choice in named if choice[0]), key=lambda choice: _sort_key(choice[1])
        )


def _sort_key(name):
    """Alphabetical order as readers expect it: accents do not send "Österreich" past "Z"."""
    decomposed = unicodedata.normalize("NFKD", str(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class SignatureForm(forms.ModelForm):
    """Signing a statement, as an organisation or as an individual.

    Every field has a length limit; the country must be one on the ISO list; an email address
    signs a statement once, and so does an organisation. A field people cannot see
    (`homepage`) is left empty by people and filled in by form-filling robots.
    """

    affiliation = forms.CharField(
        max_length=200,
        required=False,
        label=_("Affiliation (optional)"),
        help_text=_("For identification only: you sign on your own behalf."),
    )
    country = forms.ChoiceField(
        label=_("Country"),
        choices=[("", _("Choose a country")), *country_choices()],
        widget=CountrySelect,
        error_messages={"invalid_choice": _("Choose a country from the list.")},
    )
    website = forms.URLField(
        max_length=200, required=False, assume_scheme="https", label=_("Organisation's website")
    )
    homepage = forms.CharField(required=False, max_length=200, label=_("Leave this empty"))

    class Meta:
        model = Signature
        fields = ["kind", "organisation_name", "website", "name", "role", "country", "email"]
        fields += ["comment"]
        labels = {
            "kind": _("I sign as"),
            "organisation_name": _("Organisation"),
            "name": _("Your name"),
            "role": _("Your role in the organisation"),
            "email": _("Your email address"),
            "comment": _("Public comment (optional)"),
        }
        help_texts = {
            "organisation_name": _("The organisation's full name, as it should be listed."),
            "email": _("We send a link to confirm your signature; it is never shown or shared."),
            "comment": _("Shown beside your name; at most 1,000 characters."),
            "name": "",
            "role": "",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "comment": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        }

    def __init__(self, *args, statement, **kwargs):
        super().__init__(*args, **kwargs)
        self.statement = statement
        kinds = statement.signer_kinds
        self.fields["kind"].choices = [
            choice for choice in Signature.Kind.choices if choice[0] in kinds
        ]
        if len(kinds) == 1:
            self.fields["kind"].initial = kinds[0]
        for name in ("organisation_name", "role"):
            self.fields[name].required = False
        self.fields["email"].error_messages["invalid"] = _(
            "Enter a whole email address, such as name@example.org."
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned_data = super().clean()
        kind = cleaned_data.get("kind")
        if kind == Signature.Kind.ORGANISATION:
            for name in ("organisation_name", "role"):
                if not cleaned_data.get(name, "").strip() and name not in self.errors:
                    self.add_error(name, gettext("Needed when you sign for an organisation."))
            self._refuse_second_organisation(cleaned_data.get("organisation_name", ""))
        elif kind == Signature.Kind.INDIVIDUAL:
            cleaned_data["organisation_name"] = cleaned_data.get("affiliation", "").strip()
            cleaned_data["role"] = cleaned_data["website"] = ""
        self._refuse_second_signature(cleaned_data.get("email"))
        return cleaned_data

    def _refuse_second_signature(self, email):
        if email and self.statement.public_signatures().filter(email=email).exists():
            self.add_error(
                "email",
                gettext(
                    "This email address has already signed this statement. The email that "
                    "confirmed it has a link to withdraw it, if you want to."
                ),
            )

    def _refuse_second_organisation(self, name):
        key = organisation_key(name or "")
        if not key:
            return
        earlier = (
            self.statement.public_signatures()
            .filter(kind=Signature.Kind.ORGANISATION, organisation_key=key)
            .order_by("confirmed_at")
            .first()
        )
        if earlier is not None:
            self.add_error(
                "organisation_name",
                gettext(
                    "%(organisation)s already signed this statement, on %(day)s: it is listed once."
                )
                % {
                    "organisation": earlier.organisation_name,
                    "day": format_date(earlier.confirmed_at, "j F Y"),
                },
            )

    def _post_clean(self):
        self.instance.statement = self.statement
        self.instance.region = region_of(self.cleaned_data.get("country", ""))
        super()._post_clean()

    @property
    def is_robot(self):
        return bool(self.data.get(HONEYPOT))


class SignatoryFilterForm(forms.Form):
    """The region and country filters on the signatory list (a plain GET form)."""

    region = forms.ChoiceField(required=False, label=_("Region"))
    country = forms.ChoiceField(required=False, widget=CountrySelect, label=_("Country"))

    def __init__(self, data=None, *, countries=()):
        super().__init__(data)
        self.fields["region"].choices = [("", _("All regions")), *Region.choices]
        self.fields["country"].choices = [("", _("All countries")), *countries]
