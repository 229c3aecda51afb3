"""Write the public record of what happened before it was kept: every publication and
unpublication Wagtail logged, with the change summaries and approvals stored then."""

from django.db import migrations

PUBLISH, UNPUBLISH = "wagtail.publish", "wagtail.unpublish"


def full_name(user):
    if user is None:
        return ""
    return f"{user.first_name} {user.last_name}".strip() or "A member"


def public_path(url_path, roots):
    """A page's address on its site, from its path in the tree."""
    for root in roots:
        if url_path.startswith(root):
            return "/" + url_path[len(root) :]
    return url_path


def backfill(apps, schema_editor):
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    ChangeSummary = apps.get_model("history", "ChangeSummary")
    RecordEntry = apps.get_model("history", "RecordEntry")
    QuorumDecision = apps.get_model("moderation", "QuorumDecision")
    if RecordEntry.objects.exists():
        return
    Site = apps.get_model("wagtailcore", "Site")
    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    roots = [site.root_page.url_path for site in Site.objects.select_related("root_page")]
    pages = {page.pk: page for page in Page.objects.all()}
    summaries = dict(ChangeSummary.objects.values_list("revision_id", "text"))
    approvers, proposers = {}, {}
    for decision in QuorumDecision.objects.filter(decision="approve").order_by("created_at"):
        approvers.setdefault(decision.revision_id, []).append(decision.name)
    for task_state in TaskState.objects.select_related("workflow_state__requested_by"):
        proposers.setdefault(
            task_state.revision_id, full_name(task_state.workflow_state.requested_by)
        )
    entries = []
    for log in PageLogEntry.objects.filter(action__in=[PUBLISH, UNPUBLISH]).order_by(
        "timestamp", "pk"
    ):
        page = pages.get(log.page_id)
        if page is None:
            continue
        revision = (
            Revision.objects.select_related("user").filter(pk=log.revision_id).first()
            if log.action == PUBLISH
            else None
        )
        if log.action == PUBLISH and revision is None:
            continue
        author = full_name(revision.user) if revision else full_name(log.user)
        entries.append(
            RecordEntry(
                page_id=page.pk,
                kind="published" if log.action == PUBLISH else "withdrawn",
                at=log.timestamp,
                title=(revision.content.get("title") if revision else None) or page.title,
                url=public_path(page.url_path, roots),
                content_type_id=page.content_type_id,
                revision_id=revision.pk if revision else None,
                content=revision.content if revision else None,
                summary=summaries.get(revision.pk, "") if revision else "",
                proposed_by=(proposers.get(revision.pk) if revision else "") or author,
                approved_by=approvers.get(revision.pk, []) if revision else [],
                performed_by=full_name(log.user),
                public=not any(page.path.startswith(path) for path in restricted),
            )
        )
    RecordEntry.objects.bulk_create(entries, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("history", "0003_record_entries"),
        ("moderation", "0006_decision_names_and_revision_texts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(
            backfill,
            lambda apps, schema_editor: apps.get_model("history", "RecordEntry")
            .objects.all()
            .delete(),
        ),
    ]
