"""The Russian interface catalog: every string translated, and the compiled .mo in step with the .po.

The .po is what translators edit; Django reads only the .mo that ``compilemessages`` makes from it.
These tests catch a string left untranslated or fuzzy, and a .po edited without recompiling.
"""

from __future__ import annotations

import ast
import gettext
from dataclasses import dataclass, field
from pathlib import Path

import solidarity

CATALOG_DIR = Path(solidarity.__file__).resolve().parent / "locale" / "ru" / "LC_MESSAGES"
PO_PATH = CATALOG_DIR / "django.po"
MO_PATH = CATALOG_DIR / "django.mo"


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


def test_every_russian_string_is_translated_and_none_is_fuzzy():
    entries = parse_po(PO_PATH)
    header = next(entry for entry in entries if entry.msgid == "" and entry.msgctxt is None)
    nplurals = plural_count(header.msgstr[0])
    assert nplurals == 4, "Russian uses the four plural forms of Django's own catalog"
    messages = [entry for entry in entries if entry is not header]
    assert messages, f"{PO_PATH} holds no messages"

    problems = []
    for entry in [header, *messages]:
        if "fuzzy" in entry.flags:
            problems.append(f"line {entry.line}: {entry.msgid!r} is marked fuzzy")
    for entry in messages:
        expected = set(range(nplurals)) if entry.msgid_plural is not None else {0}
        if set(entry.msgstr) != expected:
            forms = sorted(entry.msgstr)
            problems.append(f"line {entry.line}: {entry.msgid!r} has forms {forms}, not {sorted(expected)}")
        empty = sorted(index for index, text in entry.msgstr.items() if not text.strip())
        if empty:
            problems.append(f"line {entry.line}: {entry.msgid!r} has no translation (msgstr {empty})")
    assert not problems, "\n".join(problems)


def test_compiled_catalog_matches_the_po_file():
    assert MO_PATH.exists(), f"{MO_PATH} is missing: run `manage.py compilemessages -l ru`"
    with MO_PATH.open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    catalog = compiled._catalog  # (msgid, n) for plural forms, "context\x04msgid" with a context

    stale = []
    for entry in parse_po(PO_PATH):
        if entry.msgid == "" or "fuzzy" in entry.flags or not any(entry.msgstr.values()):
            continue  # msgfmt leaves these out; the other test reports them
        msgid = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural is None:
            if catalog.get(msgid) != entry.msgstr[0]:
                stale.append(f"{entry.msgid!r}: .mo has {catalog.get(msgid)!r}, .po has {entry.msgstr[0]!r}")
            continue
        for index, text in sorted(entry.msgstr.items()):
            if catalog.get((msgid, index)) != text:
                stale.append(f"{entry.msgid!r}[{index}]: .mo has {catalog.get((msgid, index))!r}, .po has {text!r}")
    assert not stale, "The .mo is older than the .po; run `manage.py compilemessages -l ru`:\n" + "\n".join(stale)
    # 1, 21 материал; 2, 3, 22 материала; 5, 11, 12, 112 материалов: the .mo carries the Russian plural rule.
    expected = {0: 2, 1: 0, 2: 1, 3: 1, 4: 1, 5: 2, 11: 2, 12: 2, 14: 2, 21: 0, 22: 1, 25: 2, 101: 0, 111: 2, 112: 2}
    assert {n: compiled.plural(n) for n in expected} == expected
