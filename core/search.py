"""What a page tells search about itself: its kind, and the parts a result can point to."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageKind:
    """A kind of page as a newcomer names it: `slug` in the search URL, `label` on screen."""

    slug: str
    label: str


@dataclass(frozen=True)
class Part:
    """A part of a page a result can point to: `anchor` is its #fragment ("" for the page)."""

    anchor: str
    label: str
    text: str
