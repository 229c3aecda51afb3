from .counts import SignatureCount
from .pages import StatementIndexPage, StatementPage
from .signatures import PUBLIC, Signature, SignatureQuerySet

__all__ = [
    "PUBLIC",
    "Signature",
    "SignatureCount",
    "SignatureQuerySet",
    "StatementIndexPage",
    "StatementPage",
]
