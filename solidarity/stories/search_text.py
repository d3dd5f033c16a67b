"""Word stems for search, so that «правозащитник» finds «правозащитники» and "prisoner" finds "prisoners".

Wagtail's database search backend matches whole words only. Each story is therefore also indexed
with the stems of its words, and a query matches a word in either form. The same function stems
both sides: Cyrillic words with the Russian Snowball stemmer (the closest available for Ukrainian
and Belarusian too), Latin words with the English one; «ё» counts as «е», as most people type it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

import snowballstemmer

if TYPE_CHECKING:
    from snowballstemmer.basestemmer import BaseStemmer

WORD = re.compile(r"\w+", re.UNICODE)
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@lru_cache(maxsize=4)
def _stemmer(algorithm: str) -> BaseStemmer:
    return snowballstemmer.stemmer(algorithm)


def normalise(text: str) -> str:
    """Lower case, compatibility forms folded, «ё» written as «е»."""
    return unicodedata.normalize("NFKC", text).lower().replace("ё", "е")


def words(text: str) -> list[str]:
    return WORD.findall(normalise(text))


def stem(word: str) -> str:
    algorithm = "russian" if CYRILLIC.search(word) else "english"
    return _stemmer(algorithm).stemWord(word)


def stems_of(text: str) -> str:
    """The stems of every word of a text, as one text for the search index."""
    return " ".join(stem(word) for word in words(text))


def query_terms(query: str) -> list[tuple[str, str]]:
    """Each word of a query with its stem, in order, once each."""
    seen: set[str] = set()
    terms = []
    for word in words(query):
        if word not in seen:
            seen.add(word)
            terms.append((word, stem(word)))
    return terms
