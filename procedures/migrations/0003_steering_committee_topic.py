from django.db import migrations, models

OLD, NEW = "governance", "steering_committee"


def rename_topic(apps, old, new):
    """The topic's stored value follows its name, on live pages and in every revision."""
    ProcedurePage = apps.get_model("procedures", "ProcedurePage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    ProcedurePage.objects.filter(topic=old).update(topic=new)
    content_type = ContentType.objects.filter(app_label="procedures", model="procedurepage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        if revision.content.get("topic") == old:
            revision.content["topic"] = new
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0002_adopted_at_links_to_outcome"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="procedurepage",
            name="topic",
            field=models.CharField(
                choices=[
                    ("organisation", "How the network is organised"),
                    ("membership", "Membership"),
                    ("statements", "Joint statements"),
                    ("steering_committee", "Steering committee"),
                    ("task_forces", "Task forces"),
                    ("meetings", "Meetings"),
                ],
                default="organisation",
                max_length=20,
            ),
        ),
        migrations.RunPython(
            lambda apps, schema_editor: rename_topic(apps, OLD, NEW),
            lambda apps, schema_editor: rename_topic(apps, NEW, OLD),
        ),
    ]
