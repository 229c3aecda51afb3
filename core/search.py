"""What a page tells search about itself: its kind, and the parts a result can point to."""

from dataclasses import dataclass


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
