"""English phrasing helpers (pure functions): the same facts as the Danish, in English words."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from actions import formatting
from actions.formatting_en import (
    address_phrase,
    format_date,
    format_session_time,
    format_time_range,
    format_weekly_slots,
    in_danish,
    join_list,
    number_word,
    read_more,
    weekday_name,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "Monday"), (6, "Sunday"), ("wednesday", "Wednesday"), ("onsdag", "Wednesday")],
)
def test_weekday_name(value, expected):
    assert weekday_name(value) == expected


def test_unknown_weekday_is_refused():
    with pytest.raises(ValueError):
        weekday_name(7)


def test_dates_and_times():
    assert format_date(date(2025, 12, 3)) == "Wednesday 3 December"
    assert format_date("2026-01-01") == "Thursday 1 January"
    assert format_time_range(time(9, 0), time(11, 30)) == "9:00-11:30"
    assert format_time_range("10:00", None) == "at 10:00"


def test_session_time_in_copenhagen_time_across_dst():
    summer = datetime(2025, 6, 4, 8, 0, tzinfo=timezone.utc)
    winter = datetime(2025, 12, 3, 9, 0, tzinfo=timezone.utc)
    assert format_session_time(summer, None) == "Wednesday 4 June, at 10:00"
    assert format_session_time(winter, "2025-12-03T11:00:00Z") == (
        "Wednesday 3 December, 10:00-12:00"
    )


def test_weekly_slots_are_ordered_like_the_danish():
    slots = [
        {"weekday": "friday", "start": "09:00", "end": "11:00"},
        {"weekday": "wednesday", "start": "10:00", "end": "12:00"},
        {"weekday": "monday", "start": None},
    ]
    assert format_weekly_slots(slots) == ("Monday, Wednesday 10:00-12:00 and Friday 9:00-11:00")
    assert formatting.format_weekly_slots(slots) == (
        "mandag, onsdag kl. 10.00-12.00 og fredag kl. 9.00-11.00"
    )


def test_lists_numbers_addresses_links():
    assert join_list(["a", "", "b", "c"]) == "a, b and c"
    assert number_word(4) == "four"
    assert number_word(12) == "12"
    assert address_phrase({"street": "Regimentvej", "city": "Randers"}) == (
        "Regimentvej in Randers"
    )
    assert address_phrase({"street": "Prøvevej", "house_number": "7", "postcode": "8900"}) == (
        "Prøvevej 7, 8900"
    )
    assert read_more(None) == ""
    assert formatting.compose("One.", read_more(" https://x.dk "), "Two.") == (
        "One. Two.\nRead more: https://x.dk"
    )


def test_the_contents_danish_words_are_marked():
    assert in_danish("to gange om ugen", None, "") == "In Danish: to gange om ugen."
    assert in_danish(None, " ") == ""
