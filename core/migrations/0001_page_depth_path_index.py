"""An index on the page tree's (depth, path), so that a page's children are found without
reading its whole subtree.

Treebeard asks for a page's children as `depth = d + 1 AND path BETWEEN …`: Wagtail indexes
`path` alone, so the database reads every descendant in that range and checks its depth. The
header's site sections ask for the home page's children on every page not served from the
page cache, and the home page's descendants are the whole site. Wagtail's own migrations
add no such index, so it is added here, by name, and dropped on the way back.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX core_page_depth_path ON wagtailcore_page (depth, path)",
            reverse_sql="DROP INDEX core_page_depth_path",
        ),
    ]
