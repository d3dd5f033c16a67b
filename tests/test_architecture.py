"""The layers point one way: what a module may import, read from the source itself."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import solidarity

PACKAGE = Path(solidarity.__file__).resolve().parent
FEATURE_APPS = ("home", "stories", "staff", "campaigns", "calls", "discussion", "newsletter", "api", "demo")


def modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts)


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function (``from a import b`` counts a and a.b)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def dotted(path: Path) -> str:
    return ".".join(("solidarity", *path.relative_to(PACKAGE).with_suffix("").parts))


def test_the_checks_read_real_imports():
    """The readers below see an import inside a function, which is how a layer is usually broken."""
    imports = imported_modules(PACKAGE / "stories" / "models.py")

    assert "solidarity.core.pages.ReaderPage" in imports
    assert "solidarity.stories.queries" in imports  # imported inside get_context


@pytest.mark.parametrize("path", modules(), ids=lambda path: dotted(path))
def test_only_urls_and_views_import_views(path):
    name = dotted(path)
    if name.endswith((".urls", ".views", "_views")):  # an app's views may be split (discussion.comment_views)
        return
    views = sorted(module for module in imported_modules(path) if re.search(r"(^|\.)views($|\.)", module))
    assert [module for module in views if module.startswith("solidarity.")] == []


@pytest.mark.parametrize(
    "path", [path for path in modules() if path.relative_to(PACKAGE).parts[0] == "core"], ids=dotted
)
def test_core_imports_no_feature_app(path):
    features = tuple(f"solidarity.{app}" for app in FEATURE_APPS)
    assert sorted(module for module in imported_modules(path) if module.startswith(features)) == []


def test_visibility_is_defined_once():
    """``.live().public()`` (what readers may see) is written only in the one queryset method."""
    writers = [
        dotted(path) for path in modules() if re.search(r"\.live\(\)|\.public\(\)", path.read_text(encoding="utf-8"))
    ]
    assert writers == ["solidarity.core.visibility"]


def test_stories_import_no_other_feature_app():
    """Stories feed the home page; they never reach into it (or into later features)."""
    others = tuple(f"solidarity.{app}" for app in FEATURE_APPS if app != "stories")
    for path in (PACKAGE / "stories").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        assert sorted(module for module in imported_modules(path) if module.startswith(others)) == [], path


def test_the_product_needs_no_demo_only_package():
    """fpdf2 and the PDF font are for the demo's report files: a production install leaves them out."""
    root = PACKAGE.parent
    requirements = (root / "requirements.txt").read_text(encoding="utf-8").lower()
    demo_requirements = (root / "requirements-demo.txt").read_text(encoding="utf-8").lower()
    for package in ("fpdf2", "fontpkg-pt-sans"):
        assert package not in requirements
        assert f"{package}==" in demo_requirements
    outside_demo = [path for path in modules() if path.relative_to(PACKAGE).parts[0] != "demo"]
    assert [dotted(path) for path in outside_demo if any(m.startswith("fpdf") for m in imported_modules(path))] == []
