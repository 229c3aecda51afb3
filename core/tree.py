"""Where a page stands in the page tree, named rather than counted.

Treebeard stores a page's ancestry in `path`: `Page.steplen` characters per level, so the path
of a page's ancestor at depth d is the first `steplen * d` characters of its own.
"""

from wagtail.models import Page

# The tree's root is depth 1, each site's home page depth 2, the site's sections depth 3.
HOME_DEPTH = 2
SECTION_DEPTH = 3


def ancestor_path(path, depth):
    """The path of the ancestor at `depth` of the page whose path is `path`."""
    return path[: Page.steplen * depth]


def ancestor_paths(path):
    """The paths of every ancestor of the page at `path`, and its own, root first."""
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]
