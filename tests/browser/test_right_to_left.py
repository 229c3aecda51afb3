"""Arabic pages read right to left: the layout mirrors, nothing scrolls sideways on a phone,
and axe-core finds no serious fault, at a desktop's width and a phone's."""

import pytest

from tests.browser.test_every_page_type import DESKTOP, PHONE, audit
from tests.factories import clause_data

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def arabic(home, wiki, procedure):
    from wagtail.models import Locale

    arabic = Locale.objects.get(language_code="ar")
    addresses = []
    for page, fields in (
        (home, {"title": "بيست بيتس"}),
        (wiki, {"title": "الإجراءات"}),
        (
            procedure,
            {
                "title": "الانضمام إلى الشبكة",
                "summary": "من يمكنه الانضمام وكيف يقدم طلبه.",
                "body": [
                    clause_data(
                        "من يمكنه الانضمام",
                        "<p>يمكن لمنظمات المجتمع المدني العاملة في حوكمة الإنترنت الانضمام.</p>",
                        anchor="who-can-join",
                    )
                ],
            },
        ),
    ):
        copy = page.specific.copy_for_translation(arabic)
        for name, value in fields.items():
            setattr(copy, name, value)
        copy.save_revision().publish()
        addresses.append(copy.url)
    return addresses


def test_arabic_pages_read_right_to_left_at_every_width(new_page, live_server, arabic):
    faults = []
    for size_name, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page = new_page()
        page.set_viewport_size(size)
        for address in arabic:
            response = page.goto(f"{live_server.url}{address}")
            assert response.status == 200, address
            assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
            faults += [f"{address} at {size_name}: {fault}" for fault in audit(page)]
            name = page.locator(".site-name").bounding_box()
            if name["x"] + name["width"] < size["width"] / 2:
                faults.append(f"{address} at {size_name}: the site's name is on the left")
            widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if widths[0] > widths[1]:
                faults.append(f"{address} scrolls sideways at {size_name}: {widths}")
            if size_name == "phone":
                header = page.locator(".site-header").bounding_box()["height"]
                if header > PHONE["height"] / 5:
                    faults.append(f"{address}: the header takes {header:.0f}px of a phone's 844")
    assert faults == [], "\n".join(faults)
