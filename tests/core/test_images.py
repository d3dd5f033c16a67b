"""Image metadata: no original is stored, and no rendition made, with where a photo was taken or by whose phone."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from solidarity.core.images import ImageMetadataError, image_metadata, image_strip_metadata
from tests.photos import metadata_left, phone_exif, photo_bytes, picture, turned_as_a_viewer_shows_it

Image = get_image_model()


def stored_bytes(image) -> bytes:
    with image.file.storage.open(image.file.name, "rb") as stored:
        return stored.read()


# image_strip_metadata


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP", "GIF"])
def test_stripping_removes_gps_serial_xmp_iptc_and_comments(image_format):
    photo = photo_bytes(image_format)
    assert metadata_left(photo)  # the bad case: a phone's photo carries all of it

    stripped = image_strip_metadata(source=io.BytesIO(photo))

    assert metadata_left(stripped) == []
    assert image_metadata(source=io.BytesIO(stripped)) == []
    with PILImage.open(io.BytesIO(stripped)) as image:
        assert image.format == image_format
        assert image.size == (64, 32)


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_stripping_applies_the_orientation_to_the_pixels(image_format):
    photo = photo_bytes(image_format, orientation=6)  # "turn 90° clockwise to view"

    stripped = image_strip_metadata(source=io.BytesIO(photo))

    with PILImage.open(io.BytesIO(stripped)) as image:
        assert image.size == (32, 64)
        assert image.getexif().get(0x0112) is None
        shown = image.convert("RGB")
    expected = turned_as_a_viewer_shows_it(photo)
    for point in [(16, 8), (16, 56)]:  # top: red, bottom: blue, as a viewer shows the photo
        assert all(abs(a - b) < 40 for a, b in zip(shown.getpixel(point), expected.getpixel(point), strict=True))


def test_a_jpeg_that_needs_no_turning_keeps_its_quality_tables():
    photo = photo_bytes("JPEG")

    stripped = image_strip_metadata(source=io.BytesIO(photo))

    with PILImage.open(io.BytesIO(photo)) as before, PILImage.open(io.BytesIO(stripped)) as after:
        assert after.quantization == before.quantization


def test_stripping_keeps_the_colour_profile():
    output = io.BytesIO()
    picture().save(output, "PNG", icc_profile=b"a colour profile")

    stripped = image_strip_metadata(source=io.BytesIO(output.getvalue()))

    with PILImage.open(io.BytesIO(stripped)) as image:
        assert image.info.get("icc_profile") == b"a colour profile"


def test_an_animated_gif_keeps_its_frames_and_loses_its_comment():
    frames = [PILImage.new("RGB", (10, 10), colour) for colour in ("red", "green", "blue")]
    output = io.BytesIO()
    frames[0].save(output, "GIF", save_all=True, append_images=frames[1:], comment=b"COMMENT-PHONE-OWNER", loop=0)

    stripped = image_strip_metadata(source=io.BytesIO(output.getvalue()))

    assert metadata_left(stripped) == []
    with PILImage.open(io.BytesIO(stripped)) as image:
        assert image.n_frames == 3


def test_a_file_that_is_no_image_raises_instead_of_being_stored_as_it_is():
    with pytest.raises(ImageMetadataError):
        image_strip_metadata(source=io.BytesIO(b"GIF89a but not really"))


# Every path that stores an original


@pytest.mark.django_db
def test_an_image_created_from_code_is_stored_without_metadata():
    image = Image.objects.create(title="Protest", file=ImageFile(io.BytesIO(photo_bytes()), name="protest.jpg"))

    data = stored_bytes(image)

    assert metadata_left(data) == []
    assert image.file.name.startswith("original_images/protest")
    assert (image.file_size, image.file_hash) == (len(data), hashlib.sha1(data).hexdigest())


@pytest.mark.django_db
def test_a_turned_photo_is_stored_upright_with_its_real_size():
    image = Image.objects.create(title="Protest", file=ContentFile(photo_bytes(orientation=6), name="protest.jpg"))

    image.refresh_from_db()

    assert (image.width, image.height) == (32, 64)
    with PILImage.open(io.BytesIO(stored_bytes(image))) as stored:
        assert stored.size == (32, 64)


@pytest.mark.django_db
def test_an_upload_through_the_admin_multiple_uploader_is_stored_without_metadata(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": ContentFile(photo_bytes(), name="protest.jpg")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.status_code == 200 and response.json()["success"]
    image = Image.objects.get(pk=response.json()["image_id"])
    assert metadata_left(stored_bytes(image)) == []


@pytest.mark.django_db
def test_saving_an_image_again_leaves_a_clean_original_as_it_is():
    image = Image.objects.create(title="Protest", file=ContentFile(photo_bytes(), name="protest.jpg"))
    before = (image.file.name, stored_bytes(image))

    image.title = "Protest in the square"
    image.save()

    assert (image.file.name, stored_bytes(image)) == before


def image_stored_with_metadata(name: str = "old.jpg", photo: bytes | None = None):
    """An image whose original was stored before stripping existed (written past the model)."""
    image = Image.objects.create(title="Old", file=ContentFile(photo_bytes("PNG"), name="placeholder.png"))
    path = default_storage.save(f"original_images/{name}", ContentFile(photo or photo_bytes(orientation=6)))
    Image.objects.filter(pk=image.pk).update(file=path, width=64, height=32)
    image = Image.objects.get(pk=image.pk)
    assert metadata_left(stored_bytes(image))  # the bad case is really there
    return image


# Renditions


@pytest.mark.django_db
@pytest.mark.parametrize("spec", ["fill-40x20", "width-30|format-jpeg", "width-30|format-webp", "width-30|format-png"])
def test_renditions_carry_no_metadata_even_of_an_original_stored_with_it(spec):
    image = image_stored_with_metadata()

    rendition = image.get_rendition(spec)

    with rendition.file.storage.open(rendition.file.name, "rb") as stored:
        assert metadata_left(stored.read()) == []


# manage.py strip_image_metadata


@pytest.mark.django_db
def test_saving_an_image_whose_stored_original_carries_metadata_replaces_it_by_a_clean_copy():
    image = image_stored_with_metadata()
    old_name = image.file.name

    image.title = "Old, edited"
    image.save()

    image.refresh_from_db()
    assert image.file.name != old_name and not default_storage.exists(old_name)
    assert metadata_left(stored_bytes(image)) == []
    assert (image.width, image.height) == (32, 64)


@pytest.mark.django_db
def test_strip_image_metadata_cleans_stored_originals_and_drops_their_renditions():
    image = image_stored_with_metadata()
    old_name = image.file.name
    clean = Image.objects.create(title="Clean", file=ContentFile(photo_bytes(), name="clean.jpg"))
    image.get_rendition("width-30")
    output = io.StringIO()

    call_command("strip_image_metadata", stdout=output)

    image.refresh_from_db()
    data = stored_bytes(image)
    assert metadata_left(data) == []
    assert not default_storage.exists(old_name)
    assert (image.width, image.height, image.file_size) == (32, 64, len(data))
    assert image.file_hash == hashlib.sha1(data).hexdigest()
    assert not image.renditions.exists()
    assert "1 of 2" in output.getvalue()
    assert clean.file.name == Image.objects.get(pk=clean.pk).file.name


@pytest.mark.django_db
def test_strip_image_metadata_dry_run_changes_nothing():
    image = image_stored_with_metadata()
    before = stored_bytes(image)

    call_command("strip_image_metadata", "--dry-run", stdout=io.StringIO())

    assert stored_bytes(image) == before


# /media/ in development


@pytest.mark.django_db
def test_originals_are_not_served_to_readers(client):
    image = Image.objects.create(title="Protest", file=ContentFile(photo_bytes(), name="protest.jpg"))

    assert client.get(f"/media/{image.file.name}").status_code == 404
    assert client.get(f"/media/images/../{image.file.name}").status_code == 404
    assert client.get(f"/media/./{image.file.name}").status_code == 404


@pytest.mark.django_db
def test_originals_are_served_to_editors_privately(admin_client):
    image = Image.objects.create(title="Protest", file=ContentFile(photo_bytes(), name="protest.jpg"))

    response = admin_client.get(f"/media/{image.file.name}")

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_renditions_are_served_to_readers(client):
    image = Image.objects.create(title="Protest", file=ContentFile(photo_bytes(), name="protest.jpg"))
    rendition = image.get_rendition("width-30")

    assert client.get(rendition.url).status_code == 200


@pytest.mark.django_db
def test_document_files_are_never_served_from_media(admin_client):
    default_storage.save("documents/report.pdf", ContentFile(b"%PDF-1.4 private"))

    assert admin_client.get("/media/documents/report.pdf").status_code == 404


# image_metadata: what decides whether a stored original must be cleaned


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP", "GIF"])
def test_image_metadata_names_what_a_phone_photo_carries(image_format):
    found = image_metadata(source=io.BytesIO(photo_bytes(image_format)))

    assert found == sorted(set(found)), "each kind once, in order"
    assert "exif" in found or "comment" in found


def test_image_metadata_finds_exif_that_pillow_does_not_put_in_info():
    """A PNG's eXIf chunk after the pixels reaches ``getexif()`` but not ``info``: it still counts (GPS lives there)."""
    output = io.BytesIO()
    picture().save(output, "PNG")
    clean = output.getvalue()
    tiff = phone_exif().tobytes().removeprefix(b"Exif\x00\x00")
    chunk = struct.pack(">I", len(tiff)) + b"eXIf" + tiff + struct.pack(">I", zlib.crc32(b"eXIf" + tiff))
    end = clean.rindex(b"IEND") - 4
    late_exif = clean[:end] + chunk + clean[end:]
    with PILImage.open(io.BytesIO(late_exif)) as opened:
        assert "exif" not in opened.info
        assert opened.getexif()

    assert image_metadata(source=io.BytesIO(late_exif)) == ["exif"]


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP", "GIF"])
def test_image_metadata_of_a_clean_picture_is_empty(image_format):
    output = io.BytesIO()
    picture().save(output, image_format)

    assert image_metadata(source=io.BytesIO(output.getvalue())) == []


def test_image_metadata_leaves_the_file_ready_to_be_read_again():
    source = io.BytesIO(photo_bytes("JPEG"))

    image_metadata(source=source)

    assert source.read(3) == b"\xff\xd8\xff"
