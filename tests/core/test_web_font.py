"""The site's own web font: small WOFF2 files with their licence, swapped in, preloaded once, allowed by the CSP."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

import solidarity

STATIC = Path(solidarity.__file__).parent / "static"
CSS = (STATIC / "css" / "site.css").read_text(encoding="utf-8")
FONT_FACES = re.findall(r"@font-face\s*\{([^}]*)\}", CSS)
# The largest a font file may be: each one is loaded on pages readers open on slow connections.
MAX_FONT_BYTES = 25_000


def declared(face: str, name: str) -> str:
    found = re.search(rf"{name}:\s*([^;]+);", face)
    return " ".join(found.group(1).split()) if found else ""


def font_files() -> list[str]:
    return [re.search(r'url\("\.\./fonts/([^"]+)"\)', face).group(1) for face in FONT_FACES]


def test_the_stylesheet_declares_the_heading_font_in_two_weights():
    assert sorted(declared(face, "font-weight") for face in FONT_FACES) == ["400", "700"]
    assert {declared(face, "font-family") for face in FONT_FACES} == {'"Solidarity Serif"'}
    assert '--serif: "Solidarity Serif",' in CSS


@pytest.mark.parametrize("face", FONT_FACES, ids=lambda face: declared(face, "font-weight"))
def test_text_shows_at_once_and_the_font_swaps_in(face):
    assert declared(face, "font-display") == "swap"


@pytest.mark.parametrize("name", font_files())
def test_each_font_file_is_a_small_woff2(name):
    data = (STATIC / "fonts" / name).read_bytes()

    assert data[:4] == b"wOF2"
    assert len(data) <= MAX_FONT_BYTES, f"{name} weighs {len(data)} bytes"


def test_the_fonts_licence_ships_beside_them():
    licence = (STATIC / "fonts" / "OFL.txt").read_text(encoding="utf-8")

    assert "SIL Open Font License, Version 1.1" in licence
    assert "ParaType" in licence


def test_the_unicode_range_is_what_the_font_script_keeps():
    """A character the range promises but the files lack would show in a fallback font mid-word."""
    script = (settings.BASE_DIR / "scripts" / "web-fonts").read_text(encoding="utf-8")
    kept = re.search(r'^UNICODES="([^"]+)"', script, flags=re.MULTILINE).group(1).split(",")

    for face in FONT_FACES:
        assert declared(face, "unicode-range").split(", ") == kept
    assert "U+0400-045F" in kept and "U+0020-007E" in kept  # Cyrillic and Latin


def test_pages_preload_the_bold_weight_the_header_always_uses(client, site_tree):
    response = client.get("/ru/")

    preloads = re.findall(r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin>', response.text)
    assert preloads == ["/static/fonts/solidarity-serif-bold.woff2"]
    assert "solidarity-serif-bold.woff2" in font_files()
    assert "regular" not in response.text.split("</head>")[0]  # the quotes' weight loads only when used


def test_the_content_security_policy_lets_the_sites_own_fonts_load(client, site_tree, settings):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    page = client.get("/en/")
    font = Client().get("/static/fonts/solidarity-serif-bold.woff2")

    assert "font-src 'self'" in page["Content-Security-Policy"]
    assert font.status_code == 200
    assert font["Content-Type"] == "font/woff2"
