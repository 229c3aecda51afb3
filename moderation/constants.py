"""Governance names, defined once and used by migrations, code and tests."""

MEMBERS_GROUP = "Members"
STEERING_COMMITTEE_GROUP = "Steering committee"

WORKFLOW_NAME = "Steering committee approval"
QUORUM_TASK_NAME = "Approval by a quorum of the steering committee"
DEFAULT_REQUIRED_APPROVALS = 2

# Page permissions each group holds on the whole page tree (granted at the root page).
MEMBERS_PAGE_PERMISSIONS = ("add_page", "change_page")
# No group publishes: a quorum approval publishes on its own authority (moderation.workflow).
STEERING_COMMITTEE_PAGE_PERMISSIONS = ("add_page", "change_page")

# Document and image permissions on the root collection (background papers, reports).
COLLECTION_PERMISSIONS = (
    ("wagtaildocs", "document", ("add_document", "change_document", "choose_document")),
    ("wagtailimages", "image", ("add_image", "change_image", "choose_image")),
)
