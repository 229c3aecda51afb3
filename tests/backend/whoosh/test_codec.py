"""Our codec's reading: posting blocks kept decoded (`codec.blocks`), read as Whoosh's own codec
reads them, reused by later searches after commits that leave a segment as it was, never mixed
up between segments, and bounded; field lengths decoded as Whoosh's own reader decodes them."""

import random
from unittest import mock

import pytest
from whoosh import fields
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3LeafMatcher, _lenfield
from whoosh.filedb.filestore import RamStorage
from whoosh.util.numeric import byte_to_length

from search.backends.whoosh import blockwise, codec
from search.backends.whoosh.codec import CachedBlocksMatcher, InlineMatcher, InliningCodec

WORDS = ["human", "rights", "annual", "report", "quorum", "plenary", "travel", "the", "of"]
DOCUMENTS = 600  # several posting blocks (128 postings) per common word


def _text(rng, length):
    return " ".join(rng.choice(WORDS) for _ in range(length))


def _schema():
    return fields.Schema(
        key=fields.ID(stored=True, unique=True),
        title=fields.TEXT(),
        body=fields.TEXT(phrase=True),
    )


def _documents(rng, start, stop):
    for n in range(start, stop):
        yield {"key": str(n), "title": _text(rng, 3), "body": _text(rng, rng.randint(5, 60))}


def _index(seed=7):
    """Two segments, the second replacing and deleting documents of the first."""
    rng = random.Random(seed)  # noqa: S311 (a fixed corpus, not a secret)
    ix = RamStorage().create_index(_schema())
    with ix.writer(codec=InliningCodec()) as writer:
        for document in _documents(rng, 0, DOCUMENTS):
            writer.add_document(**document)
    with ix.writer(codec=InliningCodec()) as writer:
        writer.merge = False
        for document in _documents(rng, 0, DOCUMENTS):
            if int(document["key"]) % 5 == 0:
                writer.update_document(**document)
        for n in range(1, DOCUMENTS, 9):
            writer.delete_by_term("key", str(n))
    return ix


@pytest.fixture(autouse=True)
def empty_cache():
    codec.blocks.clear()
    yield
    codec.blocks.clear()


def _postings(matcher):
    """Every posting of `matcher` as (document, weight, value), and each block's bounds."""
    postings, bounds = [], []
    while matcher.is_active():
        bounds.append((matcher.block_max_id(), matcher.block_max_weight()))
        while True:
            postings.append((matcher.id(), matcher.weight(), matcher.value()))
            if matcher.next():
                break
            if not matcher.is_active():
                break
    return postings, bounds


def _whooshs_own(terms, fieldname, tbytes, format_):
    """The postings as Whoosh's own codec reads them, from the same file."""
    terminfo = terms.term_info(fieldname, tbytes)
    return W3Codec().postings_reader(terms._postfile, terminfo, format_, term=(fieldname, tbytes))


def test_blocks_read_decoded_or_kept_are_whooshs_own():
    ix = _index()
    with ix.searcher() as searcher:
        read = 0
        for subsearcher, _ in searcher.leaf_searchers():
            reader = subsearcher.reader()
            terms = reader._terms
            for fieldname in ("title", "body"):
                format_ = ix.schema[fieldname].format
                for tbytes in reader.lexicon(fieldname):
                    expected = _postings(_whooshs_own(terms, fieldname, tbytes, format_))
                    for _ in range(2):  # decoded, then kept
                        matcher = terms.matcher(fieldname, tbytes, format_)
                        if isinstance(matcher, CachedBlocksMatcher):
                            read += 1
                        assert _postings(matcher) == expected
    assert read
    assert codec.blocks.postings


def _decodes():
    """Patch Whoosh's block decoding to record the (segment, block) of every call."""
    decoded = []
    original = W3LeafMatcher._read_data

    def read_data(matcher):
        decoded.append((matcher._segment, matcher._dataoffset))
        return original(matcher)

    return mock.patch.object(W3LeafMatcher, "_read_data", read_data), decoded


