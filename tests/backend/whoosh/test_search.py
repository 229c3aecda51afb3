"""Searching with the Whoosh backend, beyond modelsearch's conformance suite."""

import inspect
from datetime import date
from unittest import mock

from django.db.models import Q
from modelsearch.backends.base import BaseSearchQueryCompiler
from modelsearch.query import MATCH_ALL, MATCH_NONE, And, Boost, Fuzzy, Not, Or, Phrase, PlainText
from modelsearch.test.testapp import models
from whoosh import query as wq
from whoosh.searching import Searcher

from search.backends.whoosh import backend as whoosh_backend
from search.backends.whoosh import blockwise
from search.backends.whoosh.documents import SEARCH_ANALYZER, search_analyzer
from search.backends.whoosh.query import UnionOr

from .support import WhooshTestCase

JAVASCRIPT_BOOKS = {"JavaScript: The good parts", "JavaScript: The Definitive Guide"}


def spy_on_whoosh_searches():
    """Patch the results' search of the index to record the arguments of every call (its
    `limit` and whether it is `scored`), whether Whoosh's searcher or `blockwise` answers."""
    calls = []
    original = whoosh_backend.WhooshSearchResults._hits
    signature = inspect.signature(original)

    def hits(results, *args, **kwargs):
        bound = signature.bind(results, *args, **kwargs)
        bound.apply_defaults()
        calls.append(bound.arguments)
        return original(results, *args, **kwargs)

    return mock.patch.object(whoosh_backend.WhooshSearchResults, "_hits", hits), calls


class UserTextTests(WhooshTestCase):
    def test_query_syntax_in_user_text_is_just_words(self):
        # Whoosh's parser would read these as a field query, a wildcard and operators.
        self.assertEqual(
            self.titles(self.backend.search("title:javascript", models.Book, operator="and")),
            set(),
        )
        self.assertEqual(
            self.titles(self.backend.search("title:javascript", models.Book, operator="or")),
            JAVASCRIPT_BOOKS,
        )
        self.assertEqual(self.titles(self.backend.search("javascr*", models.Book)), set())
        self.assertEqual(
            self.titles(self.backend.search("javascript NOT good", models.Book, operator="or")),
            JAVASCRIPT_BOOKS,
        )

    def test_punctuation_and_stop_words_only_find_nothing(self):
        for text in ["(", ":", '"', "*", "the of"]:
            with self.subTest(text=text):
                self.assertEqual(list(self.backend.search(text, models.Book)), [])

    def test_english_stemming(self):
        self.assertEqual(
            self.titles(self.backend.search("guides", models.Book)),
            {"JavaScript: The Definitive Guide"},
        )
        self.assertEqual(
            self.titles(self.backend.search("programs", models.Book)),
            {"The Rust Programming Language", "Programming Rust"},
        )

    def test_fuzzy_finds_misspellings(self):
        self.assertEqual(
            self.titles(self.backend.search(Fuzzy("javascrpt"), models.Book)), JAVASCRIPT_BOOKS
        )

    def test_phrase_matches_word_order(self):
        results = self.backend.search(Phrase("definitive guide"), models.Book)
        self.assertEqual(self.titles(results), {"JavaScript: The Definitive Guide"})
        self.assertEqual(list(self.backend.search(Phrase("guide definitive"), models.Book)), [])


class QueryCombinationTests(WhooshTestCase):
    def test_match_all_and_none_nested_in_combinators(self):
        all_books = set(models.Book.objects.values_list("title", flat=True))
        cases = [
            (And([MATCH_ALL, Not(PlainText("javascript"))]), all_books - JAVASCRIPT_BOOKS),
            (Or([MATCH_NONE, PlainText("javascript")]), JAVASCRIPT_BOOKS),
            (Not(Or([MATCH_ALL, PlainText("javascript")])), set()),
            (Not(And([MATCH_ALL, MATCH_NONE])), all_books),
            (And([Not(PlainText("javascript")), Not(PlainText("rust"))]), None),
            (Not(Not(PlainText("javascript"))), JAVASCRIPT_BOOKS),
        ]
        rust_books = {"The Rust Programming Language", "Programming Rust"}
        for query, expected in cases:
            with self.subTest(query=query):
                expected = (
                    all_books - JAVASCRIPT_BOOKS - rust_books if expected is None else expected
                )
                self.assertEqual(self.titles(self.backend.search(query, models.Book)), expected)

    def test_match_all_in_or_keeps_scores(self):
        results = list(self.backend.search(Or([PlainText("javascript"), MATCH_ALL]), models.Book))
        self.assertEqual(len(results), models.Book.objects.count())
        self.assertEqual({book.title for book in results[:2]}, JAVASCRIPT_BOOKS)

    def test_uuid_primary_keys(self):
        advert = models.AdvertWithCustomUUIDPrimaryKey.objects.create(text="Shiny new kettle")
        self.backend.add(advert)
        results = self.backend.search("kettle", models.AdvertWithCustomUUIDPrimaryKey)
        self.assertEqual(list(results), [advert])


