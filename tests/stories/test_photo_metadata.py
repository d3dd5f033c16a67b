"""A protest photo uploaded by an editor: neither the stored original, nor the story's images, nor og:image
tell where it was taken or with whose phone (issue 7)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.factories import StoryPageFactory
from tests.photos import metadata_left, photo_bytes

Image = get_image_model()


def media_file(settings, url: str) -> bytes:
    """The bytes of a file under MEDIA_ROOT, named by its (absolute or relative) /media/ URL."""
    path = url.split(settings.MEDIA_URL, 1)[1]
    return (Path(settings.MEDIA_ROOT) / path).read_bytes()


@pytest.mark.django_db
def test_a_photo_uploaded_through_the_admin_publishes_no_location_and_no_serial(admin_client, site_tree, settings):
    photo = photo_bytes("JPEG", orientation=6)
    assert {"GPS", "BodySerialNumber"} <= set(metadata_left(photo))

    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Crowd in the square",
            "file": SimpleUploadedFile("protest.jpg", photo, content_type="image/jpeg"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302, response.content[:2000]
    image = Image.objects.get(title="Crowd in the square")
    assert metadata_left(media_file(settings, image.file.url)) == []
    assert (image.width, image.height) == (32, 64)  # turned upright, as the phone meant it

    story = StoryPageFactory(title="Protest", lead_image=image)
    page = admin_client.get(story.url).text
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', page).group(1)
    shown = re.findall(r'<img [^>]*src="(/media/images/[^"]+)"', page)

    assert shown
    for url in [og_image, *shown]:
        assert metadata_left(media_file(settings, url)) == [], url
