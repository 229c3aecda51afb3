"""Rich text as plain words: the one conversion that diffs, search and snippets share."""

import html

from django.utils.html import strip_tags


def plain_text(value):
    """`value` (rich text, HTML or a plain string) as plain text.

    Tags become word breaks, so "<p>duties</p><p>apply</p>" reads "duties apply"; entities are
    decoded once, so "&amp;" reads "&"; runs of white space become one space. The result is
    text, not HTML: escape it when writing it into a page.
    """
    return " ".join(html.unescape(strip_tags(str(value or "").replace("<", " <"))).split())
