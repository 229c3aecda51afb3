"""Phrases whose documents Whoosh keeps per index segment (`search.backends.whoosh.phrases`):
the same documents with the same scores as Whoosh's own Phrase, before and after changes."""

import pytest
from whoosh import fields
from whoosh import query as wq
from whoosh.filedb.filestore import RamStorage

from search.backends.whoosh import phrases
from search.backends.whoosh.phrases import KnownPhrase

TEXTS = {
    "a": "the steering committee approves changes",
    "b": "changes approves the committee",
    "c": "a committee approves changes twice: approves changes",
    "d": "nothing to see",
}


@pytest.fixture(autouse=True)
def forget_phrases():
    phrases.forget()
    yield
    phrases.forget()


def index(texts):
    schema = fields.Schema(key=fields.ID(stored=True, unique=True), text=fields.TEXT)
    ix = RamStorage().create_index(schema)
    with ix.writer() as writer:
        for key, text in texts.items():
            writer.add_document(key=key, text=text)
    return ix


def found(ix, query):
    """(key, score) of every match, best first."""
    with ix.searcher() as searcher:
        return [(hit["key"], hit.score) for hit in searcher.search(query, limit=None)]


def both(ix, words, boost=1.0):
    return found(ix, wq.Phrase("text", words, boost=boost)), found(
        ix, KnownPhrase("text", words, boost=boost)
    )


def test_the_same_documents_and_scores_as_whooshs_phrase_asked_again():
    ix = index(TEXTS)
    whoosh, known = both(ix, ["approves", "changes"], boost=2.0)
    again = found(ix, KnownPhrase("text", ["approves", "changes"], boost=2.0))

    assert sorted(key for key, _score in whoosh) == ["a", "c"]
    assert known == whoosh
    assert again == whoosh
    assert (
        both(ix, ["committee", "approves"])
        == (found(ix, wq.Phrase("text", ["committee", "approves"])),) * 2
    )
    assert both(ix, ["approves", "nowhere"]) == ([], [])


def test_documents_added_edited_or_deleted_after_a_phrase_was_searched():
    ix = index(TEXTS)
    assert both(ix, ["approves", "changes"])[1]  # the first segment's documents kept
    with ix.writer() as writer:  # a new segment; "a" replaced, "c" deleted
        writer.update_document(key="a", text="the steering committee decides")
        writer.add_document(key="e", text="who approves changes here")
        writer.delete_by_term("key", "c")

    whoosh, known = both(ix, ["approves", "changes"])

    assert [key for key, _score in known] == ["e"]
    assert known == whoosh


def test_what_is_kept_is_bounded(monkeypatch):
    monkeypatch.setattr(phrases, "MAX_KEPT_DOCUMENTS", 2)
    ix = index(TEXTS)

    found(ix, KnownPhrase("text", ["approves", "changes"]))  # a and c
    found(ix, KnownPhrase("text", ["steering", "committee"]))  # a

    assert phrases._kept_size <= 2
    assert both(ix, ["approves", "changes"])[0] == both(ix, ["approves", "changes"])[1]
