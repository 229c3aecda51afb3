"""What is wrong with an index, in words for anyone (`summary`) and for an administrator
(`detail`): what `IndexStore.health` reports and `/healthz` shows (operations.health)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class IndexHealth:
    """What is wrong with one index, after writing in what could be: `summary` says it to
    anyone (no paths, no error text), `detail` to an administrator; `waiting` counts the
    changes it has not taken."""

    summary: str
    detail: str
    waiting: int = 0


def unwritten_summary(waiting):
    """What `waiting` changes not written in say to anyone; "" for none."""
    if not waiting:
        return ""
    return f"{waiting} change{'s' if waiting != 1 else ''} not yet written to the search index"
