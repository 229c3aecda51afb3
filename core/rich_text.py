"""The rich-text features each kind of text may use, defined once for every app."""

# A line or two of prose: an introduction, a preamble.
INLINE_FEATURES = ["bold", "italic", "link"]
# Running text with lists: a clause, a mandate, a session's description.
TEXT_FEATURES = [*INLINE_FEATURES, "ol", "ul"]
# A whole document with its own headings and quotations: an outcome's text.
DOCUMENT_FEATURES = ["h2", "h3", *TEXT_FEATURES, "blockquote"]