class AutocompleteTests(WhooshTestCase):
    def test_every_word_is_a_prefix(self):
        results = self.backend.autocomplete("lea pyth", models.Book, operator="and")
        self.assertEqual(self.titles(results), {"Learning Python"})

    def test_one_letter_prefix(self):
        # Titles with a word starting with "f", and David Flanagan's book.
        self.assertEqual(
            self.titles(self.backend.autocomplete("f", models.Book)),
            {"The Fellowship of the Ring", "Foundation", "JavaScript: The Definitive Guide"},
        )

    def test_words_longer_than_the_longest_prefix(self):
        book = models.Book.objects.create(
            title="Antidisestablishmentarianism explained",
            publication_date=date(2020, 1, 1),
            number_of_pages=10,
        )
        for text in ["antidisestablishment", "antidisestablishmentarianism"]:
            with self.subTest(text=text):
                self.assertEqual(list(self.backend.autocomplete(text, models.Book)), [book])


class FastPathTests(WhooshTestCase):
    def test_count_does_not_score(self):
        patch, calls = spy_on_whoosh_searches()
        with patch:
            unfiltered = self.backend.search("javascript", models.Book).count()
            filtered = self.backend.search(
                "javascript", models.Book.objects.filter(number_of_pages__gt=500)
            ).count()
        self.assertEqual((unfiltered, filtered), (2, 1))
        self.assertTrue(calls)
        self.assertTrue(all(call["scored"] is False for call in calls))

    def test_few_keys_are_filtered_by_key_and_many_in_one_pass(self):
        queryset = models.Book.objects.filter(number_of_pages__gt=100)
        books = self.backend.search(MATCH_ALL, models.Book)
        self.assertGreater(len(books), 4)
        expected = {book.pk for book in books if book.number_of_pages > 100}
        # Counting looks up the keys of a narrow search in the queryset, in one query where
        # the database takes that many parameters (SQLite's limit, well above PK_CHUNK_SIZE)...
        narrow = self.backend.search("javascript", models.Book)
        self.assertEqual(len(narrow), 2)
        with (
            mock.patch.object(whoosh_backend, "PK_CHUNK_SIZE", 1),
            self.assertNumQueries(1),
        ):
            self.assertEqual(
                self.backend.search("javascript", queryset).count(),
                len([book for book in narrow if book.number_of_pages > 100]),
            )
        # ...and reads the queryset's own keys once when the search matches most documents.
        with (
            mock.patch.object(whoosh_backend, "PK_CHUNK_SIZE", 1),
            self.assertNumQueries(1),
        ):
            self.assertEqual(self.backend.search(MATCH_ALL, queryset).count(), len(expected))
        with (
            mock.patch.object(whoosh_backend, "PK_CHUNK_SIZE", 1),
            mock.patch.object(whoosh_backend, "CHUNKED_FILTER_SHARE", 1.0),
            self.assertNumQueries(1),  # every key in one query, within SQLite's limit
        ):
            self.assertEqual(self.backend.search(MATCH_ALL, queryset).count(), len(expected))

    def test_a_page_of_results_asks_whoosh_for_the_top_hits_only(self):
        patch, calls = spy_on_whoosh_searches()
        with patch:
            list(self.backend.search(MATCH_ALL, models.Book)[:10])
        self.assertEqual([call["limit"] for call in calls], [whoosh_backend.MIN_TOP_HITS])

    def test_a_first_page_is_filtered_and_loaded_in_one_query(self):
        queryset = models.Book.objects.filter(number_of_pages__gt=300)
        everything = list(self.backend.search(MATCH_ALL, queryset))
        self.assertGreater(len(everything), 4)
        with self.assertNumQueries(1):
            first = list(self.backend.search(MATCH_ALL, queryset)[:2])
        # A later page filters its candidates' keys, then loads only its own slice.
        with self.assertNumQueries(2):
            second = list(self.backend.search(MATCH_ALL, queryset)[2:4])
        self.assertEqual(first + second, everything[:4])

    def test_a_later_page_loads_instances_as_the_queryset_does(self):
        queryset = models.Book.objects.filter(number_of_pages__gt=300).only("title")
        everything = list(self.backend.search(MATCH_ALL, queryset))
        later = list(self.backend.search(MATCH_ALL, queryset)[2:4])
        self.assertEqual(later, everything[2:4])
        for book in later:
            self.assertIn("number_of_pages", book.get_deferred_fields())
            self.assertNotIn("title", book.get_deferred_fields())

    def test_a_long_first_page_loads_no_more_than_it_shows(self):
        queryset = models.Book.objects.filter(number_of_pages__gt=300)
        # Keys filtered, then the slice loaded.
        with mock.patch.object(whoosh_backend, "MAX_EXTRA_LOADS", 0), self.assertNumQueries(2):
            results = list(self.backend.search(MATCH_ALL, queryset)[:2])
        self.assertEqual(results, list(self.backend.search(MATCH_ALL, queryset))[:2])

    def test_asks_for_more_hits_when_filters_leave_too_few(self):
        # "Two Scoops" says "Python" only in a field without a boost, so it ranks last.
        query = PlainText("javascript python", operator="or")
        queryset = models.Book.objects.filter(title__startswith="Two Scoops")
        patch, calls = spy_on_whoosh_searches()
        with patch, mock.patch.object(whoosh_backend, "MIN_TOP_HITS", 1):
            results = list(self.backend.search(query, queryset)[:1])
        self.assertEqual([book.title for book in results], ["Two Scoops of Django 1.11"])
        limits = [call["limit"] for call in calls]
        self.assertGreater(len(limits), 1)
        self.assertEqual(limits, sorted(limits))

    def test_one_searcher_per_index_refreshed_after_writes(self):
        store = self.backend.get_index_for_model(models.Book).store
        list(self.backend.search("javascript", models.Book))
        cached = store.searcher()
        searcher = cached.searcher
        list(self.backend.search("python", models.Novel))
        self.assertIs(store.searcher().searcher, searcher)

        book = models.Book.objects.create(
            title="Kettle care", publication_date=date(2020, 1, 1), number_of_pages=10
        )
        self.assertEqual(list(self.backend.search("kettle", models.Book)), [book])
        self.assertIs(store.searcher(), cached)
        self.assertIsNot(cached.searcher, searcher)

    def test_refreshed_searcher_finds_merged_documents_once(self):
        # Each add is a commit; Whoosh merges the small segments as they pile up.
        for number in range(30):
            self.backend.add(models.Author(pk=1000 + number, name=f"Author number{number}"))
            self.assertEqual(self.backend.search("tolkien", models.Author).count(), 1)
        self.assertEqual(self.backend.search("author", models.Author).count(), 30)

    def test_the_primary_key_column_is_opened_once_per_searcher(self):
        store = self.backend.get_index_for_model(models.Book).store
        list(self.backend.search("javascript", models.Book))
        cached = store.searcher()
        pks = cached.pks()
        list(self.backend.search("python", models.Book))
        self.assertIs(store.searcher().pks(), pks)

        book = models.Book.objects.create(
            title="Kettle care", publication_date=date(2020, 1, 1), number_of_pages=10
        )
        self.assertEqual(list(self.backend.search("kettle", models.Book)), [book])
        self.assertIsNot(cached.pks(), pks)

    def test_keys_read_from_the_column_are_kept_until_the_index_changes(self):
        store = self.backend.get_index_for_model(models.Book).store
        list(self.backend.search("javascript", models.Book))
        cached = store.searcher()
        to_python = models.Book._meta.pk.to_python

        def every_key():
            docnums = list(range(cached.searcher.doc_count_all()))
            column = cached.pks()
            return docnums, [to_python(column[docnum]) for docnum in docnums]

        docnums, keys = every_key()
        self.assertEqual(cached.pks_of(docnums, to_python), keys)
        with mock.patch.object(cached, "pks", side_effect=AssertionError("read again")):
            self.assertEqual(cached.pks_of(docnums[::-1], to_python), keys[::-1])

        # Commits, and merges that drop the deleted document: numbers that name other books.
        before = dict(zip(docnums, keys, strict=True))
        models.Book.objects.get(pk=keys[0]).delete()
        for number in range(30):
            models.Book.objects.create(
                title=f"Kettle care {number}", publication_date=date(2020, 1, 1), number_of_pages=10
            )
            list(self.backend.search("kettle", models.Book))
        self.assertIs(store.searcher(), cached)
        docnums, keys = every_key()
        renumbered = [
            docnum for docnum, key in zip(docnums, keys, strict=True) if before.get(docnum) != key
        ]
        self.assertTrue(renumbered)
        self.assertEqual(cached.pks_of(docnums, to_python), keys)

    def test_each_filtered_column_is_checked_once(self):
        # Like Wagtail's .public(): the same columns once per view restriction.
        excluded = Q()
        for pages in range(100, 1100, 100):
            excluded |= Q(number_of_pages=pages) & Q(publication_date__year__gte=1900)
        queryset = models.Book.objects.exclude(excluded)
        original = BaseSearchQueryCompiler._get_filter_field_path_for_column
        with mock.patch.object(
            BaseSearchQueryCompiler,
            "_get_filter_field_path_for_column",
            autospec=True,
            side_effect=original,
        ) as check:
            results = list(self.backend.search("javascript", queryset))
        self.assertEqual(check.call_count, 2)
        self.assertTrue(results)
        self.assertEqual(
            results,
            [
                book
                for book in self.backend.search("javascript", models.Book)
                if book.number_of_pages not in range(100, 1100, 100)
            ],
        )

    def test_content_type_documents_are_cached(self):
        store = self.backend.get_index_for_model(models.Novel).store
        list(self.backend.search("king", models.Novel))
        with mock.patch.object(Searcher, "docs_for_query") as docs_for_query:
            results = list(self.backend.search("king", models.Novel))
        docs_for_query.assert_not_called()
        self.assertEqual(self.titles(results), {"The Return of the King", "A Clash of Kings"})
        self.assertIn("searchtests_book_searchtests_novel", store.searcher()._content_type_docs)

    def test_content_type_documents_are_whooshs_across_segments_and_deletions(self):
        # Commits that add and delete books: several segments, some with deleted documents.
        store = self.backend.get_index_for_model(models.Book).store
        models.Book.objects.order_by("pk").first().delete()
        for number in range(12):
            book = models.Book.objects.create(
                title=f"Kettle care {number}", publication_date=date(2020, 1, 1), number_of_pages=10
            )
            if number % 4 == 0:
                book.delete()
            list(self.backend.search("kettle", models.Book))
        searcher = store.searcher().searcher
        self.assertGreater(len(searcher.leaf_searchers()), 1)
        for content_type in ("searchtests_book", "searchtests_book_searchtests_novel"):
            expected = set(searcher.docs_for_query(wq.Term("content_type", content_type)))
            self.assertTrue(expected)
            self.assertEqual(store.searcher().docs_for_content_type(content_type), expected)

    def test_rows_missing_from_the_database_are_not_results(self):
        # An index entry whose row was rolled back or deleted behind Wagtail's back.
        ghost = models.Book(
            pk=9999, title="Ghost book", publication_date=date(2020, 1, 1), number_of_pages=1
        )
        self.backend.add(ghost)
        self.assertEqual(list(self.backend.search("ghost", models.Book)), [])
        filtered = models.Book.objects.filter(number_of_pages__lt=10)
        self.assertEqual(self.backend.search("ghost", filtered).count(), 0)


