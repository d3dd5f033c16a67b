"""Periodic jobs (``core.schedules``): each registered job runs at every pass, and one that fails stops no other."""

from __future__ import annotations

import datetime
import io
import logging

import pytest
from django.core.management import call_command
from django.utils import timezone

from solidarity.core import schedules


@pytest.fixture
def jobs(monkeypatch):
    """An empty table of jobs for the test (the features' own come back after it)."""
    table: dict[str, schedules.Job] = {}
    monkeypatch.setattr(schedules, "_jobs", table)
    return table


def test_every_job_runs_once_a_pass_with_the_time_it_is_given(jobs):
    seen: list[tuple[str, datetime.datetime | None]] = []
    now = timezone.now()
    schedules.register_job("first", lambda *, now=None: seen.append(("first", now)) or 2)
    schedules.register_job("second", lambda *, now=None: seen.append(("second", now)) or 0)

    assert schedules.run_all(now=now) == {"first": 2, "second": 0}
    assert seen == [("first", now), ("second", now)]


def test_a_failing_job_is_logged_and_the_others_still_run(jobs, caplog):
    ran: list[str] = []

    def broken(*, now=None) -> int:
        raise RuntimeError("the database went away")

    schedules.register_job("broken", broken)
    schedules.register_job("after", lambda *, now=None: ran.append("after") or 1)

    with caplog.at_level(logging.ERROR, logger="solidarity.core.schedules"):
        done = schedules.run_all()

    assert done == {"after": 1}
    assert ran == ["after"]
    assert "broken" in caplog.text


def test_registering_again_under_the_same_name_replaces_the_job(jobs):
    schedules.register_job("digest", lambda *, now=None: 1)
    schedules.register_job("digest", lambda *, now=None: 5)

    assert schedules.run_all() == {"digest": 5}


def test_the_discussion_registers_the_moderators_digest():
    assert "discussion.moderators_digest" in schedules.registered_jobs()


def test_run_jobs_runs_them_and_says_what_each_did(jobs):
    schedules.register_job("digest", lambda *, now=None: 3)
    schedules.register_job("idle", lambda *, now=None: 0)
    out = io.StringIO()

    call_command("run_jobs", stdout=out)

    assert out.getvalue() == "digest: 3\n"
