"""Which page numbers a list's pagination shows (core/pagination.py)."""

from __future__ import annotations

import pytest

from solidarity.core.pagination import page_numbers


@pytest.mark.parametrize(
    ("current", "total", "expected"),
    [
        (1, 1, [1]),
        (1, 2, [1, 2]),
        (2, 5, [1, 2, 3, 4, 5]),
        (10, 20, [1, None, 8, 9, 10, 11, 12, None, 20]),
        (1, 20, [1, 2, 3, None, 20]),
        (20, 20, [1, None, 18, 19, 20]),
        # An ellipsis never hides one page alone: page 2 or 19 takes its place.
        (5, 20, [1, 2, 3, 4, 5, 6, 7, None, 20]),
        (16, 20, [1, None, 14, 15, 16, 17, 18, 19, 20]),
        (6, 20, [1, None, 4, 5, 6, 7, 8, None, 20]),
    ],
)
def test_the_first_the_last_and_two_either_side_of_the_current_page(current, total, expected):
    assert page_numbers(current, total) == expected


def test_a_page_number_out_of_range_counts_as_the_nearest_page():
    assert page_numbers(0, 20) == page_numbers(1, 20)
    assert page_numbers(99, 20) == page_numbers(20, 20)


def test_no_pages_no_numbers():
    assert page_numbers(1, 0) == []


@pytest.mark.parametrize("total", range(1, 40))
def test_every_number_shown_is_a_page_once_in_order_with_the_current_one_among_them(total):
    for current in range(1, total + 1):
        numbers = [number for number in page_numbers(current, total) if number is not None]

        assert numbers == sorted(set(numbers))
        assert numbers[0] == 1 and numbers[-1] == total and current in numbers
        assert len(page_numbers(current, total)) <= 9  # fits a phone's line or two
