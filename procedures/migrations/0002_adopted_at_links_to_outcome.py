import django.db.models.deletion
from django.db import migrations, models


def drop_free_text_from_revisions(apps, schema_editor):
    """Old revisions hold `adopted_at` as free text; a link cannot be made from it, so clear it.

    Without this, opening or comparing such a revision would try to read the text as a page id.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(
        app_label="procedures", model="objectivespage"
    ).first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        value = revision.content.get("adopted_at")
        if value is not None and not isinstance(value, int):
            revision.content["adopted_at"] = None
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("meetings", "0001_initial"),
        ("procedures", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        # A new column rather than a conversion: the old free text is not a page id.
        migrations.RemoveField(model_name="objectivespage", name="adopted_at"),
        migrations.AddField(
            model_name="objectivespage",
            name="adopted_at",
            field=models.ForeignKey(
                blank=True,
                help_text="The meeting outcome that records where the objectives were agreed.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="meetings.outcomepage",
            ),
        ),
        migrations.RunPython(drop_free_text_from_revisions, migrations.RunPython.noop),
    ]
