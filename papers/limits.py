"""Running a function in a child Python process with a cap on its memory and its time.

The child is started afresh (multiprocessing's "spawn": no copy of the parent's memory, its
database connections or its threads) and caps its own address space (`RLIMIT_AS`) before it
starts; the parent waits at most the given seconds for its answer and then kills it. Only
Python runs: no other program is started.
"""

import multiprocessing
import resource

# The child's exit status when it ran out of its memory (it may not have the memory to say so).
OUT_OF_MEMORY = 75
MB = 1024 * 1024


def run_limited(function, args, seconds, megabytes, failure):
    """`function(*args)` run in a child process; an exception of type `failure` it raises is
    raised again here, and going past `seconds` or `megabytes` raises `failure` saying so."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(sender, function, args, megabytes, failure), daemon=True
    )
    child.start()
    sender.close()  # the child holds the only sending end: its exit ends the pipe
    try:
        if not receiver.poll(seconds):
            raise failure(
                f"Reading the file was stopped after {seconds:g} seconds, the longest it may "
                "take; it may be very large, damaged or unusually complex."
            )
        try:
            outcome, value = receiver.recv()
        except EOFError:
            outcome, value = None, None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if outcome == "ok":
        return value
    if outcome == "failure":
        raise failure(value)
    if child.exitcode == OUT_OF_MEMORY or outcome == "memory":
        raise failure(
            f"Reading the file needed more than {megabytes:g} MB of memory, so it was stopped; "
            "it may be very large or unusually complex."
        )
    if outcome == "error":
        raise failure(f"The file's text could not be read ({value}).")
    raise failure(f"Reading the file stopped unexpectedly (exit status {child.exitcode}).")


def _child(sender, function, args, megabytes, failure):
    import os

    limit = int(megabytes * MB)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        try:
            answer = ("ok", function(*args))
        except failure as error:
            answer = ("failure", str(error))
        except MemoryError:
            answer = ("memory", None)
        except Exception as error:  # a file no library expected: said, not raised
            answer = ("error", type(error).__name__)
        sender.send(answer)
    except MemoryError:
        os._exit(OUT_OF_MEMORY)
    sender.close()
