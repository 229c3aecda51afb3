"""The spelling vocabulary follows the live, public pages as they change, one page at a time,
and never offers a word that only a draft, an unpublished, deleted or restricted page has."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from procedures.models import ProcedurePage
from search import spelling
from search.models import PageWords, VocabularyChange, VocabularyState, VocabularyWord
from tests.factories import ProcedureIndexPageFactory, ProcedurePageFactory, clause_data
from tests.search.helpers import get, suggestion

pytestmark = pytest.mark.django_db


def did_you_mean(query):
    """The spelling the search page suggests for `query`, or None."""
    found = suggestion(get(query=query))
    return found[0] if found else None


def stored():
    """What the database holds: words with their page counts by language, each page's
    language and words, pages (in all and by language)."""
    state = VocabularyState.objects.get()
    return (
        {
            (lang, word): n
            for lang, word, n in VocabularyWord.objects.values_list("language", "word", "pages")
        },
        {
            pk: (lang, words)
            for pk, lang, words in PageWords.objects.values_list("page_id", "language", "words")
        },
        state.pages,
        {lang: n for lang, n in state.languages.items() if n},
    )


def assert_same_as_a_full_rebuild():
    spelling.vocabulary()
    kept = stored()
    spelling.rebuild()
    assert kept == stored()


@pytest.fixture
def read_pages(monkeypatch):
    """The pks of the pages whose text the vocabulary reads, in order."""
    pks = []
    page_words = spelling.page_words

    def spy(page):
        pks.append(page.pk)
        return page_words(page)

    monkeypatch.setattr(spelling, "page_words", spy)
    return pks


def procedure(parent, summary, **fields):
    return ProcedurePageFactory(parent=parent, summary=summary, **fields)


def test_a_published_page_s_words_are_suggested_from_the_next_search(any_backend, site):
    assert did_you_mean("quilwort") is None
    page = procedure(site["wiki"], "Quillwort grows by the pond.", live=False)
    assert did_you_mean("quilwort") is None

    page.save_revision().publish()

    assert did_you_mean("quilwort") == "quillwort"


def test_a_word_only_in_a_draft_is_never_suggested(any_backend, site):
    page = site["joining"]
    page.summary = "Who can join, said the sassafras draft."
    page.save_revision()
    procedure(site["wiki"], "Sassafras rules.", live=False).save_revision()

    assert did_you_mean("sasafras") is None
    assert "sassafras" not in spelling.vocabulary().counts
    assert did_you_mean("aplly") == "apply"


def test_an_edit_replaces_the_page_s_old_words(whoosh, site):
    page = procedure(site["wiki"], "Quillwort grows by the pond.")
    assert did_you_mean("quilwort") == "quillwort"

    page.summary = "Bladderwort grows by the pond."
    page.save_revision().publish()

    assert did_you_mean("quilwort") is None
    assert did_you_mean("bladerwort") == "bladderwort"


def test_unpublishing_takes_the_words_out(any_backend, site):
    page = procedure(site["wiki"], "Quillwort grows by the pond.")
    assert did_you_mean("quilwort") == "quillwort"

    page.unpublish()

    assert did_you_mean("quilwort") is None


def test_deleting_takes_the_words_out_of_the_page_and_its_subtree(whoosh, site):
    section = ProcedureIndexPageFactory(parent=site["home"], slug="archive", title="Archive")
    procedure(section, "Quillwort grows by the pond.")
    assert did_you_mean("quilwort") == "quillwort"

    section.delete()

    assert did_you_mean("quilwort") is None
    assert not PageWords.objects.filter(page_id=section.pk).exists()


@pytest.mark.parametrize("on", ["page", "section"])
def test_a_view_restriction_takes_the_words_out_until_it_is_lifted(any_backend, site, on):
    page = procedure(site["wiki"], "Quillwort grows by the pond.")
    assert did_you_mean("quilwort") == "quillwort"

    restriction = PageViewRestriction.objects.create(
        page=page if on == "page" else site["wiki"], restriction_type=PageViewRestriction.LOGIN
    )
    assert did_you_mean("quilwort") is None

    restriction.delete()
    assert did_you_mean("quilwort") == "quillwort"


def test_moving_a_page_into_a_private_section_takes_its_words_out(whoosh, site):
    private = ProcedureIndexPageFactory(parent=site["home"], slug="private", title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    page = procedure(site["wiki"], "Quillwort grows by the pond.")
    assert did_you_mean("quilwort") == "quillwort"

    page.move(private, pos="last-child")
    assert did_you_mean("quilwort") is None

    ProcedurePage.objects.get(pk=page.pk).move(site["wiki"], pos="last-child")
    assert did_you_mean("quilwort") == "quillwort"


def test_counts_kept_up_to_date_equal_a_full_rebuild(whoosh, site):
    spelling.vocabulary()
    private = ProcedureIndexPageFactory(parent=site["home"], slug="private", title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    kept = procedure(site["wiki"], "Quillwort and committee.")
    moved = procedure(site["wiki"], "Bladderwort and committee.")
    unpublished = procedure(site["wiki"], "Hornwort and committee.")
    draft = procedure(site["wiki"], "Liverwort and committee.", live=False)
    spelling.vocabulary()

    kept.summary = "Quillwort, committee and pond."
    kept.save_revision().publish()
    moved.move(private, pos="last-child")
    unpublished.unpublish()
    draft.save_revision().publish()
    site["committee"].delete()
    PageViewRestriction.objects.create(page=site["meetings"], restriction_type="login")

    assert_same_as_a_full_rebuild()
    counts = spelling.vocabulary().counts
    assert counts["liverwort"] == 1
    assert "hornwort" not in counts and "bladderwort" not in counts and "bali" not in counts


@pytest.mark.parametrize("pages", [3, 30])
def test_a_publish_reads_only_that_page_and_the_next_search_none(
    home, pages, read_pages, django_assert_max_num_queries
):
    wiki = ProcedureIndexPageFactory(parent=home, slug="procedures")
    for n in range(pages):
        page = procedure(wiki, f"Rule {n}.", body=[clause_data("Quorum", f"<p>Clause {n}.</p>")])
    spelling.vocabulary()
    assert len(read_pages) >= pages
    read_pages.clear()

    page.summary = "Rule about quillwort."
    page.save_revision().publish()
    assert set(read_pages) == {page.pk}
    read_pages.clear()
    # The search after it only loads the words: two queries whatever the size of the site.
    with django_assert_max_num_queries(2):
        vocabulary = spelling.vocabulary()

    assert read_pages == []
    assert vocabulary.counts["quillwort"] == 1
    assert vocabulary.pages == pages + 3  # the pages, the wiki, the home page and the root's


def test_saving_a_draft_or_locking_a_page_reads_no_page(whoosh, site, read_pages):
    page = site["joining"]
    spelling.vocabulary()
    read_pages.clear()

    page.summary = "Who can join, said the sassafras draft."
    page.save_revision()
    page.locked = True
    page.save(update_fields=["locked"])

    assert read_pages == []
    assert not VocabularyChange.objects.exists()
    # Publishing the draft is read at once.
    page.get_latest_revision().publish()
    assert page.pk in read_pages
    assert spelling.vocabulary().counts["sassafras"] == 1


def test_an_unchanged_vocabulary_costs_one_query_and_no_page(
    whoosh, site, read_pages, django_assert_num_queries
):
    spelling.vocabulary()
    read_pages.clear()

    with django_assert_num_queries(1):
        spelling.vocabulary()
    assert read_pages == []


def test_app_servers_share_the_stored_vocabulary(whoosh, site, read_pages):
    first = spelling.vocabulary()
    read_pages.clear()
    cache.clear()  # another app server, with a cache of its own

    second = spelling.vocabulary()

    assert read_pages == []
    assert second.counts == first.counts and second.token == first.token


def test_the_demo_ends_with_a_correct_vocabulary(db):
    spelling.rebuild()  # built before the demo, so the demo's pages arrive as changes

    call_command("load_demo", verbosity=0)

    assert_same_as_a_full_rebuild()
    counts = spelling.vocabulary().counts
    assert counts["bali"] > 1
    assert counts["appeals"] == 1  # from an amendment published through the workflow


def test_the_command_repairs_changes_made_without_signals(whoosh, site):
    assert "joining" in spelling.vocabulary().counts
    # QuerySet.update() sends no signal: nothing tells the vocabulary the page went.
    ProcedurePage.objects.filter(pk=site["joining"].pk).update(live=False)

    call_command("rebuild_vocabulary", verbosity=0)

    assert "joining" not in spelling.vocabulary().counts
    assert did_you_mean("aplly") is None
