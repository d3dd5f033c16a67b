"""Write rules of the core app: work on personal data as a whole (key rotation)."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.apps import apps
from django.db import models, transaction

from solidarity.core.fields import EncryptedTextField


def encrypted_fields() -> list[tuple[type[models.Model], list[EncryptedTextField]]]:
    """Every model with a table of its own and the encrypted columns of that table.

    Each column is listed once, with the model that owns its table (an inherited field
    belongs to its parent); proxy and unmanaged models have no table of their own to write.
    """
    found = []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        fields = [field for field in meta.local_concrete_fields if isinstance(field, EncryptedTextField)]
        if fields:
            found.append((model, fields))
    return found


def personal_data_reencrypt(*, batch_size: int = 500) -> int:
    """Rewrite every stored encrypted value with the newest data key; the number of values rewritten.

    Loading a row decrypts each value with whichever configured key wrote it; saving it back
    encrypts it with the first key of ``SOLIDARITY_DATA_KEY``. Afterwards older keys can be
    removed. Each batch is one transaction with its rows locked, so a concurrent edit is never
    overwritten with an older value; a value no configured key decrypts stops the run with a
    ValueError and leaves its batch as it was. Running it again is harmless.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1.")
    rewritten = 0
    for model, fields in encrypted_fields():
        names = [field.name for field in fields]
        with_a_value = reduce(or_, (models.Q(**{f"{name}__isnull": False}) for name in names))
        rows = model._base_manager.filter(with_a_value).only(*names).order_by("pk")
        last_pk = None
        while True:
            with transaction.atomic():
                batch_rows = rows if last_pk is None else rows.filter(pk__gt=last_pk)
                batch = list(batch_rows.select_for_update()[:batch_size])
                if not batch:
                    break
                model._base_manager.bulk_update(batch, names)
            rewritten += sum(getattr(obj, name) is not None for obj in batch for name in names)
            last_pk = batch[-1].pk
    return rewritten
