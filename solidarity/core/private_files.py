"""Files only the site's own user may read: development secrets, the SQLite database, the demo admin's password.

Imported by settings.py, so nothing here may import Django.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

PRIVATE_DIRECTORY_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def _tighten(path: Path, allowed: int) -> None:
    """Take away the permissions beyond ``allowed`` (group and others) from a path made before this rule."""
    mode = path.stat().st_mode & 0o777
    if mode & ~allowed:
        with contextlib.suppress(PermissionError):  # not ours to change: the operator set it up so
            os.chmod(path, mode & allowed)


def private_directory(path: Path) -> Path:
    """A directory only the site's user may enter (0700): made so, or tightened when it was made before."""
    path.mkdir(mode=PRIVATE_DIRECTORY_MODE, parents=True, exist_ok=True)
    _tighten(path, PRIVATE_DIRECTORY_MODE)
    return path


def private_file(path: Path) -> Path:
    """A file only the site's user may read (0600), made empty if it is not there (an SQLite database, say).

    SQLite gives its -wal and -shm files the permissions of the database file.
    """
    private_directory(path.parent)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        _tighten(path, PRIVATE_FILE_MODE)
    else:
        os.close(descriptor)
    return path


def write_private(path: Path, text: str) -> None:
    """Write (or replace) a file created with mode 0600 from the start, never readable by others."""
    private_directory(path.parent)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(temporary, path)


def private_value(path: Path, make: Callable[[], str]) -> str:
    """The value kept in ``path``; made once, by whichever process gets there first."""
    private_directory(path.parent)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(make())
    value = path.read_text(encoding="utf-8").strip()
    if not value:
        raise RuntimeError(f"{path} is empty: delete it and start again.")
    return value
