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

And it keeps posting blocks decoded (`BlockCache`): a segment's files never change once
written (a commit writes new segments, a merge replaces old ones by new ones with new ids,
deletions are kept beside them), so a block read once for one query answers every later
query that reads it, after any number of commits, from the same bytes.

Segments record the codec that wrote them, so indexes written before this codec keep being
read by Whoosh's own one.
"""

import os
import threading
from array import array
from collections import OrderedDict
from operator import attrgetter

from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    W3Codec,
    W3LeafMatcher,
    W3PerDocReader,
    W3PostingsWriter,
    W3TermsReader,
    _lenfield,
)
from whoosh.columns import NumericColumn
from whoosh.matching import ListMatcher
from whoosh.util.numeric import byte_to_length

# Posting lists shorter than this are stored in the term table.
INLINE_LIMIT = 2
# Postings kept decoded by a process, with their blocks' headers about 14 bytes each.
BLOCK_CACHE_POSTINGS = 1_000_000


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


# A length byte decoded as Whoosh's own reader decodes it: zero (no length stored) as None.
_LENGTH_OF_BYTE = [None] + [byte_to_length(b) for b in range(1, 256)]


def _decoded_lengths(column):
    """[length or None, …] by document number, from a segment's lengths column."""
    if isinstance(column, NumericColumn.Reader) and column._typecode == "B" and not column._default:
        # The column's bytes in one read, not a file read and an unpack per document;
        # documents past the last one stored read as the default, 0.
        stored = min(column._count, column._doccount)
        table = _LENGTH_OF_BYTE
        lengths = [table[b] for b in column._dbfile.get(column._basepos, stored)]
        return lengths + [None] * (column._doccount - stored)
    return [byte_to_length(b) if b else None for b in column.load()]


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
            lengths = _decoded_lengths(column)
            self._decoded_lengths[fieldname] = lengths
        return lengths

    def doc_field_length(self, docnum, fieldname, default=0):
        lengths = self.field_lengths(fieldname)
        return default if lengths is None else lengths[docnum]


# What `W3LeafMatcher._goto` reads from a block's header, as kept with the block.
HEADER = (
    "_blocklength",
    "_maxid",
    "_maxweight",
    "_compression",
    "_minlength",
    "_maxlength",
    "_lastblock",
    "_nextoffset",
    "_dataoffset",
)
_read_header = attrgetter(*HEADER)


class _Block:
    """One posting block as `W3LeafMatcher._goto` reads its header, and its documents and
    weights once decoded."""

    __slots__ = ("header", "ids", "weights")

    def __init__(self, header):
        self.header = header
        self.ids = None
        self.weights = None


class BlockCache:
    """Decoded posting blocks by (segment, position in its postings file), the least
    recently read dropped beyond `limit` postings. Shared by a process's threads.

    A segment is named by its folder, its random id and its files' lengths, and its files
    are written once, so a key always names the same bytes: nothing kept here can be out of
    date, whatever has been committed, merged or deleted since.
    """

    def __init__(self, limit=BLOCK_CACHE_POSTINGS):
        self.limit = limit
        self.postings = 0  # in the blocks kept
        self._blocks = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            block = self._blocks.get(key)
            if block is not None:
                self._blocks.move_to_end(key)
            return block

    def add(self, key, block):
        with self._lock:
            if key in self._blocks:
                return
            self._blocks[key] = block
            self.postings += block.header[0]
            while self.postings > self.limit and self._blocks:
                _, dropped = self._blocks.popitem(last=False)
                self.postings -= dropped.header[0]

    def clear(self):
        with self._lock:
            self._blocks.clear()
            self.postings = 0


blocks = BlockCache()


class CachedBlocksMatcher(W3LeafMatcher):
    """Whoosh's on-disk posting matcher, reading each block's header, documents and weights
    from `blocks` when they have been decoded before (from the same segment's same bytes)."""

    def __init__(self, postfile, startoffset, length, format_, segment, term=None, scorer=None):
        # `segment`: the key naming the segment's files in `blocks`.
        self._segment = segment
        self._block = None
        super().__init__(postfile, startoffset, length, format_, term=term, scorer=scorer)

    def _goto(self, position):
        key = (self._segment, position)
        block = blocks.get(key)
        if block is None:
            super()._goto(position)
            block = _Block(_read_header(self))
            blocks.add(key, block)
        else:
            self._data = self._ids = self._weights = self._values = None
            self._i = 0
            for name, value in zip(HEADER, block.header, strict=True):
                setattr(self, name, value)
        self._block = block

    def _read_ids(self):
        block = self._block
        if block.ids is None:
            super()._read_ids()
            block.ids = array("I", self._ids)
        self._ids = block.ids

    def _read_weights(self):
        block = self._block
        if block.weights is None:
            super()._read_weights()
            block.weights = self._weights
        self._weights = block.weights


class CachedBlocksTermsReader(W3TermsReader):
    """Whoosh's terms reader, whose posting lists read their blocks through `blocks`."""

    def __init__(self, codec, dbfile, length, postfile, segment):
        super().__init__(codec, dbfile, length, postfile)
        self._segment = segment

    def matcher(self, fieldname, tbytes, format_, scorer=None):
        terminfo = self.term_info(fieldname, tbytes)
        if terminfo.is_inlined():
            return self._codec.postings_reader(
                self._postfile, terminfo, format_, term=(fieldname, tbytes), scorer=scorer
            )
        offset, length = terminfo.extent()
        return CachedBlocksMatcher(
            self._postfile,
            offset,
            length,
            format_,
            self._segment,
            term=(fieldname, tbytes),
            scorer=scorer,
        )


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

    def terms_reader(self, storage, segment):
        tiname = segment.make_filename(self.TERMS_EXT)
        tilen = storage.file_length(tiname)
        tifile = storage.open_file(tiname)
        postfile = segment.open_file(storage, self.POSTS_EXT)
        postname = segment.make_filename(self.POSTS_EXT)
        # Besides the segment's random id, where it is and its files' lengths, and on disk the
        # postings file itself (inode and modification time): segments given one id (Whoosh
        # names them with the global `random`, which a test may seed) are still told apart,
        # even in a folder emptied and written again.
        folder = getattr(storage, "folder", None)
        if folder is None:
            # A storage in memory: its index holds it, so its id is not reused meanwhile.
            where = (id(storage),)
        else:
            found = os.stat(os.path.join(folder, postname))
            where = (folder, found.st_ino, found.st_mtime_ns)
        key = (*where, segment.segment_id(), tilen, storage.file_length(postname))
        return CachedBlocksTermsReader(self, tifile, tilen, postfile, key)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if not terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        ids, weights, values = terminfo.inlined_postings()
        return InlineMatcher(
            ids, weights, values, format_, scorer=scorer, term=term, terminfo=terminfo
        )
