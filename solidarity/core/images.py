"""Image metadata: nothing a camera or phone wrote into a photo is stored or published.

A photo from a protest carries, besides its pixels, where it was taken (GPS), the phone's make,
model and serial number, the time, the photographer's name (EXIF, XMP, IPTC, comments, text
chunks). :func:`image_strip_metadata` re-encodes an image with Pillow and passes on only what
describes the pixels (size, colour profile, transparency, animation timing); the EXIF orientation
is applied to the pixels and then dropped like the rest.

Wired in ``CoreConfig.ready``:

* every original of Wagtail's image model is stripped before it is saved (:func:`strip_on_save`,
  a ``pre_save`` receiver), whatever stores it: the admin's upload forms, ``Image.objects.create``
  from code, the demo loader;
* renditions: Willow's ``auto_orient``, which Wagtail runs first on every rendition, is replaced by
  :func:`_auto_orient_without_metadata`, so even a rendition of an original stored before this
  existed carries no EXIF or XMP (Willow copies EXIF into JPEG renditions on purpose).

Originals stored before are stripped by ``manage.py strip_image_metadata``.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
from typing import IO, Any

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageOps, JpegImagePlugin

# Keys of Pillow's ``Image.info`` that describe the pixels, not the camera, the place or the person.
# Anything else that Pillow reads (exif, xmp, photoshop/IPTC, comment, PNG text chunks, MPO
# entries...) counts as metadata.
PIXEL_INFO = frozenset(
    {
        "icc_profile",
        "transparency",
        "duration",
        "loop",
        "background",
        "disposal",
        "version",
        "extension",
        "timestamp",
        "blend",
        "dpi",
        "aspect",
        "gamma",
        "srgb",
        "chromaticity",
        "interlace",
        "jfif",
        "jfif_version",
        "jfif_unit",
        "jfif_density",
        "progressive",
        "progression",
        "adobe",
        "adobe_transform",
        "default_image",
    }
)
# JPEGs whose orientation had to be applied are encoded afresh at this quality (others keep theirs).
JPEG_QUALITY = 92
ORIENTATION = 0x0112  # the EXIF tag
WEBP_QUALITY = 90


logger = logging.getLogger(__name__)


class ImageMetadataError(ValueError):
    """An image that cannot be read, so its metadata cannot be removed: it is not stored."""


def _open(source: IO[bytes]) -> PILImage.Image:
    source.seek(0)
    try:
        image = PILImage.open(source)
        image.load()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as error:
        raise ImageMetadataError(f"This file cannot be read as an image ({error}).") from error
    return image


def image_metadata(*, source: IO[bytes]) -> list[str]:
    """The kinds of metadata an image carries besides its pixels (empty when there is none)."""
    image = _open(source)
    found = sorted(str(key) for key in image.info if key not in PIXEL_INFO)
    if "exif" not in found and image.getexif():
        found.append("exif")
    source.seek(0)
    return found


def _is_lossless_webp(data: bytes) -> bool:
    """Whether a WebP file holds its picture losslessly (a VP8L chunk and no lossy VP8 one)."""
    kinds = set()
    position = 12  # past "RIFF", the size and "WEBP"
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        size = int.from_bytes(data[position + 4 : position + 8], "little")
        kinds.add(kind)
        position += 8 + size + (size & 1)
    return b"VP8L" in kinds and b"VP8 " not in kinds


def _pixel_options(image: PILImage.Image) -> dict[str, Any]:
    options: dict[str, Any] = {key: image.info[key] for key in ("icc_profile", "transparency") if key in image.info}
    return options


def image_strip_metadata(*, source: IO[bytes]) -> bytes:
    """The image re-encoded in its own format with nothing but its pixels.

    The EXIF orientation is applied to the pixels. A JPEG that needs no turning keeps its own
    quality tables and subsampling (nearly no loss); one that is turned is encoded at
    ``JPEG_QUALITY``. PNG and GIF are lossless; a lossy WebP is encoded at ``WEBP_QUALITY``.
    Raises :class:`ImageMetadataError` for a file Pillow cannot read or a format not handled here.
    """
    source.seek(0)
    data = source.read()
    image = _open(io.BytesIO(data))
    image_format = image.format
    output = io.BytesIO()
    if image_format in {"JPEG", "MPO"}:
        if image_format == "JPEG" and image.getexif().get(ORIENTATION, 1) == 1:
            image.info.pop("comment", None)  # the JPEG encoder falls back to the source's comment
            image.save(
                output,
                "JPEG",
                quality="keep",
                subsampling="keep",
                qtables="keep",
                **_pixel_options(image),
            )
        else:
            subsampling = JpegImagePlugin.get_sampling(image)
            turned = ImageOps.exif_transpose(image)
            turned.info.pop("comment", None)
            turned.save(
                output,
                "JPEG",
                quality=JPEG_QUALITY,
                subsampling=subsampling if subsampling in {0, 1, 2} else 2,
                **_pixel_options(image),
            )
    elif image_format == "PNG":
        ImageOps.exif_transpose(image).save(output, "PNG", optimize=True, **_pixel_options(image))
    elif image_format == "GIF":
        _save_gif(image, output)
    elif image_format == "WEBP":
        animated = getattr(image, "n_frames", 1) > 1
        lossless = _is_lossless_webp(data)
        options: dict[str, Any] = {"lossless": lossless, "quality": 100 if lossless else WEBP_QUALITY}
        if "icc_profile" in image.info:
            options["icc_profile"] = image.info["icc_profile"]
        if animated:
            image.save(output, "WEBP", save_all=True, exif=b"", xmp=b"", **options)
        else:
            ImageOps.exif_transpose(image).save(output, "WEBP", exif=b"", xmp=b"", **options)
    else:
        raise ImageMetadataError(f"Images in the {image_format} format cannot be cleaned of metadata here.")
    return output.getvalue()


def _save_gif(image: PILImage.Image, output: io.BytesIO) -> None:
    """A GIF without comments (its only metadata); animation and transparency kept."""
    animated = getattr(image, "n_frames", 1) > 1
    if not animated:
        image.save(output, "GIF", comment=b"", **_pixel_options(image))
        return
    image.save(output, "GIF", save_all=True, comment=b"")


def _content_hash(data: bytes) -> str:
    """Wagtail's ``file_hash``: the SHA-1 of the file's bytes (wagtail.utils.file.hash_filelike)."""
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def _set_file_fields(image: Any, data: bytes) -> None:
    with PILImage.open(io.BytesIO(data)) as opened:
        image.width, image.height = opened.size
    image.file_size = len(data)
    image.file_hash = _content_hash(data)


def image_upload_strip(*, image: Any) -> None:
    """Replace a Wagtail image's file not yet stored (an upload, ``Image(file=ContentFile(...))``) by its clean bytes.

    Sets width, height, file_size and file_hash from the clean file. Raises
    :class:`ImageMetadataError` for a file that cannot be cleaned: it is not stored.
    """
    stripped = image_strip_metadata(source=image.file)
    image.file = ImageFile(io.BytesIO(stripped), name=os.path.basename(image.file.name))
    _set_file_fields(image, stripped)


def image_stored_original_strip(*, image: Any) -> str | None:
    """Store a clean copy of a stored original that carries metadata, and point the image at it.

    The copy is stored beside the original under a new name; returns the original's name, for
    the caller to delete once the image's row names the copy (None when the file was clean).
    Sets width, height, file_size and file_hash, and deletes the image's renditions (made from
    the file with metadata) so that they are made again. Saves no row itself.
    """
    storage, name = image.file.storage, image.file.name
    with storage.open(name, "rb") as stored:
        if not image_metadata(source=stored):
            return None
        stripped = image_strip_metadata(source=stored)
    image.file.name = storage.save(name, ContentFile(stripped))
    _set_file_fields(image, stripped)
    if image.pk:
        image.renditions.all().delete()
    return name


REPLACED_ORIGINAL = "_solidarity_replaced_original"


def strip_on_save(sender: type, instance: Any, update_fields: Any = None, **kwargs: Any) -> None:
    """``pre_save`` receiver for the image model: no original is stored with its metadata.

    An upload is cleaned before it reaches the storage. A file already stored (code that calls
    ``image.file.save(..., save=False)`` first, as Wagtail's view for finishing an upload does;
    an original from before this existed) is replaced by a clean copy; the original is deleted by
    :func:`delete_replaced_original` once the row is saved.
    """
    if kwargs.get("raw"):
        return  # loaddata: the fixture's file is already stored
    if update_fields is not None and "file" not in update_fields:
        return
    if not instance.file:
        return
    if not instance.file._committed:
        image_upload_strip(image=instance)
        return
    try:
        replaced = image_stored_original_strip(image=instance)
    except (OSError, ImageMetadataError) as error:
        logger.warning("The original of image %s could not be checked for metadata (%s).", instance.pk, error)
        return
    if replaced:
        setattr(instance, REPLACED_ORIGINAL, replaced)


def delete_replaced_original(sender: type, instance: Any, **kwargs: Any) -> None:
    """``post_save`` receiver: delete the original that :func:`strip_on_save` replaced by a clean copy."""
    replaced = instance.__dict__.pop(REPLACED_ORIGINAL, None)
    if replaced:
        instance.file.storage.delete(replaced)


def _auto_orient_without_metadata(willow_image: Any) -> Any:
    """Willow's ``auto_orient`` (the first step of every Wagtail rendition), minus metadata.

    Willow passes the source's EXIF to the JPEG (and PNG) encoder; a rendition made from an image
    without any in its ``info`` has none to pass.
    """
    from willow.plugins.pillow import PillowImage

    turned = ImageOps.exif_transpose(willow_image.image)
    for key in [key for key in turned.info if key not in PIXEL_INFO]:
        del turned.info[key]
    return PillowImage(turned)


def renditions_without_metadata() -> None:
    """Make Willow's ``auto_orient`` drop metadata, for every rendition Wagtail makes."""
    from willow.plugins.pillow import PillowImage
    from willow.registry import registry

    registry.register_operation(PillowImage, "auto_orient", _auto_orient_without_metadata)  # pragma: no mutate
