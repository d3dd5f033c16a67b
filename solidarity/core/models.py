"""Data that every feature shares: countries, the network's member organisations, country introductions."""

from __future__ import annotations

from collections.abc import Collection

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin

from solidarity.core.fields import EncryptedEmailField, EncryptedTextField
from solidarity.core.languages import language_order


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


FIRST_YEAR = 1900  # the earliest year a member may have joined


def _current_year() -> int:
    return timezone.localdate().year


class MemberOrganisation(ClusterableModel):
    """An organisation of the network, one record each: the Members page, a country's page and bylines read it.

    It lives in core, beside :class:`Country`, rather than in ``home`` (where DESIGN.md first put
    the directory): stories credit an organisation, and campaigns (groups taking part) and public
    calls (signing organisations) will link to the same records, while stories may import no
    feature app but core. ``home`` only shows the directory, on its Members page.

    Its short description is written per language (:class:`MemberOrganisationDescription`, at
    most one per language); readers get theirs, else the English one, else any.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    country = models.ForeignKey(
        # No reverse accessor on Country: type checkers cannot see a ClusterableModel's manager.
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True, help_text=_("The full address, starting with https://."))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    year_joined = models.PositiveSmallIntegerField(_("year joined"), null=True, blank=True)

    class Meta:
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        self.name = " ".join(self.name.split())
        if self.year_joined is not None and not FIRST_YEAR <= self.year_joined <= _current_year():
            raise ValidationError(
                {
                    "year_joined": _("Give a year between %(first)s and %(last)s.")
                    % {"first": FIRST_YEAR, "last": _current_year()}
                }
            )

    def description_in(self, language: str) -> MemberOrganisationDescription | None:
        """The description in this language, else in the site's default language, else any (from prefetched rows)."""
        descriptions = list(self.descriptions.all())
        for wanted in (language, settings.LANGUAGE_CODE):
            for description in descriptions:
                if description.language == wanted:
                    return description
        return min(descriptions, key=lambda description: language_order(description.language), default=None)

    @property
    def anchor(self) -> str:
        """The id of its entry on the Members page: ``/en/members/#member-12``."""
        return f"member-{self.pk}"


class MemberOrganisationDescription(Orderable):
    """An organisation's short description in one language."""

    organisation = ParentalKey(MemberOrganisation, on_delete=models.CASCADE, related_name="descriptions")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    text = models.TextField(_("text"), max_length=600)

    panels = [FieldPanel("language"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("description")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "language"], name="one_description_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} ({self.language})"


class CountryIntroduction(TranslatableMixin, models.Model):
    """What a country's page says first, in one language: the situation, the network's work there.

    A translatable snippet: the admin's "Translate" makes the Russian one from the English one,
    and each language has at most one introduction per country.
    """

    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="introductions"
    )
    text = RichTextField(_("text"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("country introduction")
        verbose_name_plural = _("country introductions")
        constraints = [models.UniqueConstraint(fields=["country", "locale"], name="one_introduction_per_language")]

    def __str__(self) -> str:
        return f"{self.country.name} ({self.locale.language_code})"

    def validate_constraints(self, exclude: Collection[str] | None = None) -> None:
        # "locale" is not a field of the admin's form, so Django would not check this pair there.
        super().validate_constraints(exclude=None if exclude is None else set(exclude) - {"locale"})


class StaffCountries(ClusterableModel):
    """The countries a country-scoped staff member (a country coordinator) answers for.

    Staff with the ``core.all_countries`` permission (editors; administrators are superusers) see
    every country and need no row here; everyone else sees the records of these countries only,
    and of no country without a row. ``solidarity.core.access`` is the one place that reads it.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="staff_countries"
    )
    countries = ParentalManyToManyField(
        Country,
        verbose_name=_("countries"),
        blank=True,
        related_name="+",
        help_text=_("The countries this person answers for."),
    )

    class Meta:
        verbose_name = _("countries of a staff member")
        verbose_name_plural = _("countries of staff members")
        default_permissions = ()
        permissions = [("all_countries", _("Can see and change the records of every country"))]

    def __str__(self) -> str:
        return str(self.user)


class OutgoingEmail(models.Model):
    """One email to one person, queued by a feature and sent by a task (``core.outbox``).

    Its address, subject and text are encrypted at rest (they carry private links); once sent,
    the text is emptied. A failed send is tried again later and stays visible to staff with its
    error until it is sent or given up.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Given up")

    recipient = EncryptedEmailField(_("to"))
    reply_to = EncryptedEmailField(_("reply to"), blank=True)
    subject = EncryptedTextField(_("subject"))
    body = EncryptedTextField(_("text"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    purpose = models.CharField(_("what for"), max_length=100)
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.purpose} #{self.pk}"
