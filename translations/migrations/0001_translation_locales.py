"""The locales pages may be translated into, beside English (the site's first locale, which
Wagtail created): Spanish, French, Portuguese and Arabic."""

from django.db import migrations

TRANSLATION_LANGUAGES = ("es", "fr", "pt", "ar")


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for language_code in TRANSLATION_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)


def remove_unused_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    # A locale with pages stays: its pages would otherwise have to be deleted with it.
    Locale.objects.filter(language_code__in=TRANSLATION_LANGUAGES).exclude(
        pk__in=Page.objects.values("locale_id")
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0054_initial_locale")]

    operations = [migrations.RunPython(create_locales, remove_unused_locales)]
