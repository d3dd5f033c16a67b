"""The demo's signatures of its public calls: invented people in several countries, some shown by name, a few
organisations (members of the network and others) checked by the demo admin, one still waiting for the check.

They are written in their final state in bulk, not through ``calls.services`` one by one: signing mails a
confirmation link, and the demo sends no email to invented people (and makes hundreds of signatures in a
moment). The counts kept beside them (``SignatureCount``) are set from the rows in the same transaction, as
``calls.services.counts_verify(repair=True)`` would set them, so ``counts_verify()`` finds nothing afterwards.
Names and addresses are invented; the addresses are on example.org (reserved for examples).
"""

from __future__ import annotations

import datetime
import hashlib
import random
from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from solidarity.calls.models import PublicCallPage, Review, Signature, SignatureCount, SignerKind
from solidarity.calls.services import counts_from_rows
from solidarity.core import crypto
from solidarity.core.models import Country, MemberOrganisation
from solidarity.demo.content import DemoStory

# Invented first and family names by country, and the language a signer there would use.
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "BY": (
        ("Алесь", "Ганна", "Юрась", "Вольга", "Міхась", "Кацярына"),
        ("Лукашэвіч", "Садоўская", "Кавалёў", "Грыб"),
        "be",
    ),
    "RU": (("Ольга", "Дмитрий", "Анна", "Сергей", "Мария", "Павел"), ("Соколова", "Лебедев", "Орлова", "Зайцев"), "ru"),
    "UA": (("Оксана", "Тарас", "Іванна", "Богдан"), ("Коваленко", "Шевчук", "Мельник", "Бондар"), "uk"),
    "KZ": (("Айгерим", "Ержан", "Дана", "Нурлан"), ("Сейткали", "Абенов", "Жумабаева", "Касымов"), "ru"),
    "GE": (("Nino", "Giorgi", "Tamar", "Levan", "Mariam"), ("Beridze", "Kapanadze", "Lomidze", "Tsiklauri"), "en"),
    "AM": (("Anahit", "Aram", "Lilit", "Davit"), ("Petrosyan", "Hakobyan", "Sargsyan", "Grigoryan"), "en"),
    "MD": (("Ion", "Elena", "Vasile", "Ana"), ("Rusu", "Ciobanu", "Munteanu", "Lungu"), "en"),
    "DE": (("Jana", "Lukas", "Miriam", "Felix"), ("Hoffmann", "Krüger", "Lehmann", "Brandt"), "de"),
    "PL": (("Agnieszka", "Tomasz", "Zofia", "Piotr"), ("Nowak", "Wiśniewska", "Kaczmarek", "Zając"), "en"),
    "LT": (("Rūta", "Mantas", "Ieva", "Tomas"), ("Kazlauskienė", "Petraitis", "Jankauskas", "Vaitkutė"), "en"),
}
CITIES = {"BY": "Гродно", "RU": "Казань", "UA": "Львів", "KZ": "Алматы", "GE": "Kutaisi", "DE": "Leipzig"}
OTHER_ORGANISATIONS = (
    # (name, country, website, checked): not members of the network; the last one waits for the check.
    ("Baltic Letters Collective", "LT", "https://letters.example.org/", True),
    ("Open Courts Watch", "GE", "https://courts-watch.example.org/", True),
    ("Neighbours Help Initiative", "PL", "", False),
)


def _days_between(first: datetime.date, last: datetime.date, rng: random.Random) -> datetime.datetime:
    day = first + datetime.timedelta(days=rng.randint(0, max(0, (last - first).days)))
    moment = datetime.time(rng.randint(7, 22), rng.randint(0, 59))
    signed = datetime.datetime.combine(day, moment, tzinfo=datetime.UTC)
    # Today's signatures before now (confirmed up to 90 minutes later): none in the future.
    latest = timezone.now() - datetime.timedelta(minutes=rng.randint(95, 600))
    return min(signed, latest)


def _signatures(call: PublicCallPage, spec: DemoStory, reviewer: Any) -> list[Signature]:
    assert spec.call is not None
    rng = random.Random(call.slug)
    tag = hashlib.sha1(call.slug.encode()).hexdigest()[:6]
    today = timezone.localdate()
    last_day = min(today, call.closes_on) if call.closes_on else today
    countries = {country.code: country for country in Country.objects.filter(code__in=NAMES)}
    rows: list[Signature] = []

    def signature(number: int, country: str, **fields: Any) -> Signature:
        email = f"signer-{tag}-{number}@example.org"
        signed = _days_between(call.opens_on, last_day, rng)
        return Signature(
            call_key=call.call_key,
            email=email,
            email_hash=crypto.mailbox_lookup_hash(email),
            country=countries[country],
            keep_informed=rng.random() < 0.3,
            language=fields.pop("language", "en"),
            created_at=signed,
            link_sent_at=signed,
            confirmed_at=signed + datetime.timedelta(minutes=rng.randint(1, 90)),
            **fields,
        )

    for number in range(spec.call.signers):
        country = rng.choice([code for code in spec.call.countries if code in countries])
        first, last, language = NAMES[country]
        rows.append(
            signature(
                number,
                country,
                name=f"{rng.choice(first)} {rng.choice(last)}",
                city=CITIES.get(country, "") if rng.random() < 0.4 else "",
                show_name=rng.random() < 0.35,
                language=language,
            )
        )
    members = MemberOrganisation.objects.filter(country__in=spec.call.countries).order_by("name")[:3]
    checked = {"review": Review.APPROVED, "reviewed_by": reviewer, "reviewed_at": timezone.now()}
    number = spec.call.signers
    for member in members:
        number += 1
        rows.append(
            signature(
                number,
                member.country_id if member.country_id in countries else "GE",
                kind=SignerKind.ORGANISATION,
                name="Contact person",
                member=member,
                organisation_name=member.name,
                **checked,
            )
        )
    for name, country, website, approved in OTHER_ORGANISATIONS:
        number += 1
        rows.append(
            signature(
                number,
                country,
                kind=SignerKind.ORGANISATION,
                name="Contact person",
                organisation_name=name,
                organisation_website=website,
                **(checked if approved else {"review": Review.PENDING}),
            )
        )
    return rows


@transaction.atomic
def call_signatures_ensure(specs: Iterable[DemoStory], *, tally: Any, log: Callable[[str], None]) -> None:
    """The signatures of each demo call that has none yet (a call once signed is left as it is)."""
    reviewer = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    for spec in specs:
        if spec.call is None or spec.en is None:
            continue
        call = PublicCallPage.objects.filter(locale__language_code="en", slug=spec.en.slug).first()
        if call is None:
            continue
        if Signature.objects.of_call(call.call_key).exists():
            tally.note("call signatures", created=False)
            continue
        Signature.objects.bulk_create(_signatures(call, spec, reviewer), batch_size=200)
        for (call_key, country), (people, organisations) in counts_from_rows(call.call_key).items():
            SignatureCount.objects.update_or_create(
                call_key=call_key, country_id=country, defaults={"people": people, "organisations": organisations}
            )
        tally.note("call signatures", created=True)
        log(f"Signatures of the public call: {call.title}")
