"""What other parts of the site can listen to about signatures.

`signatures_changed` is sent, after the transaction commits, whenever what a statement's pages
show of its signatories changes: a signature is confirmed (becomes public), reconfirmed on the
current text, withdrawn, hidden or shown again by the committee, or unconfirmed ones are
purged. Receivers get `statement_id` (the statement page's id). It is the one place to hook
anything that copies what those pages show (the search index here; a page cache elsewhere).
"""

import django.dispatch

signatures_changed = django.dispatch.Signal()