def _search(ix, query):
    with ix.searcher() as searcher:
        return {
            searcher.stored_fields(docnum)["key"]: score
            for docnum, score in blockwise.top(searcher, query, DOCUMENTS * 2)
        }


def test_a_commit_leaves_the_blocks_of_other_segments_decoded_for_other_searches():
    ix = _index()
    patch, decoded = _decodes()
    human = wq.Or([wq.Term("title", "human"), wq.Term("body", "human")])
    report = wq.Or([wq.Term("title", "report"), wq.Term("body", "report")])
    with patch:
        _search(ix, human)
        first = list(decoded)
        assert first
        # A publish: one document written as a new segment, the others left as they were.
        with ix.writer(codec=InliningCodec()) as writer:
            writer.merge = False
            writer.add_document(key="new", title="human rights", body="an annual report")
        found = _search(ix, wq.And([human, report]))
    assert "new" in found
    # The other search after the commit decoded only blocks not read before: "report"'s.
    assert not set(first) & set(decoded[len(first) :])
    assert len(decoded) == len(set(decoded))
    # And it scores as Whoosh's own codec does.
    with ix.searcher() as searcher:
        expected = {
            searcher.stored_fields(docnum)["key"]: score
            for docnum, score in searcher.search(wq.And([human, report]), limit=None).items()
        }
    assert found == expected


def test_segments_given_the_same_random_id_keep_their_own_blocks():
    # The first term of the postings file: its blocks at the same places in both indexes.
    query = wq.Term("body", "annual")
    for seed in (1, 2):
        random.seed(99)  # both indexes' segments get the same random ids
        ix = _index(seed)
        found = _search(ix, query)  # the second index's, after the first's were kept
        codec.blocks.clear()
        assert found == _search(ix, query)


def test_the_least_recently_read_blocks_are_dropped_beyond_the_limit():
    ix = _index()
    with mock.patch.object(codec.blocks, "limit", 300):
        for word in WORDS:
            _search(ix, wq.Term("body", word))
            assert 0 < codec.blocks.postings <= 300
        patch, decoded = _decodes()
        with patch:
            _search(ix, wq.Term("body", WORDS[-1]))  # the last read: kept
            assert not decoded
            _search(ix, wq.Term("body", WORDS[0]))  # the first read: dropped
            assert decoded


def test_field_lengths_are_read_as_whooshs_own_reader_reads_them():
    ix = _index()
    # A field some documents lack, and documents past the last length stored.
    with ix.writer(codec=InliningCodec()) as writer:
        writer.merge = False
        writer.add_document(key="a", title="human rights", body="annual report of the network")
        writer.add_document(key="b", body="quorum")
        writer.add_document(key="c", title="plenary")
    with ix.searcher() as searcher:
        for subsearcher, _ in searcher.leaf_searchers():
            perdoc = subsearcher.reader()._perdoc
            for fieldname in ("title", "body"):
                column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
                expected = [byte_to_length(b) if b else None for b in column.load()]
                assert len(expected) == perdoc.doc_count_all()
                assert perdoc.field_lengths(fieldname) == expected
                assert [
                    perdoc.doc_field_length(docnum, fieldname)
                    for docnum in range(perdoc.doc_count_all())
                ] == expected


def test_a_word_of_one_document_is_read_from_the_term_table_keeping_its_term():
    ix = _index()
    with ix.writer(codec=InliningCodec()) as writer:
        writer.merge = False
        writer.add_document(key="a", title="charter", body="a charter of the network")
    with ix.searcher() as searcher:
        subsearcher = searcher.leaf_searchers()[-1][0]
        matcher = subsearcher.reader().postings("title", "charter")
        assert isinstance(matcher, InlineMatcher)
        assert matcher.copy().term() == ("title", b"charter")
        assert list(matcher.all_ids()) == [0]
