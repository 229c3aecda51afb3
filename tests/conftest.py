import pytest

# Imports live inside the fixtures: the search backend's conformance run collects this file
# under settings that install neither Wagtail nor the site's apps.


@pytest.fixture
def home(db):
    """A home page that is the default site's root, as on a real install."""
    from wagtail.models import Page, Site

    from tests.factories import HomePageFactory

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="best-bits")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


@pytest.fixture
def wiki(home):
    from tests.factories import ProcedureIndexPageFactory

    return ProcedureIndexPageFactory(parent=home, slug="procedures")
