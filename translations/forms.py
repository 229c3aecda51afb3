"""The form that copies a page for translation, with the site's rules."""

from django import forms
from wagtail.contrib.simple_translation.forms import SubmitTranslationForm

from .languages import enabled_locales


class TranslatePageForm(SubmitTranslationForm):
    """simple_translation's form, refusing what its copy would fail on or should not make: a
    language that is not enabled, and a language the page's parent is not in yet (a
    translation goes under its parent's translation)."""

    def __init__(self, instance, *args, **kwargs):
        super().__init__(instance, *args, **kwargs)
        self.instance = instance
        locales = self.fields["locales"]
        locales.queryset = locales.queryset.filter(pk__in=enabled_locales().values("pk"))
        locales.error_messages["invalid_choice"] = (
            "%(value)s is not a language this page can be translated into: choose among those "
            "listed."
        )

    def clean_locales(self):
        locales = self.cleaned_data["locales"]
        parent = self.instance.get_parent().specific
        if parent.is_root():
            return locales
        translated = set(parent.get_translations(inclusive=True).values_list("locale", flat=True))
        missing = [locale for locale in locales if locale.pk not in translated]
        if missing:
            names = ", ".join(locale.get_display_name() for locale in missing)
            raise forms.ValidationError(
                f"“{parent.title}” is not in {names} yet: translate it first, "
                "then this page, which goes under it."
            )
        return locales
