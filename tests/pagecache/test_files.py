"""The page cache's files: counted once every so many writes, and still culled."""

from unittest import mock

from django.core.cache.backends.filebased import FileBasedCache

from pagecache.files import PageFileCache


def cache_in(folder, max_entries):
    return PageFileCache(str(folder), {"OPTIONS": {"MAX_ENTRIES": max_entries}})


def files_in(folder):
    return len(list(folder.glob("*.djcache")))


def test_entries_are_counted_once_every_check_every_writes(tmp_path):
    cache = cache_in(tmp_path, 5000)
    assert cache.check_every == 100
    with mock.patch.object(
        FileBasedCache, "_list_cache_files", autospec=True, return_value=[]
    ) as listing:
        for n in range(250):
            cache.set(f"key-{n}", n)
    # The first write of the process counts, then one in every hundred.
    assert listing.call_count == 3
    assert cache.get("key-249") == 249


def test_a_full_cache_is_still_culled(tmp_path):
    cache = cache_in(tmp_path, 100)
    assert cache.check_every == 2
    for n in range(400):
        cache.set(f"key-{n}", n)
    # Never more than MAX_ENTRIES plus the writes between two counts.
    assert files_in(tmp_path) <= 100 + cache.check_every
    assert cache.get("key-399") == 399


def test_a_new_process_counts_on_its_first_write(tmp_path):
    for n in range(150):
        cache_in(tmp_path, 5000).set(f"old-{n}", n)  # each a process of its own
    full = cache_in(tmp_path, 120)
    full.set("new", 1)
    assert files_in(tmp_path) < 120
