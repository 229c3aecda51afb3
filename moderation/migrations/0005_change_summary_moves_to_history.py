from django.db import migrations


class Migration(migrations.Migration):
    """Change summaries belong to the public record: the model moves to the history app.

    Only Django's idea of the model moves here; history's migrations take over the table.
    """

    dependencies = [
        ("moderation", "0004_network_record_permissions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ChangeSummary")],
            database_operations=[],
        ),
    ]
