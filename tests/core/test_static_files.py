"""Every static file a template names exists: with hashed names in production a missing one is a 500."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

import solidarity

STATIC_TAG = re.compile(r"""\{%\s*static\s+['"]([^'"]+)['"]""")


def template_files() -> list[Path]:
    return sorted(Path(solidarity.__file__).parent.rglob("templates/**/*.html"))


def test_templates_are_found():
    assert any(path.name == "base.html" for path in template_files())


@pytest.mark.parametrize("template", template_files(), ids=lambda path: path.name)
def test_every_static_file_a_template_names_exists(template):
    for name in STATIC_TAG.findall(template.read_text(encoding="utf-8")):
        assert finders.find(name), f"{template.name} names {name}, which no static folder has"


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


def stylesheets() -> list[Path]:
    """The project's own stylesheets (vendored ones are checked by their own upstream)."""
    return sorted(
        path for path in Path(solidarity.__file__).parent.rglob("static/**/*.css") if "vendor" not in path.parts
    )


@pytest.mark.parametrize("stylesheet", stylesheets(), ids=lambda path: path.name)
def test_every_file_a_stylesheet_names_exists(stylesheet):
    """A stylesheet's ``url()`` to a missing file fails ``collectstatic`` (the hashed names) and is a 404 before."""
    static_root = next(parent for parent in stylesheet.parents if parent.name == "static")
    folder = stylesheet.parent.relative_to(static_root)
    for target in CSS_URL.findall(stylesheet.read_text(encoding="utf-8")):
        if target.startswith(("data:", "#", "http:", "https:")):
            continue
        name = (Path("/") / folder / target).resolve().relative_to("/").as_posix()
        assert finders.find(name), f"{stylesheet.name} names {target} ({name}), which no static folder has"
