"""Rich text as plain words: the one conversion that diffs, search and snippets share."""

import html
import re

from django.utils.html import strip_tags
from wagtail.rich_text import RichText

# Every tag but those that mark words inside a line: a break between words.
BREAKING_TAG = re.compile(r"<(?!/?(?:a|abbr|b|code|em|i|mark|s|small|span|strong|sub|sup|u)\b)")


def plain_text(value):
    """`value` (rich text, HTML or a plain string) as plain text.

    Tags become word breaks, so "<p>duties</p><p>apply</p>" reads "duties apply", except those
    that mark words inside a line, so "<b>the committee</b>." reads "the committee."; entities
    are decoded once, so "&amp;" reads "&"; runs of white space become one space. The result
    is text, not HTML: escape it when writing it into a page.

    Rich text is read from its stored HTML, not rendered: rendering (a template, and links
    expanded to URLs) changes no word of the site's features and cost most of a search
    page's snippets.
    """
    if isinstance(value, RichText):
        value = value.source
    return " ".join(html.unescape(strip_tags(BREAKING_TAG.sub(" <", str(value or "")))).split())
