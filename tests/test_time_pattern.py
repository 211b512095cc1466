"""The start guard of the date pattern (time._START) keeps exactly the matches of the bare
expression: it only lets the regex engine skip positions where no expression can begin."""

from __future__ import annotations

import re

import pytest

from communique.extract.time import _EXPRESSION, _PATTERN

BARE = re.compile(_EXPRESSION)

TEXTS = [
    ("He spoke on Monday morning and again last Thursday.", 2),
    ("Talks resumed Jan. 28, 2022 after 21 March 2021 and on 1/5/2022 or 2022-01-05.", 4),
    ("Earlier yesterday and later tonight, last night, this morning.", 4),
    ("earlier this week, the coming month, this past weekend, over the weekend", 4),
    ("in recent days, three weeks ago, a few days ago, several years ago, 12 months ago", 5),
    ("THIS COMING Monday, LAST Friday, laſt Monday, ſeveral days ago, Ear Monday", 5),
    ("blast Monday, unlateFriday, xnext Sunday, earliest Tuesday", 4),
    ("Mayday, Marches, Decembers 5, Sept 11, Septem 3, Oct.2", 1),
    ("today's vote, Tomorrow's, TODAY, todays, yesterdays", 3),
    ("no date here at all, only words: Sundays (plural) are not special", 1),
    ("\u0661\u0662 March and \u0663 days ago", 2),
    ("last\n\nMonday; earlier\tlast week; the\n weekend", 3),
    ("", 0),
]


@pytest.mark.parametrize(("text", "n"), TEXTS)
def test_time_pattern_guard_keeps_matches(text: str, n: int) -> None:
    guarded = [m.span() for m in _PATTERN.finditer(text)]
    assert guarded == [m.span() for m in BARE.finditer(text)]
    assert len(guarded) == n
