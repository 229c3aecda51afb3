"""Reading pages in tests as parsed HTML, so that a check holds whatever the attribute order or
whitespace of the markup. Plain functions, not fixtures."""

from bs4 import BeautifulSoup


def parse(page):
    """`page`, a response or a string of HTML, parsed."""
    return BeautifulSoup(getattr(page, "content", page), "html.parser")


def text(element):
    """The text of `element` as a reader sees it: without tags, whitespace collapsed."""
    return " ".join(element.get_text().split())


def listing_groups(response):
    """A listing page grouped under headings, as [(heading, [linked titles])] in page order."""
    return [
        (text(section.h2), [text(link) for link in section.select(".listing > li > a")])
        for section in parse(response).select("main section")
    ]


def link(soup, href, reads):
    """The first link in `soup` to `href` that reads `reads`, or None."""
    return next((a for a in soup.select(f'a[href="{href}"]') if text(a) == reads), None)
