"""The home page becomes its own app (``home``): its table is renamed, its rows and content type kept."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0003_countries_as_data"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="HomePage")],
            database_operations=[migrations.AlterModelTable(name="HomePage", table="home_homepage")],
        ),
    ]
