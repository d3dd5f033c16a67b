"""Exports of records from the admin: the signal sent after each one, so the audit log (a feature app) writes it,
and the cell of a CSV that a spreadsheet never runs as a formula."""

from __future__ import annotations

from typing import Any

from django.dispatch import Signal

# Sent after a staff member exported records from the admin: ``sender`` is the model, with ``user``,
# ``format`` ("csv", "xlsx") and ``count`` (how many records the file holds); optionally ``filters`` (what the
# export was narrowed to, such as a call and countries: no personal data, the audit log keeps it forever).
records_exported = Signal()

# What a spreadsheet reads as the start of a formula.
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: what people typed never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(CSV_FORMULA_STARTS) else text
