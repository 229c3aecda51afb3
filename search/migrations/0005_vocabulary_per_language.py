from django.db import migrations, models


def unbuild(apps, schema_editor):
    """The vocabulary is read from the pages again, by language, at the next change to a page
    (or `manage.py rebuild_vocabulary`): its words carried no language."""
    apps.get_model("search", "PageWords").objects.all().delete()
    apps.get_model("search", "VocabularyState").objects.update(built=False)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_steering_committee_thesaurus"),
    ]

    operations = [
        migrations.RunPython(unbuild, migrations.RunPython.noop),
        migrations.DeleteModel(name="VocabularyWord"),
        migrations.CreateModel(
            name="VocabularyWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("language", models.CharField(max_length=12)),
                ("word", models.CharField(max_length=60)),
                ("stem", models.CharField(max_length=60)),
                ("pages", models.PositiveIntegerField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("language", "word"), name="one_word_per_language"
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="vocabularystate",
            name="languages",
            field=models.JSONField(default=dict, help_text="Those pages counted by language."),
        ),
        migrations.AddField(
            model_name="pagewords",
            name="language",
            field=models.CharField(default="en", max_length=12),
        ),
    ]
