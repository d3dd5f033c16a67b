"""Photos as a phone writes them: with where they were taken, the phone's serial and more.

Every test about image metadata makes its pictures here, with Pillow, so that what is looked for
afterwards (``SECRETS``) is known to have been in the file.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps

SERIAL = "SERIAL-4711-0815"
XMP_SECRET = "XMP-LOCATION-MINSK"
IPTC_SECRET = "IPTC-BYLINE-ALESIA"
COMMENT_SECRET = "COMMENT-PHONE-OWNER"
SECRETS = (SERIAL, XMP_SECRET, IPTC_SECRET, COMMENT_SECRET)
GPS_IFD = 0x8825
EXIF_IFD = 0x8769
BODY_SERIAL_NUMBER = 0xA431
ORIENTATION = 0x0112
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    f'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="53,54.1N {XMP_SECRET}"/>'
    "</rdf:RDF></x:xmpmeta>"
).encode()


def phone_exif(*, orientation: int = 1) -> Image.Exif:
    """EXIF with a GPS position (Minsk), the phone's make and serial number, and an orientation."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 12"
    exif.get_ifd(EXIF_IFD)[BODY_SERIAL_NUMBER] = SERIAL
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (53.0, 54.0, 6.0), 3: "E", 4: (27.0, 33.0, 36.0)})
    return exif


def picture(size: tuple[int, int] = (64, 32)) -> Image.Image:
    """Left half red, right half blue: which way it was turned shows in the pixels."""
    image = Image.new("RGB", size, (220, 20, 20))
    image.paste((20, 20, 220), (size[0] // 2, 0, size[0], size[1]))
    return image


def _with_iptc(jpeg: bytes) -> bytes:
    """Insert an APP13 (Photoshop/IPTC) segment with a by-line after the JPEG's start marker."""
    dataset = b"\x1c\x02\x50" + len(IPTC_SECRET).to_bytes(2, "big") + IPTC_SECRET.encode()
    resource = b"8BIM\x04\x04\x00\x00" + len(dataset).to_bytes(4, "big") + dataset + b"\x00" * (len(dataset) % 2)
    payload = b"Photoshop 3.0\x00" + resource
    return jpeg[:2] + b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload + jpeg[2:]


def photo_bytes(image_format: str = "JPEG", *, orientation: int = 1, size: tuple[int, int] = (64, 32)) -> bytes:
    """A picture in ``image_format`` carrying GPS, a serial number, XMP, IPTC and a comment where it can."""
    output = io.BytesIO()
    options: dict = {"exif": phone_exif(orientation=orientation)}
    if image_format in {"JPEG", "WEBP"}:
        options["xmp"] = XMP
    if image_format == "JPEG":
        options["comment"] = COMMENT_SECRET.encode()
    if image_format == "GIF":
        options = {"comment": COMMENT_SECRET.encode()}
    picture(size).save(output, image_format, **options)
    data = output.getvalue()
    return _with_iptc(data) if image_format == "JPEG" else data


def metadata_left(data: bytes) -> list[str]:
    """What of a photo's metadata is still in ``data``: read back with Pillow, and as raw bytes."""
    left = [secret for secret in SECRETS if secret.encode() in data]
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        if exif.get_ifd(GPS_IFD):
            left.append("GPS")
        if exif.get_ifd(EXIF_IFD).get(BODY_SERIAL_NUMBER):
            left.append("BodySerialNumber")
        if exif:
            left.append("EXIF")
        left += [key for key in ("xmp", "XML:com.adobe.xmp", "photoshop", "comment") if image.info.get(key)]
    return left


def turned_as_a_viewer_shows_it(data: bytes) -> Image.Image:
    """The picture as a viewer that honours the EXIF orientation shows it."""
    with Image.open(io.BytesIO(data)) as image:
        return ImageOps.exif_transpose(image).convert("RGB")
