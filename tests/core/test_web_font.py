"""The site's own web font: the bold weight in three small WOFF2 files by script, each holding exactly the characters
its unicode-range promises, with their licence, swapped in, preloaded where a page surely uses it, allowed by the
CSP."""

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
MAX_FONT_BYTES = 10_000


def declared(face: str, name: str) -> str:
    found = re.search(rf"{name}:\s*([^;]+);", face)
    return " ".join(found.group(1).split()) if found else ""


def font_files() -> list[str]:
    return [re.search(r'url\("\.\./fonts/([^"]+)"\)', face).group(1) for face in FONT_FACES]


def test_the_stylesheet_declares_the_heading_font_in_its_bold_weight_only():
    """Text at the regular weight (quotes, print) is set in the reader's own serif: no second weight to download."""
    assert {declared(face, "font-weight") for face in FONT_FACES} == {"700"}
    assert {declared(face, "font-family") for face in FONT_FACES} == {'"Solidarity Serif"'}
    assert '--serif: "Solidarity Serif",' in CSS
    assert "Solidarity Serif" not in re.search(r"--serif-text:([^;]+);", CSS).group(1)


@pytest.mark.parametrize("face", FONT_FACES, ids=lambda face: re.search(r"bold-([a-z-]+)", face).group(1))
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


def script_ranges() -> dict[str, str]:
    script = (settings.BASE_DIR / "scripts" / "web-fonts").read_text(encoding="utf-8")
    kept = dict(re.findall(r'^([A-Z_]+)="(U\+[^"]+)"', script, flags=re.MULTILINE))
    return {name.lower().replace("_", "-"): ranges for name, ranges in kept.items()}


def code_points(ranges: str) -> set[int]:
    points: set[int] = set()
    for part in ranges.replace(" ", "").split(","):
        first, _, last = part.removeprefix("U+").partition("-")
        points |= set(range(int(first, 16), int(last or first, 16) + 1))
    return points


def test_the_unicode_ranges_are_what_the_font_script_keeps():
    """A character a range promises but its file lacks would show in a fallback font mid-word."""
    kept = script_ranges()

    assert sorted(kept) == ["cyrillic", "latin", "latin-ext"]
    for face in FONT_FACES:
        subset = re.search(r"bold-([a-z-]+)\.woff2", face).group(1)
        assert declared(face, "unicode-range").replace(" ", "") == kept[subset]


def test_the_files_hold_the_characters_their_ranges_promise_and_the_ranges_do_not_overlap():
    pytest.importorskip("brotli")  # fontTools reads WOFF2 with it (requirements.txt)
    from fontTools.ttLib import TTFont

    seen: set[int] = set()
    seen_in_files: set[int] = set()
    for subset, ranges in script_ranges().items():
        promised = code_points(ranges)
        font = TTFont(STATIC / "fonts" / f"solidarity-serif-bold-{subset}.woff2")

        # Each file holds only characters of its range (PT Serif lacks a few that a range names: those show in the
        # fallback font, as they would anyway).
        assert set(font.getBestCmap()) <= promised, subset
        assert not seen & promised, f"{subset} overlaps another file"
        seen |= promised
        seen_in_files.update(font.getBestCmap())
    assert {ord(letter) for letter in "Aaéüßșțăŭ«»—…€ЖжЁёЄєІіЇїЎўҐґ№₽"} <= seen_in_files


def test_an_english_page_needs_only_the_latin_file_and_a_russian_one_the_cyrillic_one_besides():
    ranges = {subset: code_points(ranges) for subset, ranges in script_ranges().items()}

    def files_for(text: str) -> set[str]:
        return {subset for subset, points in ranges.items() if points & {ord(letter) for letter in text}}

    assert files_for("Trial of 3 journalists in Minsk: “free them” — now…") == {"latin"}
    assert files_for("Суд над 3 журналистами в Минске: «свободу» — сейчас…") == {"latin", "cyrillic"}
    assert files_for("Procès à Minsk : trois journalistes") == {"latin", "latin-ext"}


@pytest.mark.parametrize(("language", "preloaded"), [("en", ["latin"]), ("ru", ["latin", "cyrillic"])])
def test_pages_preload_the_files_their_headings_surely_use(client, site_tree, language, preloaded):
    response = client.get(f"/{language}/")

    preloads = re.findall(r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin>', response.text)
    assert preloads == [f"/static/fonts/solidarity-serif-bold-{subset}.woff2" for subset in preloaded]
    assert all(name in font_files() for name in (preload.removeprefix("/static/fonts/") for preload in preloads))


def test_the_content_security_policy_lets_the_sites_own_fonts_load(client, site_tree, settings):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    page = client.get("/en/")
    font = Client().get("/static/fonts/solidarity-serif-bold-latin.woff2")

    assert "font-src 'self'" in page["Content-Security-Policy"]
    assert font.status_code == 200
    assert font["Content-Type"] == "font/woff2"


def test_the_embedded_counter_declares_the_same_font_files_and_ranges():
    """The counter partner sites frame has a stylesheet of its own (one request, no site.css): its @font-face rules
    are site.css's, so a change of the files or their ranges (scripts/web-fonts) reaches both."""
    embed_css = (Path(solidarity.__file__).parent / "calls" / "static" / "calls" / "embed.css").read_text("utf-8")
    normalised = [" ".join(face.split()) for face in FONT_FACES]
    assert [" ".join(face.split()) for face in re.findall(r"@font-face\s*\{([^}]*)\}", embed_css)] == normalised
