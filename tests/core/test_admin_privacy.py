"""The admin loads nothing from other hosts about its users: no gravatar.com images named by email hashes."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/", "/admin/account/", "/admin/users/"])
def test_admin_pages_embed_no_gravatar(admin_client, path):
    response = admin_client.get(path)

    assert response.status_code == 200
    assert "gravatar" not in response.text.lower()
