"""Documents uploaded before documents carried their text (wagtaildocs.Document) become
papers.Paper rows with the same ids, files, collections, uploaders, dates and tags, so that
every page and block that refers to a document by id keeps referring to it, and Wagtail's
reference index follows them. Their text is read by `manage.py read_document_texts`. The
old rows stay where they were (Wagtail's own table); reversing removes the copies."""

from django.core.management.color import no_style
from django.db import migrations

COPIED = ("title", "file", "collection_id", "uploaded_by_user_id", "file_size", "file_hash")


def copy_documents(apps, schema_editor):
    Document = apps.get_model("wagtaildocs", "Document")
    Paper = apps.get_model("papers", "Paper")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    documents = list(Document.objects.order_by("pk"))
    if not documents:
        return
    Paper.objects.bulk_create(
        Paper(pk=document.pk, **{field: getattr(document, field) for field in COPIED})
        for document in documents
    )
    for document in documents:
        # created_at is set on insert: give it back its date.
        Paper.objects.filter(pk=document.pk).update(created_at=document.created_at)
    old, _ = ContentType.objects.get_or_create(app_label="wagtaildocs", model="document")
    new, _ = ContentType.objects.get_or_create(app_label="papers", model="paper")
    TaggedItem.objects.bulk_create(
        TaggedItem(content_type=new, object_id=item.object_id, tag_id=item.tag_id)
        for item in TaggedItem.objects.filter(content_type=old)
    )
    ReferenceIndex.objects.filter(to_content_type=old).update(to_content_type=new)
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Paper]):
            cursor.execute(sql)


def remove_copies(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    old, _ = ContentType.objects.get_or_create(app_label="wagtaildocs", model="document")
    new = ContentType.objects.filter(app_label="papers", model="paper").first()
    if new is not None:
        ReferenceIndex.objects.filter(to_content_type=new).update(to_content_type=old)
        apps.get_model("taggit", "TaggedItem").objects.filter(content_type=new).delete()
    apps.get_model("papers", "Paper").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("papers", "0001_paper"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(copy_documents, remove_copies)]
