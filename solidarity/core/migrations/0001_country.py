from django.db import migrations, models


def add_countries(apps, schema_editor):
    from django_countries import countries

    Country = apps.get_model("core", "Country")
    Country.objects.bulk_create([Country(code=country.code) for country in countries], ignore_conflicts=True)


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Country",
            fields=[
                ("code", models.CharField(max_length=2, primary_key=True, serialize=False, verbose_name="code")),
            ],
            options={
                "verbose_name": "country",
                "verbose_name_plural": "countries",
                "ordering": ["code"],
            },
        ),
        migrations.RunPython(add_countries, migrations.RunPython.noop),
    ]
