"""The writer of a large rebuild: Whoosh analyses and writes in a child process while this one
reads the next documents from the database."""

import multiprocessing
import multiprocessing.queues
import queue

from whoosh.multiproc import MpWriter, SubWriterTask

from .exceptions import SearchIndexError


class RebuildWriter(MpWriter):
    """Whoosh's multi-process writer with one child, which analyses the documents and writes
    their segment while this process builds the next ones from the database.

    A rebuild's two halves, reading the pages (Django, rich text made plain) and writing the
    index (analysis, postings: Whoosh, all in Python), each take a large part of its time;
    on two cores they overlap. One child writes every document in the order given, so the
    segment is the one a single writer would have made (same document numbers, no merge).
    Whoosh's own writer would hang or lose documents when the child fails (it waits on a
    full queue, and leaves the missing segment out of the commit) and cannot cancel it (the
    flag it sets is in this process): here a failed child is an error, and the child is a
    daemon, ended with the writer or with this process.
    """

    BATCH = 100

    def __init__(self, ix, **kwargs):
        super().__init__(ix, procs=1, batchsize=self.BATCH, multisegment=True, **kwargs)
        self.jobqueue = JobQueue(self.procs * 4, self.tasks)

    def _new_task(self):
        task = SubWriterTask(
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            self.multisegment,
        )
        task.daemon = True
        self.tasks.append(task)
        task.start()
        return task

    def commit(self, *args, **kwargs):
        super().commit(*args, **kwargs)
        failed = [task.exitcode for task in self.tasks if task.exitcode]
        if failed:
            raise SearchIndexError(f"The index writer's process failed (exit code {failed[0]}).")

    def cancel(self):
        for task in self.tasks:
            task.terminate()
            task.join()
        self.tasks.clear()
        super().cancel()


class JobQueue(multiprocessing.queues.Queue):
    """The queue of documents for a `RebuildWriter`'s child, which stops waiting for room
    when the child has died."""

    def __init__(self, maxsize, tasks):
        super().__init__(maxsize, ctx=multiprocessing.get_context())
        self.tasks = tasks

    def put(self, obj, block=True, timeout=None):
        while True:
            try:
                return super().put(obj, timeout=1)
            except queue.Full:
                if not all(task.is_alive() for task in self.tasks):
                    raise SearchIndexError("The index writer's process stopped.") from None
