"""Quorum approval: the task, the decisions, what each revision says, and withdrawals."""

from .quorum import QuorumApprovalTask, QuorumDecision, may_publish_directly, needs_quorum
from .texts import RevisionText
from .withdrawals import WITHDRAWAL_REASON_MAX_LENGTH, Withdrawal, WithdrawalDecision

__all__ = [
    "QuorumApprovalTask",
    "QuorumDecision",
    "RevisionText",
    "WITHDRAWAL_REASON_MAX_LENGTH",
    "Withdrawal",
    "WithdrawalDecision",
    "may_publish_directly",
    "needs_quorum",
]
