from django.db import migrations

OLD, NEW = "moderation.change_summary", "history.change_summary"


def rename(apps, old, new):
    for model in ("PageLogEntry", "ModelLogEntry"):
        apps.get_model("wagtailcore", model).objects.filter(action=old).update(action=new)


class Migration(migrations.Migration):
    """Log entries of change summaries take the name of the app that now records them."""

    dependencies = [
        ("history", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: rename(apps, OLD, NEW),
            lambda apps, schema_editor: rename(apps, NEW, OLD),
        ),
    ]
