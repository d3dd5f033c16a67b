"""Values a visitor, a scanner or a fuzzer may put in a query string: none of them may cause a 500."""

ODD_VALUES = [
    "' OR 1=1; DROP TABLE wagtailcore_page; --",
    '"; DELETE FROM wagtailcore_page WHERE "1"="1',
    "1' UNION SELECT password FROM auth_user --",
    "<script>alert(1)</script>",
    '"unclosed',
    '""',
    "NEAR(",
    "NEAR(a b, 2)",
    "*",
    "a*",
    "-",
    "a AND OR",
    "AND",
    "OR NOT",
    "(((",
    ")",
    "title:Minsk",
    "^Minsk",
    "a & b | !c",
    "a <-> b",
    ":*",
    "\\",
    "%_%",
    "حقوق الإنسان",
    "זכויות אדם",
    "\u202etext\u202c",
    "😀🔥",
    "\x00",
    "Minsk\x00Tbilisi",
    # Far longer than any field, short enough that two of them stay within the address the site reads
    # (MAX_URL_LENGTH, 4096 bytes); a longer address gets the 414 page (tests/core/test_address_too_long.py).
    "x" * 1_800,
]

ODD_PAGE_NUMBERS = ["abc", "0", "-1", "1.5", "1e3", "\x00", "999999", "99999999999999999999999999", "' OR 1=1 --"]
