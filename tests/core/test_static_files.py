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
