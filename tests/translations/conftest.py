"""Fixtures for translations: pages translated and published in a language."""

import pytest


@pytest.fixture
def translate():
    """translate(page, "es", title=…, **fields): `page`'s live translation into the language,
    as Wagtail's copy for translation makes it, published at once (no workflow)."""
    from wagtail.models import Locale

    def translate(page, language_code, **fields):
        copy = page.specific.copy_for_translation(Locale.objects.get(language_code=language_code))
        for name, value in fields.items():
            setattr(copy, name, value)
        copy.save_revision().publish()
        copy.refresh_from_db()
        return copy

    return translate


@pytest.fixture
def spanish(home, wiki, procedure, translate):
    """The home page, the procedure wiki and one procedure in Spanish."""
    return {
        "home": translate(home, "es", title="Best Bits en español"),
        "wiki": translate(wiki, "es", title="Procedimientos"),
        "procedure": translate(procedure, "es", title="Unirse a la red"),
    }
