"""Exports of records from the admin: the signal sent after each one, so the audit log (a feature app) writes it."""

from __future__ import annotations

from django.dispatch import Signal

# Sent after a staff member exported records from the admin: ``sender`` is the model, with ``user``,
# ``format`` ("csv", "xlsx") and ``count`` (how many records the file holds).
records_exported = Signal()
