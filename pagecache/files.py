"""The page cache in files, for one server's workers: Django's file cache, culled less often.

Django's `FileBasedCache` counts its entries before every write, by listing its directory,
so that it can remove some when there are MAX_ENTRIES or more. With the site's thousands of
cached pages and kept searches, that listing costs more than the write itself: about 9 ms for
3,000 entries, in every request that stores a page or a search's matches (the search page's
first request after a change, at 10,000 pages, spent a tenth of its time there).

`PageFileCache` counts them once every CHECK_EVERY writes of a process instead. Between two
counts a directory can grow past MAX_ENTRIES by at most CHECK_EVERY entries per worker (a
fiftieth of MAX_ENTRIES), and the count then culls as Django's does (a random third by
default, `CULL_FREQUENCY`). Reading, expiry and everything else are Django's.
"""

from django.core.cache.backends.filebased import FileBasedCache


class PageFileCache(FileBasedCache):
    def __init__(self, dir, params):
        super().__init__(dir, params)
        self.check_every = max(1, self._max_entries // 50)
        # The first write of a process counts: a restarted worker finds a full directory.
        self._writes_since_count = self.check_every

    def _cull(self):
        if self._writes_since_count < self.check_every:
            self._writes_since_count += 1
            return
        self._writes_since_count = 1
        super()._cull()
