"""Data that every feature shares: the countries a record belongs to."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries


class Country(models.Model):
    """One country, by its ISO 3166-1 alpha-2 code; django-countries gives its name in every language.

    Every record that belongs to countries (a story, a group, an activity, a signature, a staff
    member's scope) refers to these rows, so the database can join, filter and count by country
    on an indexed column. The rows are made by a migration from django-countries' list
    (``countries_ensure`` adds any that a newer django-countries brings).
    """

    code = models.CharField(_("code"), max_length=2, primary_key=True)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]

    def __str__(self) -> str:
        return str(self.name)

    @property
    def name(self) -> str:
        """The country's name in the active language (with the network's own spellings)."""
        return str(all_countries.name(self.code)) or self.code

    @property
    def slug(self) -> str:
        """The code as it appears in addresses: ``ru`` in ``/en/countries/ru/``."""
        return self.code.lower()
