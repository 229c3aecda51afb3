import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Take over moderation's change summary table, then give it this app's name."""

    initial = True

    dependencies = [
        ("moderation", "0005_change_summary_moves_to_history"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ChangeSummary",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("text", models.CharField(max_length=200)),
                        (
                            "revision",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="change_summary",
                                to="wagtailcore.revision",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name_plural": "change summaries",
                        "db_table": "moderation_changesummary",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="changesummary", table=None),
    ]