class CallOrderTests(WhooshTestCase):
    """Each step of a search takes what it needs as arguments, so it runs on its own."""

    def test_keys_are_filtered_by_a_fresh_results_object(self):
        queryset = models.Book.objects.filter(number_of_pages__gt=500)
        results = self.backend.search("javascript", queryset)
        pks = list(models.Book.objects.values_list("pk", flat=True))
        expected = set(queryset.values_list("pk", flat=True))
        self.assertTrue(expected)
        for documents in (len(pks), 1):  # chunked lookups, then one pass
            with self.subTest(documents=documents):
                self.assertEqual(results._filter_pks(pks, documents), expected)

    def test_a_query_compiles_without_building_the_whole_search_first(self):
        compiler = self.backend.search("javascript", models.Book).query_compiler
        groups = [(SEARCH_ANALYZER, (("s__title", 2.0),))]
        compiled = compiler._compile(PlainText("javascripts"), groups)
        self.assertEqual(compiled, wq.Term("s__title", "javascript", boost=2.0))

    def test_words_are_analysed_in_each_language_for_its_own_fields(self):
        compiler = self.backend.search("objetivos", models.Book).query_compiler
        groups = [
            (SEARCH_ANALYZER, (("s__title", 1.0),)),
            (search_analyzer("es"), (("s_es__title", 1.0),)),
        ]
        self.assertEqual(
            compiler._compile(PlainText("los objetivos"), groups),
            UnionOr(
                [
                    wq.And([wq.Term("s__title", "los"), wq.Term("s__title", "objetivo")]),
                    wq.Term("s_es__title", "objet"),  # "los" is a Spanish stop word
                ]
            ),
        )


