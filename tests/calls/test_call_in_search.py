"""Search finds a public call (by its text and by to whom it is addressed) and shows it with the "Public call" badge."""

from __future__ import annotations

import pytest

from tests.calls import factories
from tests.shared import shared_data

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def call(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker, search=True):
        call = factories.public_call(title="Release the Gomel journalists", addressed_to="The Supreme Court")
        factories.signature(call, country="BY")
        yield call


@pytest.mark.parametrize("words", ["Gomel journalists", "Supreme Court"])
def test_search_finds_the_call_with_its_badge_and_count(client, call, words):
    html = client.get("/en/search/", {"q": words}).content.decode()

    assert f'href="{call.url}"' in html
    assert '<span class="tag tag--call">Public call</span>' in html
    assert "1 signature" in html
