"""Write rules of the core app: personal data as a whole (key rotation), member organisations, country introductions."""

from __future__ import annotations

from collections.abc import Mapping
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from wagtail.log_actions import log
from wagtail.models import Locale

from solidarity.core.countries import countries_from_codes
from solidarity.core.fields import EncryptedTextField
from solidarity.core.models import Country, CountryIntroduction, MemberOrganisation, MemberOrganisationDescription

if TYPE_CHECKING:
    from wagtail.images.models import AbstractImage


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


# ---------------------------------------------------------------------------------------------
# Member organisations and country introductions (the admin's snippet views write them too,
# with the same log entries)
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def organisation_create(
    *,
    name: str,
    country: str,
    city: str = "",
    website: str = "",
    logo: AbstractImage | None = None,
    year_joined: int | None = None,
    descriptions: Mapping[str, str] | None = None,
    user: AbstractBaseUser | None = None,
) -> MemberOrganisation:
    """A member organisation with its descriptions by language (``{"en": "...", "ru": "..."}``).

    Checked as the admin checks it (a ValidationError names the field); leaves Wagtail's log entry.
    """
    organisation = MemberOrganisation(
        name=name,
        country=_country(country),
        city=city,
        website=website,
        logo=logo,
        year_joined=year_joined,
    )
    organisation.full_clean()
    organisation.save()
    _descriptions_set(organisation, descriptions or {})
    log(instance=organisation, action="wagtail.create", user=user, content_changed=True)
    return organisation


@transaction.atomic
def organisation_update(
    *, organisation: MemberOrganisation, user: AbstractBaseUser | None = None, **changes: Any
) -> MemberOrganisation:
    """Change an organisation's fields; ``descriptions`` replaces the languages it names (an empty text removes one)."""
    descriptions = changes.pop("descriptions", None)
    for name, value in changes.items():
        setattr(organisation, name, _country(value) if name == "country" else value)
    organisation.full_clean()
    organisation.save()
    if descriptions is not None:
        _descriptions_set(organisation, descriptions)
    log(instance=organisation, action="wagtail.edit", user=user, content_changed=True)
    return organisation


def _descriptions_set(organisation: MemberOrganisation, descriptions: Mapping[str, str]) -> None:
    languages = {code for code, _name in settings.LANGUAGES}
    for language, text in descriptions.items():
        if language not in languages:
            raise ValidationError({"language": f"Not a language of the site: {language}"})
        text = text.strip()
        existing = organisation.descriptions.filter(language=language).first()
        if not text:
            if existing is not None:
                existing.delete()
            continue
        description = existing or MemberOrganisationDescription(organisation=organisation, language=language)
        description.text = text
        description.full_clean(exclude=["organisation"])
        description.save()


@transaction.atomic
def country_introduction_set(
    *, country: str, language: str, text: str, user: AbstractBaseUser | None = None
) -> CountryIntroduction:
    """A country's introduction in one language, made or replaced; a translation of the default language's one."""
    locale = Locale.objects.get(language_code=language)
    target = _country(country)
    introduction = CountryIntroduction.objects.filter(country=target, locale=locale).first()
    created = introduction is None
    if introduction is None:
        original = CountryIntroduction.objects.filter(
            country=target, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        introduction = CountryIntroduction(country=target, locale=locale)
        if original is not None:
            introduction.translation_key = original.translation_key
    introduction.text = text
    introduction.full_clean()
    introduction.save()
    log(instance=introduction, action="wagtail.create" if created else "wagtail.edit", user=user, content_changed=True)
    return introduction


def _country(code: str | Country) -> Country:
    if isinstance(code, Country):
        return code
    countries = countries_from_codes([code])
    return countries[0]
