"""Whoosh's W3 codec, with the posting lists of single-document terms kept in the term table.

Whoosh 3 means to "inline" short posting lists into the term's entry, but its writer never
does (``len(postings) < inlinelimit`` with a limit of 1) and the branch that would is broken
(``set_inline`` instead of ``set_inlined``). So each term of a one-page commit gets its own
pickled, compressed posting block: for the roughly 700 terms of a page that was most of the
cost of indexing one changed page. This codec inlines terms found in one document; their
matcher keeps the term statistics when copied, which Whoosh's ``ListMatcher`` loses.

It also decodes each field's document lengths once per reader instead of once per posting:
writing a segment asks for the length of every posting's document (hundreds of thousands
of lookups in a rebuild), and BM25 asks for it for every document it scores.

Segments record the codec that wrote them, so indexes written before this codec keep being
read by Whoosh's own one.
"""

from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    W3Codec,
    W3PerDocReader,
    W3PostingsWriter,
    _lenfield,
)
from whoosh.matching import ListMatcher
from whoosh.util.numeric import byte_to_length

# Posting lists shorter than this are stored in the term table.
INLINE_LIMIT = 2


class InliningPostingsWriter(W3PostingsWriter):
    def finish_postings(self):
        if self.written() or len(self) >= self._inlinelimit:
            return super().finish_postings()
        terminfo = self._terminfo
        terminfo.add_block(self)
        # Formats without per-posting values (frequencies only) still need one empty value
        # per posting, as block postings give when they are read back.
        values = self._values if len(self._values) == len(self._ids) else [b""] * len(self)
        terminfo.set_inlined(self._ids, self._weights, values)
        self._terminfo = None
        return terminfo


class InlineMatcher(ListMatcher):
    """Whoosh's ListMatcher, whose copy() keeps the term and its statistics."""

    def copy(self):
        return self.__class__(
            self._ids,
            self._weights,
            self._values,
            self._format,
            self._scorer,
            self._i,
            self._all_weights,
            self._term,
            self._terminfo,
        )


class DecodedLengthsReader(W3PerDocReader):
    """Whoosh's per-document reader, with each field's lengths decoded on first use."""

    def __init__(self, storage, segment):
        super().__init__(storage, segment)
        self._decoded_lengths = {}

    def field_lengths(self, fieldname):
        """Every document's length in `fieldname`, by document number (what
        `doc_field_length` answers), or None if the segment stores no lengths for it."""
        lengths = self._decoded_lengths.get(fieldname)
        if lengths is None:
            column = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            if column is None:
                return None
            # As Whoosh's own reader: a zero byte (no length stored) reads as None.
            lengths = [byte_to_length(b) if b else None for b in column.load()]
            self._decoded_lengths[fieldname] = lengths
        return lengths

    def doc_field_length(self, docnum, fieldname, default=0):
        lengths = self.field_lengths(fieldname)
        return default if lengths is None else lengths[docnum]


class InliningCodec(W3Codec):
    def __init__(self, blocklimit=128, compression=3, inlinelimit=INLINE_LIMIT):
        super().__init__(blocklimit, compression, inlinelimit)

    def postings_writer(self, dbfile, byteids=False):
        return InliningPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def per_document_reader(self, storage, segment):
        return DecodedLengthsReader(storage, segment)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if not terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        ids, weights, values = terminfo.inlined_postings()
        return InlineMatcher(
            ids, weights, values, format_, scorer=scorer, term=term, terminfo=terminfo
        )
