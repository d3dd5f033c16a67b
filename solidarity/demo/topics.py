"""The demo's topics that are translations of each other, linked through the story services."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from wagtail.models import Locale

from solidarity.stories.models import Topic
from solidarity.stories.services import topic_translation_ensure

if TYPE_CHECKING:
    from solidarity.demo.demo import Tally

# English topic: its Russian translation (both used by demo stories).
TOPIC_TRANSLATIONS = {
    "fair trial": "справедливый суд",
    "political prisoners": "политзаключённые",
    "freedom of assembly": "свобода собраний",
    "freedom of association": "свобода объединений",
    "torture prevention": "предотвращение пыток",
    "human rights defenders": "правозащитники",
    "legal aid": "юридическая помощь",
    "elections": "выборы",
}


def topic_translations_ensure(*, tally: Tally, log: Callable[[str], None]) -> None:
    """Link each English demo topic to its Russian translation; a pair already linked is left alone."""
    russian = Locale.objects.get(language_code="ru")
    for english_name, russian_name in TOPIC_TRANSLATIONS.items():
        english = Topic.objects.filter(locale__language_code="en", name=english_name).first()
        if english is None:
            continue
        if english.get_translation_or_none(russian) is not None:
            tally.note("topic translations", created=False)
            continue
        topic_translation_ensure(topic=english, language="ru", name=russian_name)
        tally.note("topic translations", created=True)
        log(f"Topic translation: {english_name} → {russian_name}")
