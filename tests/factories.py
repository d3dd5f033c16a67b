"""Factories for what tests need: images made with Pillow, documents, stories in a language."""

from __future__ import annotations

import datetime
import io
from typing import Any

import factory
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from solidarity.stories.models import StoryIndexPage, StoryKind, StoryPage
from solidarity.stories.services import story_create, story_translate


def png_bytes(*, size: tuple[int, int] = (1200, 800), colour: str = "#9a3412") -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    title = factory.Sequence(lambda n: f"Photo {n}")
    file = factory.LazyAttribute(lambda o: ImageFile(io.BytesIO(png_bytes()), name=f"{slugify(o.title)}.png"))


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Report {n}")
    file = factory.LazyAttribute(
        lambda o: ContentFile(b"%PDF-1.4\n% a test report\n" + b"x" * 2048, name=f"{slugify(o.title)}.pdf")
    )


class StoryPageFactory(factory.Factory):
    """A published story under the story index of ``language``, made through ``story_create``.

    ``topics`` is a list of topic names; ``publish=False`` leaves the story as an unpublished draft.
    """

    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Story number {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    kind = StoryKind.NEWS
    date = factory.LazyFunction(timezone.localdate)
    summary = factory.LazyAttribute(lambda o: f"What happened in {o.title}.")
    countries = factory.LazyFunction(lambda: ["RU"])

    @classmethod
    def _create(cls, model_class, *args, language: str = "en", **kwargs):
        index = StoryIndexPage.objects.get(locale__language_code=language)
        story = story_create(index=index, **kwargs)
        story.refresh_from_db()
        return story


def translate_story(
    story: StoryPage, language: str, *, title: str, summary: str = "", publish: bool = True, **changes
) -> StoryPage:
    """The story copied into another language (as an editor does with "Translate"), with its own text."""
    translation = story_translate(
        story=story,
        language=language,
        title=title,
        slug=slugify(title, allow_unicode=False),
        summary=summary or f"{title}.",
        publish=publish,
        **changes,
    )
    translation.refresh_from_db()
    return translation


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def staff_roles_ensure() -> None:
    """The roles' groups and the editors' review, which migrations make: a test that flushed the database
    (a browser test) makes them again."""
    from solidarity.core.roles import roles_ensure
    from solidarity.core.workflow import editor_review_workflow_ensure

    roles_ensure()
    editor_review_workflow_ensure()


def staff_member(username: str, group: str | None = None, countries: list[str] | None = None, **fields) -> Any:
    """A staff account in a role's group (``core.roles``), with the countries it answers for when given."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from solidarity.core.models import StaffCountries

    user = get_user_model().objects.create_user(username, f"{username}@example.org", "a long password 123", **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    if countries is not None:
        scope = StaffCountries.objects.create(user=user)
        scope.countries.set(countries)
        scope.save()
    return user
