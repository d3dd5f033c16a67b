"""Files and folders only the site's own user may read: secrets, the SQLite database, the demo password."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from solidarity.core import private_files
from solidarity.core.private_files import private_directory, private_file, private_value, write_private


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_private_directory_is_0700_with_its_parents(tmp_path):
    made = private_directory(tmp_path / "var" / "keys")

    assert made == tmp_path / "var" / "keys"
    assert mode(made) == 0o700


def test_a_directory_made_before_is_tightened_to_0700(tmp_path):
    folder = tmp_path / "var"
    folder.mkdir(mode=0o755)
    folder.chmod(0o775)

    private_directory(folder)

    assert mode(folder) == 0o700


def test_a_directory_already_tighter_than_0700_is_left_alone(tmp_path):
    folder = tmp_path / "var"
    folder.mkdir()
    folder.chmod(0o500)

    private_directory(folder)

    assert mode(folder) == 0o500


def test_a_new_private_file_is_empty_and_0600_in_a_0700_folder(tmp_path):
    path = private_file(tmp_path / "var" / "solidarity.sqlite3")

    assert path.read_bytes() == b""
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


def test_a_file_made_before_keeps_its_contents_and_loses_others_permissions(tmp_path):
    path = tmp_path / "solidarity.sqlite3"
    path.write_bytes(b"SQLite format 3\x00")
    path.chmod(0o664)

    private_file(path)

    assert path.read_bytes() == b"SQLite format 3\x00"
    assert mode(path) == 0o600


def test_a_file_the_site_may_not_change_is_left_as_the_operator_set_it(tmp_path, monkeypatch):
    path = tmp_path / "solidarity.sqlite3"
    path.write_bytes(b"")
    path.chmod(0o640)

    def refuse(*args):
        raise PermissionError(args)

    monkeypatch.setattr(private_files.os, "chmod", refuse)

    private_file(path)

    assert mode(path) == 0o640


def test_write_private_writes_the_text_0600_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "var" / "demo_admin_password"

    write_private(path, "пароль-1")

    assert path.read_text(encoding="utf-8") == "пароль-1"
    assert mode(path) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["demo_admin_password"]


def test_write_private_replaces_a_readable_file_with_a_private_one(tmp_path):
    path = tmp_path / "demo_admin_password"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o644)

    write_private(path, "new")

    assert path.read_text(encoding="utf-8") == "new"
    assert mode(path) == 0o600


def test_private_value_is_made_once_and_kept(tmp_path):
    made = []

    def make():
        made.append(1)
        return f"ключ-{len(made)}\n"

    first = private_value(tmp_path / "var" / "data_key", make)
    second = private_value(tmp_path / "var" / "data_key", make)

    assert first == second == "ключ-1"
    assert made == [1]
    assert mode(tmp_path / "var" / "data_key") == 0o600
    assert mode(tmp_path / "var") == 0o700


def test_a_value_already_kept_is_read_without_making_one(tmp_path):
    path = tmp_path / "secret_key"
    path.write_text("kept\n", encoding="utf-8")

    assert private_value(path, lambda: pytest.fail("made a new value over a kept one")) == "kept"


def test_an_empty_value_file_stops_the_start_and_says_what_to_do(tmp_path):
    path = tmp_path / "secret_key"
    path.write_text("  \n", encoding="utf-8")

    with pytest.raises(RuntimeError, match=rf"^{path} is empty: delete it and start again\.$"):
        private_value(path, lambda: "unused")


def test_private_files_never_import_django():
    """settings.py imports this module before Django is configured."""
    source = Path(private_files.__file__).read_text(encoding="utf-8")

    assert "import django" not in source
    assert "from django" not in source
