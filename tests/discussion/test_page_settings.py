"""Editors find a page's comment switch in the page editor's settings: stories, public calls and campaigns."""

from __future__ import annotations

import pytest
from django.test import Client

from solidarity.core.roles import EDITORS
from tests.calls.factories import public_call
from tests.campaigns.factories import campaign_page
from tests.factories import StoryPageFactory, staff_member
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(site_tree) -> Client:
    client = Client()
    login_staff(client, staff_member("editor", EDITORS.group))
    return client


@pytest.mark.parametrize("make", [StoryPageFactory, public_call, campaign_page], ids=["story", "call", "campaign"])
def test_the_page_editor_offers_the_comment_switch_and_the_closing_days(editor_client, make):
    page = make()

    html = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    assert 'name="comments_mode"' in html and 'name="comments_close_after_days"' in html
    for choice in ('value="pre"', 'value="post"', 'value="off"'):
        assert choice in html
