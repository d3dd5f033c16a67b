"""The interface catalogs in tests: a small .po parser (enough for what makemessages writes), and
finding a catalog's English messages in the visible text of a page in another language."""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

import solidarity

LOCALE_DIR = Path(solidarity.__file__).resolve().parent / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def mo_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0


def parse_po(path: Path) -> list[Entry]:
    """The entries of a .po file, header included; obsolete (``#~``) entries are left out."""
    entries: list[Entry] = []
    entry: Entry | None = None
    target: tuple[str, int] | None = None

    def finish() -> None:
        nonlocal entry, target
        if entry is not None and (entry.msgstr or entry.msgid):
            entries.append(entry)
        entry, target = None, None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#,"):
            if entry is not None and target is not None and target[0] == "msgstr":
                finish()
            entry = entry or Entry(line=number)
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            assert entry is not None and target is not None, f"{path}:{number}: a string outside an entry"
            value = ast.literal_eval(line)
        else:
            if keyword in ("msgctxt", "msgid") and entry is not None and entry.msgstr:
                finish()  # a new entry without a blank line before it
            entry = entry or Entry(line=number)
            value = ast.literal_eval(rest)
            if keyword.startswith("msgstr["):
                target = ("msgstr", int(keyword[len("msgstr[") : -1]))
                entry.msgstr[target[1]] = ""
            elif keyword in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
                target = (keyword, 0)
                if keyword == "msgstr":
                    entry.msgstr[0] = ""
            else:
                raise AssertionError(f"{path}:{number}: unexpected line {raw!r}")
            if keyword == "msgctxt":
                entry.msgctxt = ""
            elif keyword == "msgid_plural":
                entry.msgid_plural = ""
        name, index = target
        if name == "msgstr":
            entry.msgstr[index] += value
        elif name == "msgid":
            entry.msgid += value
        elif name == "msgid_plural":
            entry.msgid_plural += value
        else:
            entry.msgctxt += value
    finish()
    return entries


def plural_count(header: str) -> int:
    for line in header.splitlines():
        if line.lower().startswith("plural-forms:"):
            nplurals = line.split("nplurals=", 1)[1].split(";", 1)[0]
            return int(nplurals)
    raise AssertionError("the .po header names no Plural-Forms")


@functools.cache
def english_messages(language: str) -> tuple[str, ...]:
    """The English text of every message translated differently: its parts between placeholders of 2+ words."""
    found = set()
    for entry in parse_po(po_path(language)):
        if not entry.msgid or entry.msgid in entry.msgstr.values():
            continue
        for message in (entry.msgid, entry.msgid_plural or ""):
            found.update(part.strip() for part in PLACEHOLDER.split(message) if len(part.split()) >= 2)
    return tuple(sorted(found))


def visible_text(html: str) -> str:
    """What a reader sees or hears of a page in its own language: text and labels, not other languages' text."""
    soup = BeautifulSoup(html, "html.parser")
    language = soup.html["lang"]
    for element in soup.find_all(["script", "style"]):
        element.decompose()
    for element in soup.find_all(lang=True):
        if element.name != "html" and element["lang"] != language:
            element.decompose()
    labels = [
        value
        for element in soup.find_all(True)
        for name in ("aria-label", "placeholder", "alt", "title")
        if (value := element.get(name))
    ]
    labels += [meta.get("content", "") for meta in soup.find_all("meta", attrs={"name": "description"})]
    return " ".join(" ".join([soup.get_text(" "), *labels]).split())


def english_in(html: str, language: str) -> list[str]:
    text = visible_text(html)
    return [message for message in english_messages(language) if message in text]
