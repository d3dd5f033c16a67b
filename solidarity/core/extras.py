"""Places on one app's pages where another app adds what it knows ("slots"), without either importing the other.

A feature app registers a template for a slot from its ``AppConfig.ready()``
(``extras.register("story_card", "calls/_story_card_extra.html")``); the page that has the slot renders every
template registered for it with ``{% extras "story_card" story=story %}`` (``solidarity_tags``), in the order the
apps are installed. A slot nobody fills renders nothing. Slots:

* ``story_card``: below a story card's summary (``story``);
* ``story_aside``: at the top of a story page's side column (``page``).
* ``page_discussion``: at the end of the main content of a story's, a public call's and a campaign's page
  (``page``): its comments and the comment form.
"""

from __future__ import annotations

_slots: dict[str, list[str]] = {}


def register(slot: str, template_name: str) -> None:
    """Add ``template_name`` to ``slot`` (once, however often an app's ready() runs)."""
    names = _slots.setdefault(slot, [])
    if template_name not in names:
        names.append(template_name)


def templates(slot: str) -> list[str]:
    return list(_slots.get(slot, ()))
