"""The interface catalogs: every string translated in every language, and each .mo in step with its .po.

The .po is what translators edit; Django reads only the .mo that ``compilemessages`` makes from it.
These tests catch a string left untranslated or fuzzy (naming the language and the string), and a
.po edited without recompiling. Every language is "ready" (settings.SOLIDARITY_READY_LANGUAGES)
only while this holds.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

import solidarity
from tests.catalogs import PLACEHOLDER, Entry, mo_path, parse_po, plural_count, po_path

TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# The plural forms of Django's own catalogs: East Slavic one/few/many (and a fourth form that only
# fractions reach), one/other in German and French (0 is singular in French).
NPLURALS = {"ru": 4, "uk": 4, "be": 4, "de": 2, "fr": 2}


def problems_of(entries: list[Entry], nplurals: int) -> list[str]:
    """What keeps a catalog from being complete: fuzzy entries, missing plural forms, empty translations."""
    header = next(entry for entry in entries if entry.msgid == "" and entry.msgctxt is None)
    messages = [entry for entry in entries if entry is not header]
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
    return problems


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated_and_none_is_fuzzy(language):
    entries = parse_po(po_path(language))
    header = next(entry for entry in entries if entry.msgid == "" and entry.msgctxt is None)
    nplurals = plural_count(header.msgstr[0])
    assert nplurals == NPLURALS[language], f"{language}: the plural forms of Django's own {language} catalog"
    assert f"Language: {language}\n" in header.msgstr[0]
    assert len(entries) > 1, f"{po_path(language)} holds no messages"

    problems = problems_of(entries, nplurals)

    assert not problems, f"{language}:\n" + "\n".join(problems)


def test_a_catalog_with_an_untranslated_or_fuzzy_string_is_reported(tmp_path):
    path = tmp_path / "django.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Countries"\nmsgstr "Länder"\n\n'
        'msgid "Search"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Home"\nmsgstr "Startseite"\n\n'
        '#, python-format\nmsgid "%(n)s story"\nmsgid_plural "%(n)s stories"\nmsgstr[0] "%(n)s Beitrag"\n\n'
        '#~ msgid "Old"\n#~ msgstr ""\n',
        encoding="utf-8",
    )

    assert problems_of(parse_po(path), 2) == [
        "line 12: 'Home' is marked fuzzy",
        "line 9: 'Search' has no translation (msgstr [0])",
        "line 16: '%(n)s story' has forms [0], not [0, 1]",
    ]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_translation_keeps_the_placeholders_of_its_string(language):
    wrong = []
    for entry in parse_po(po_path(language)):
        expected = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        wrong += [(entry.msgid, text) for text in entry.msgstr.values() if set(PLACEHOLDER.findall(text)) != expected]

    assert wrong == [], f"{language}: {wrong}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalog_matches_the_po_file(language):
    assert mo_path(language).exists(), f"{mo_path(language)} is missing: run `manage.py compilemessages -l {language}`"
    with mo_path(language).open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    catalog = compiled._catalog  # (msgid, n) for plural forms, "context\x04msgid" with a context

    stale = []
    for entry in parse_po(po_path(language)):
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
    assert not stale, (
        f"{language}: the .mo is older than the .po; run `manage.py compilemessages -l {language}`:\n"
        + "\n".join(stale)
    )


# n -> plural form. East Slavic: 1, 21, 101 one; 2-4, 22 few; 0, 5-20, 25, 111, 112 many. French: 0 and 1 singular.
EAST_SLAVIC = {0: 2, 1: 0, 2: 1, 3: 1, 4: 1, 5: 2, 11: 2, 12: 2, 14: 2, 21: 0, 22: 1, 25: 2, 101: 0, 111: 2, 112: 2}
PLURAL_RULES = {
    "ru": EAST_SLAVIC,
    "uk": EAST_SLAVIC,
    "be": EAST_SLAVIC,
    "de": {0: 1, 1: 0, 2: 1, 5: 1, 21: 1},
    "fr": {0: 0, 1: 0, 2: 1, 5: 1, 21: 1},
}


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalog_carries_the_plural_rule_of_its_language(language):
    """A header left fuzzy is dropped by msgfmt, and the .mo then counts like English."""
    with mo_path(language).open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    expected = PLURAL_RULES[language]

    assert {n: compiled.plural(n) for n in expected} == expected


@pytest.mark.parametrize("language", TRANSLATED)
def test_django_speaks_each_language_from_its_compiled_catalog(language):
    entry = next(entry for entry in parse_po(po_path(language)) if entry.msgid == "Skip to main content")

    with translation.override(language):
        said = translation.gettext("Skip to main content")

    assert said == entry.msgstr[0] != "Skip to main content"


def test_strings_are_marked_only_in_ways_makemessages_finds():
    """makemessages looks for ``_``, ``gettext``, ``gettext_lazy``, ``ngettext``…: a string marked through
    another name (``gettext_lazy as _lazy``) is never extracted, so it stays English in every language."""
    package = Path(solidarity.__file__).resolve().parent
    aliased = [
        f"{path.relative_to(package)}: {line.strip()}"
        for path in package.rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"import .*\b(n|p|np)?gettext(_lazy|_noop)? as (?!_\b)\w+", line)
    ]

    assert aliased == []
