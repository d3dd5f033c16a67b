"""The development mail backend: every message becomes one .eml file to open."""

from __future__ import annotations

import email
from email.header import decode_header, make_header

from django.core import mail


def test_each_message_is_written_to_its_own_eml_file(settings, tmp_path):
    settings.EMAIL_BACKEND = "solidarity.core.mail.OneFilePerMessageBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"

    sent = mail.send_mass_mail(
        [
            ("Confirm your signature", "Open this link to confirm.", "noreply@example.org", ["alice@example.org"]),
            ("Подтвердите подпись", "Откройте ссылку.", "noreply@example.org", ["bob@example.org"]),
        ]
    )

    files = sorted((tmp_path / "mail").glob("*.eml"))
    assert sent == 2
    assert len(files) == 2
    messages = [email.message_from_bytes(path.read_bytes()) for path in files]
    assert sorted(message["To"] for message in messages) == ["alice@example.org", "bob@example.org"]
    subjects = {str(make_header(decode_header(message["Subject"]))) for message in messages}
    assert subjects == {"Confirm your signature", "Подтвердите подпись"}


def test_mail_directory_is_created_when_missing(settings, tmp_path):
    settings.EMAIL_BACKEND = "solidarity.core.mail.OneFilePerMessageBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "not" / "there" / "yet"

    mail.send_mail("Hello", "Body", "noreply@example.org", ["alice@example.org"])

    assert len(list((tmp_path / "not" / "there" / "yet").glob("*.eml"))) == 1


def test_sending_nothing_writes_nothing(settings, tmp_path):
    settings.EMAIL_BACKEND = "solidarity.core.mail.OneFilePerMessageBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"

    assert mail.get_connection().send_messages([]) == 0
    assert list((tmp_path / "mail").glob("*.eml")) == []


def test_tests_keep_mail_in_memory():
    mail.send_mail("Hello", "Body", "noreply@example.org", ["alice@example.org"])

    assert [message.subject for message in mail.outbox] == ["Hello"]
