"""One page of every type, at a desktop's width and a phone's: axe-core finds no serious or
critical accessibility fault, nothing scrolls sideways on a phone, and the header keeps to a
fifth of a phone's screen."""

import datetime

import pytest

from network.models import SeatTerm
from tests.factories import (
    ObjectivesPageFactory,
    OrganisationFactory,
    PersonFactory,
    TaskForceIndexPageFactory,
    TaskForcePageFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SERIOUS = {"serious", "critical"}


@pytest.fixture
def urls(site, whoosh):
    """A URL of every kind of page the public sees."""
    joining = site["joining"]
    first = joining.save_revision()
    first.publish()
    joining.summary = "Who can join, how to apply, and how long a decision takes."
    second = joining.save_revision()
    second.publish()  # two versions, for the diff
    versions = [first.pk, second.pk]
    home = site["home"]
    objectives = ObjectivesPageFactory(parent=home, slug="objectives")
    person = PersonFactory(name="Amina Example")
    OrganisationFactory(name="Example Rights Group")
    committee = site["steering"]
    committee.seat_terms = [
        SeatTerm(
            seat="Africa",
            holder=person,
            term_start=datetime.date(2014, 1, 1),
            term_end=datetime.date(2016, 1, 1),
            how_selected="Elected by the members",
        ),
        SeatTerm(seat="Africa", holder=None, term_start=datetime.date(2016, 1, 1)),
    ]
    committee.save_revision().publish()
    task_forces = TaskForceIndexPageFactory(parent=home, slug="task-forces")
    task_force = TaskForcePageFactory(parent=task_forces, slug="wsis", title="WSIS+10")
    task_force.convenors.add(person)
    task_force.save_revision().publish()
    return {
        "home": "/",
        "procedure index": site["wiki"].url,
        "procedure": joining.url,
        "history": f"{joining.url}history/",
        "diff": f"{joining.url}history/{versions[0]}/{versions[-1]}/",
        "objectives": objectives.url,
        "membership": site["membership"].url,
        "person": f"{site['membership'].url}people/{person.pk}/",
        "steering committee": committee.url,
        "task forces": task_forces.url,
        "task force": task_force.url,
        "meetings": site["meetings"].url,
        "meeting": site["meeting"].url,
        "outcome": site["outcome"].url,
        "search": "/search/?query=surveillance",
        "changes": "/changes/",
        "upcoming": "/changes/upcoming/",
        "open data": "/data/",
    }


def audit(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.response["testEngine"]["name"] == "axe-core"  # it ran, on this page
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in SERIOUS
    ]


def test_every_page_type_is_accessible_and_fits_a_phone(new_page, live_server, urls):
    faults = []
    for size_name, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page = new_page()
        page.set_viewport_size(size)
        for name, url in urls.items():
            response = page.goto(f"{live_server.url}{url}")
            assert response.status == 200, (name, url, response.status)
            faults += [f"{name} at {size_name}: {fault}" for fault in audit(page)]
            if size_name == "phone":
                widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
                if widths[0] > widths[1]:
                    faults.append(f"{name} scrolls sideways on a phone: {widths}")
                header = page.locator(".site-header").bounding_box()["height"]
                if header > PHONE["height"] / 5:
                    faults.append(f"{name}: the header takes {header:.0f}px of a phone's 844")
    assert faults == [], "\n".join(faults)


def test_the_search_suggestions_work_with_the_keyboard_alone(new_page, live_server, urls):
    page = new_page()
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the site's name
    box = page.locator("#site-search-query")
    box.focus()
    page.keyboard.type("Join")
    option = page.locator("#site-search-suggestions [role=option]").first
    option.wait_for()
    page.keyboard.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(urls["procedure"])
