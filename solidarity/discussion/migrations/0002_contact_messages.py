"""The messages readers wrote to campaigns' country contacts become questions in that country's inbox (the
questions replace campaigns.ContactMessage, which the next campaigns migration removes). The encrypted fields
are copied as they are stored (same key, same ciphertext)."""

from django.db import migrations


def forwards(apps, schema_editor):
    ContactMessage = apps.get_model("campaigns", "ContactMessage")
    Question = apps.get_model("discussion", "Question")
    table = schema_editor.connection.ops.quote_name
    for message in ContactMessage.objects.select_related("contact").order_by("pk"):
        question = Question.objects.create(
            name="-",
            email="-@-",
            text="-",
            topic="other",
            language=message.language,
            country_id=message.contact.country_id,
            inbox_country_id=message.contact.country_id,
            campaign_key=message.contact.campaign_key,
            contact_id=message.contact_id,
            created_at=message.created_at,
        )
        # The encrypted columns, copied raw: no key is needed and nothing is decrypted here.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT sender_name, sender_email, text FROM {table('campaigns_contactmessage')} WHERE id = %s",
                [message.pk],
            )
            name, email, text = cursor.fetchone()
            cursor.execute(
                f"UPDATE {table('discussion_question')} SET name = %s, email = %s, text = %s WHERE id = %s",
                [name, email, text, question.pk],
            )


class Migration(migrations.Migration):
    dependencies = [("discussion", "0001_initial"), ("campaigns", "0005_comments_settings")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
