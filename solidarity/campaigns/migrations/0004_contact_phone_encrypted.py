"""A country contact's phone number is encrypted at rest: it is public only while the editor shows it."""

from django.db import migrations

import solidarity.core.fields


def encrypt(apps, schema_editor):
    CountryContact = apps.get_model("campaigns", "CountryContact")
    for contact in CountryContact.objects.exclude(phone=""):
        contact.phone_encrypted = contact.phone
        contact.save(update_fields=["phone_encrypted"])


def decrypt(apps, schema_editor):
    CountryContact = apps.get_model("campaigns", "CountryContact")
    for contact in CountryContact.objects.all():
        contact.phone = (contact.phone_encrypted or "")[:40]
        contact.save(update_fields=["phone"])


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0003_roles_admin")]

    operations = [
        migrations.AddField(
            model_name="countrycontact",
            name="phone_encrypted",
            field=solidarity.core.fields.EncryptedTextField(blank=True, default="", verbose_name="phone"),
            preserve_default=False,
        ),
        migrations.RunPython(encrypt, decrypt),
        migrations.RemoveField(model_name="countrycontact", name="phone"),
        migrations.RenameField(model_name="countrycontact", old_name="phone_encrypted", new_name="phone"),
    ]
