"""What a page tells search about itself: its kind, and the parts a result can point to."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation


@dataclass(frozen=True)
class PageKind:
    """A kind of page as a newcomer names it: `slug` in the search URL, `label` on screen."""

    slug: str
    label: str


@dataclass(frozen=True)
class Part:
    """A part of a page a result can point to: `anchor` is its #fragment ("" for the page);
    `links`, the ids of the pages its text links to ("The procedure Joining the network says
    how to apply": `core.text.linked_pages`); `within`, the heading of what it is a part of
    (a sub-clause's clause: "§3.2 Decision" is the decision on an application, within "How to
    apply")."""

    anchor: str
    label: str
    text: str
    links: tuple = ()
    within: str = ""


@dataclass(frozen=True)
class ListedGroup:
    """A group of pages a listing page shows under a heading ("Active", "Closed"): its
    `anchor` on the page and its `label` in the site's language."""

    anchor: str
    label: str
    pages: list

    def part(self):
        """The group as a part a result can point to: its heading, listing its pages' titles,
        linked to them (a listed page that answers as well as the list comes first). The
        titles are the listed pages' own words, so the listing page's search text has only
        the heading (`headings`)."""
        titles = "; ".join(page.title for page in self.pages)
        links = tuple(page.pk for page in self.pages)
        return Part(self.anchor, self.label, f"{self.label}: {titles}", links)


def listed_groups(groups, anchor_prefix):
    """[ListedGroup, …] of a listing page's [(label, [page, …]), …] as it shows them, anchored
    "{anchor_prefix}-1", "-2" … in order, as its template numbers its headings."""
    with translation.override(settings.LANGUAGE_CODE):
        return [
            ListedGroup(f"{anchor_prefix}-{number}", str(label), pages)
            for number, (label, pages) in enumerate(groups, 1)
        ]


def headings(groups):
    """The listing page's headings as search text: what the page is found by."""
    return " ".join(f"{group.label}." for group in groups)
