"""The network's meetings, their programme of sessions, and the outcomes they produced."""

from .meetings import MeetingIndexPage, MeetingPage, ProgrammeDay
from .outcomes import LED_TO_TYPES, OutcomeLink, OutcomePage
from .sessions import MeetingObjective, Session

__all__ = [
    "LED_TO_TYPES",
    "MeetingIndexPage",
    "MeetingObjective",
    "MeetingPage",
    "OutcomeLink",
    "OutcomePage",
    "ProgrammeDay",
    "Session",
]
