"""Who the network is: its records, membership, steering committee and task forces."""

from .committee import Seat, SeatTerm, SteeringCommitteePage
from .membership import MembershipPage
from .records import GLOBAL_SOUTH_REGIONS, Organisation, Person, Region
from .task_forces import SET_UP_AT_TYPES, TaskForceIndexPage, TaskForceOutcomeBlock, TaskForcePage

__all__ = [
    "GLOBAL_SOUTH_REGIONS",
    "SET_UP_AT_TYPES",
    "MembershipPage",
    "Organisation",
    "Person",
    "Region",
    "Seat",
    "SeatTerm",
    "SteeringCommitteePage",
    "TaskForceIndexPage",
    "TaskForceOutcomeBlock",
    "TaskForcePage",
]