class IndexLayoutTests(WhooshTestCase):
    def test_one_index_per_root_model(self):
        book_index = self.backend.get_index_for_model(models.Book)
        self.assertIs(self.backend.get_index_for_model(models.Novel), book_index)
        self.assertIsNot(self.backend.get_index_for_model(models.Author), book_index)
        self.assertTrue(
            {"searchtests_book", "searchtests_author", "searchtests_character"}
            <= {path.name for path in self.index_dir.iterdir()}
        )

    def test_path_is_created_if_missing(self):
        path = self.index_dir / "nested" / "index"
        backend = whoosh_backend.WhooshSearchBackend({"PATH": str(path)})
        self.assertTrue(path.is_dir())
        self.assertEqual(backend.lock_timeout, 10)


class BlockwiseTests(WhooshTestCase):
    """Ranked searches through the backend find the same books with the same scores and in
    the same order whether `blockwise` or Whoosh's own collector ranks them."""

    QUERIES = [
        PlainText("javascript python", operator="or"),
        PlainText("javascript guide", operator="and"),
        Phrase("the good parts"),
        Or([PlainText("python"), Boost(PlainText("django"), 0.5)]),
        And([PlainText("javascript"), Not(PlainText("definitive"))]),
    ]

    def ranked(self, query, queryset):
        results = self.backend.search(query, queryset).annotate_score("_score")
        return [(book.pk, book._score) for book in results[:10]]

    def test_the_same_ranking_as_whooshs_collector(self):
        querysets = [models.Book.objects.all(), models.Book.objects.filter(number_of_pages__gt=300)]
        for query in self.QUERIES:
            for queryset in querysets:
                with self.subTest(query=query, queryset=queryset.query.where):
                    with mock.patch.object(blockwise, "top", wraps=blockwise.top) as top:
                        found = self.ranked(query, queryset)
                    # blockwise ranked them: asked the same, it answers, not None.
                    for call in top.call_args_list:
                        self.assertIsNotNone(blockwise.top(*call.args, **call.kwargs))
                    self.assertTrue(top.called)
                    with mock.patch.object(blockwise, "top", return_value=None):
                        expected = self.ranked(query, queryset)
                    self.assertEqual(found, expected)

    def test_fields_searched_restrict_the_ranking_alike(self):
        query = PlainText("javascript")
        results = self.backend.search(query, models.Book, fields=["title"])
        with mock.patch.object(blockwise, "top", return_value=None):
            expected = list(self.backend.search(query, models.Book, fields=["title"])[:10])
        self.assertEqual(list(results[:10]), expected)
        self.assertTrue(expected)
