"""Scheduled publishing: Wagtail's ``publish_scheduled`` publishes a story whose time came and unpublishes
an expired one; ``run_schedules`` runs it every minute beside `make run`, and stops when told."""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from solidarity.core.management.commands import run_schedules
from solidarity.stories.models import StoryPage
from tests.factories import StoryPageFactory
from tests.test_make_run import serve

pytestmark = pytest.mark.django_db


def scheduled_story(*, go_live_at: datetime.datetime) -> StoryPage:
    """A draft story an editor scheduled to go live at ``go_live_at``: scheduled an hour ahead, then the
    clock moved (its revision's time set to ``go_live_at``), as when that time came with nobody there."""
    story = StoryPageFactory(title="Verdict expected", countries=["BY"], publish=False)
    story.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = story.save_revision(log_action=True)
    revision.publish()  # a time ahead: scheduled, not published
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    revision.approved_go_live_at = go_live_at
    revision.content["go_live_at"] = go_live_at.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    StoryPage.objects.filter(pk=story.pk).update(go_live_at=go_live_at)
    story.refresh_from_db()
    return story


def test_a_story_scheduled_in_the_future_is_not_published_yet(site_tree):
    story = scheduled_story(go_live_at=timezone.now() + datetime.timedelta(minutes=5))

    call_command("publish_scheduled")

    story.refresh_from_db()
    assert story.live is False


def test_a_story_whose_time_came_is_published_by_publish_scheduled(site_tree):
    story = scheduled_story(go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert story.live is False

    call_command("publish_scheduled")

    story.refresh_from_db()
    assert story.live is True
    assert PageLogEntry.objects.filter(page=story, action="wagtail.publish.scheduled").exists()


def test_an_expired_story_is_unpublished_by_publish_scheduled(site_tree):
    story = StoryPageFactory(title="Call for witnesses", countries=["BY"])
    StoryPage.objects.filter(pk=story.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))

    call_command("publish_scheduled")

    story.refresh_from_db()
    assert (story.live, story.expired) == (False, True)


def test_a_story_expiring_later_stays_live(site_tree):
    story = StoryPageFactory(title="Call for witnesses", countries=["BY"])
    StoryPage.objects.filter(pk=story.pk).update(expire_at=timezone.now() + datetime.timedelta(days=1))

    call_command("publish_scheduled")

    story.refresh_from_db()
    assert story.live is True


def test_run_schedules_once_publishes_what_is_due(site_tree):
    story = scheduled_story(go_live_at=timezone.now() - datetime.timedelta(minutes=1))

    call_command("run_schedules", "--once")

    story.refresh_from_db()
    assert story.live is True


def test_run_schedules_runs_until_stopped(site_tree, monkeypatch):
    stop = threading.Event()
    passes: list[int] = []

    def one_pass() -> None:
        passes.append(1)
        if len(passes) == 3:
            stop.set()

    monkeypatch.setattr(run_schedules, "publish_scheduled_once", one_pass)

    assert run_schedules.run_schedules(interval=0, stop=stop) == 3


def test_run_schedules_stops_cleanly_when_make_run_stops_it():
    """serve.py's stop() sends SIGTERM (Ctrl-C's SIGINT goes to the same handler); the test suite's var/."""
    command = [sys.executable, "manage.py", "run_schedules", "--interval", "3600"]
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "solidarity.settings", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        command, cwd=settings.BASE_DIR, env=environment, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert process.stdout.readline().startswith("Scheduled publishing: a pass every 3600 seconds")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()
        process.wait()


def test_a_failing_pass_is_logged_and_the_loop_goes_on(site_tree, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(run_schedules, "call_command", broken)

    run_schedules.publish_scheduled_once()

    assert "publish_scheduled failed" in caplog.text


def test_make_run_runs_the_schedules_beside_the_site_and_the_worker():
    commands = serve.commands("8000")

    assert sorted(commands) == ["schedules", "web", "worker"]
    assert commands["schedules"][1:] == ["manage.py", "run_schedules"]
