"""Which page numbers a list's pagination shows: the first, the last, and a few around the current one."""

from __future__ import annotations

# How many pages either side of the current one get a number of their own.
AROUND = 2


def page_numbers(current: int, total: int, *, around: int = AROUND) -> list[int | None]:
    """The page numbers to link, in order, with None where an ellipsis stands for the pages left out.

    The first and last pages are always there, and the ``around`` pages either side of the current one;
    an ellipsis never stands for a single page (that page's own number takes no more room).
    For 20 pages at page 10: [1, None, 8, 9, 10, 11, 12, None, 20].
    """
    if total < 1:
        return []
    current = min(max(current, 1), total)
    shown = sorted({1, total, *range(max(1, current - around), min(total, current + around) + 1)})
    numbers: list[int | None] = []
    for number in shown:
        if numbers:
            previous = numbers[-1]
            assert previous is not None
            if number - previous == 2:
                numbers.append(previous + 1)
            elif number - previous > 2:
                numbers.append(None)
        numbers.append(number)
    return numbers
