"""A model with encrypted columns, so tests can prove what ``Model.save()`` really stores.

No migrations: the test runner creates the table with ``migrate --run-syncdb``.
"""

from __future__ import annotations

from django.db import models

from solidarity.core.fields import EncryptedEmailField, EncryptedTextField


class PersonalRecord(models.Model):
    email = EncryptedEmailField()
    email_hash = models.CharField(max_length=64, db_index=True)
    note = EncryptedTextField(null=True, blank=True)

    def __str__(self) -> str:
        return f"personal record {self.pk}"
