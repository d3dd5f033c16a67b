"""Stems for search: word forms meet, «ё» is «е», and unrelated words stay apart."""

from __future__ import annotations

import pytest

from solidarity.stories.search_text import query_terms, stem, stems_of


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("правозащитник", "правозащитники"),
        ("политзаключённые", "политзаключенных"),
        ("Бишкек", "Бишкеке"),
        ("prisoner", "prisoners"),
        ("journalist", "Journalists"),
    ],
)
def test_forms_of_one_word_share_a_stem(one, other):
    assert stem(stems_of(one)) == stem(stems_of(other))


@pytest.mark.parametrize(("one", "other"), [("суд", "судьба"), ("prison", "prism"), ("мир", "мирный протест")])
def test_different_words_keep_different_stems(one, other):
    assert stems_of(one) != stems_of(other)


def test_query_terms_keep_each_word_once_with_its_stem():
    assert query_terms("Prisoners prisoners, «Политзаключённые»!") == [
        ("prisoners", "prison"),
        ("политзаключенные", "политзаключен"),
    ]


def test_query_of_punctuation_only_has_no_terms():
    assert query_terms('"" -- <> ;') == []
