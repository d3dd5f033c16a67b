"""core.extras: one app adds to another app's page through a slot, in order, once; an empty slot renders nothing."""

from __future__ import annotations

from django.template import engines

from solidarity.core import extras


def render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


def test_a_slot_renders_what_apps_registered_with_the_values_given(monkeypatch):
    monkeypatch.setattr(extras, "_slots", {})
    extras.register("story_card", "calls/_story_card_extra.html")
    extras.register("story_card", "calls/_story_card_extra.html")  # a second ready() adds nothing

    assert extras.templates("story_card") == ["calls/_story_card_extra.html"]
    assert render('{% load solidarity_tags %}[{% extras "nobody_fills_this" story=1 %}]') == "[]"


def test_the_calls_app_fills_the_story_slots():
    assert "calls/_story_card_extra.html" in extras.templates("story_card")
    assert "calls/_story_aside_extra.html" in extras.templates("story_aside")
