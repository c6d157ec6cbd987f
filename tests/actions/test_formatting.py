"""Danish phrasing helpers (pure functions, no facts service)."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from actions.formatting import (
    address_line,
    address_phrase,
    compose,
    first_sentences,
    format_date,
    format_session_time,
    format_time,
    format_time_range,
    format_weekly_slots,
    join_list,
    lower_first,
    read_more,
    weekday_name,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "mandag"),
        (6, "søndag"),
        ("wednesday", "onsdag"),
        ("Friday", "fredag"),
        ("lørdag", "lørdag"),
    ],
)
def test_weekday_name(value, expected):
    assert weekday_name(value) == expected


def test_weekday_name_refuses_unknown():
    with pytest.raises(ValueError):
        weekday_name("someday")


def test_format_date_danish():
    assert format_date(date(2025, 12, 3)) == "onsdag d. 3. december"
    assert format_date("2026-01-01") == "torsdag d. 1. januar"


def test_format_time_full_stop_and_no_leading_zero():
    assert format_time(time(10, 0)) == "kl. 10.00"
    assert format_time("09:05") == "kl. 9.05"
    assert format_time("09:05:00") == "kl. 9.05"


def test_time_shown_in_copenhagen_time_across_dst():
    # 10:00 local is 08:00 UTC in summer (CEST, +02:00) and 09:00 UTC in winter (CET, +01:00)
    summer = datetime(2025, 6, 4, 8, 0, tzinfo=timezone.utc)
    winter = datetime(2025, 12, 3, 9, 0, tzinfo=timezone.utc)
    assert format_time(summer) == "kl. 10.00"
    assert format_time(winter) == "kl. 10.00"
    assert format_time("2025-06-04T08:00:00Z") == "kl. 10.00"
    assert format_time("2025-12-03T10:00:00+01:00") == "kl. 10.00"


def test_dst_change_day_itself():
    # last Sunday of October 2025: clocks go back at 03:00 CEST -> 02:00 CET
    before = datetime(2025, 10, 26, 0, 30, tzinfo=timezone.utc)  # 02:30 CEST
    after = datetime(2025, 10, 26, 2, 30, tzinfo=timezone.utc)  # 03:30 CET
    assert format_time(before) == "kl. 2.30"
    assert format_time(after) == "kl. 3.30"


def test_date_follows_local_time_not_utc():
    # 23:30 UTC on 2 December is 00:30 on 3 December in Copenhagen
    assert format_date("2025-12-02T23:30:00+00:00") == "onsdag d. 3. december"


def test_session_time_and_ranges():
    assert (
        format_session_time("2025-12-03T10:00:00+01:00", "2025-12-03T12:00:00+01:00")
        == "onsdag d. 3. december kl. 10.00-12.00"
    )
    assert format_time_range("10:00", None) == "kl. 10.00"


def test_weekly_slots_sorted_from_monday_weekday_alone_without_time():
    slots = [
        {"weekday": "friday", "start": "09:00", "end": "11:30"},
        {"weekday": "wednesday", "start": "10:00", "end": "12:00"},
        {"weekday": "monday", "start": None, "end": None},
    ]
    assert format_weekly_slots(slots) == "mandag, onsdag kl. 10.00-12.00 og fredag kl. 9.00-11.30"
    assert format_weekly_slots([]) == ""


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["a"], "a"),
        (["a", "b"], "a og b"),
        (["a", "b", "c"], "a, b og c"),
        (["a", "", None, "c"], "a og c"),
    ],
)
def test_join_list(items, expected):
    assert join_list(items) == expected


def test_address_line_skips_empty_fields():
    full = {"street": "Prøvevej", "house_number": "7", "postcode": "8900", "city": "Randers"}
    assert address_line(full) == "Prøvevej 7, 8900 Randers"
    assert address_line({**full, "house_number": None}) == "Prøvevej, 8900 Randers"
    assert address_line({**full, "house_number": "", "postcode": None}) == "Prøvevej, Randers"
    assert address_line({"street": None, "house_number": "7", "city": "Randers"}) == "Randers"
    assert address_line({"street": None, "city": None}) == ""


def test_address_phrase_for_sentences():
    assert address_phrase({"street": "Regimentvej", "city": "Randers"}) == "Regimentvej i Randers"
    assert address_phrase({"street": "Regimentvej", "city": None}) == "Regimentvej"
    assert (
        address_phrase(
            {"street": "Prøvevej", "house_number": "7", "postcode": "8900", "city": "Randers"}
        )
        == "Prøvevej 7, 8900 Randers"
    )


def test_first_sentences_keeps_abbreviations():
    text = "Ungeafdelingen ligger i Sct. Peders Gade. Her er også UU. Tredje."
    assert first_sentences(text) == "Ungeafdelingen ligger i Sct. Peders Gade."
    assert first_sentences(text, 2) == "Ungeafdelingen ligger i Sct. Peders Gade. Her er også UU."
    assert first_sentences(None) == ""


def test_lower_first_keeps_acronyms():
    assert lower_first("Tryghed og tillid") == "tryghed og tillid"
    assert lower_first("CV og ansøgning") == "CV og ansøgning"


def test_read_more_and_compose():
    assert read_more(None) == ""
    assert read_more("https://example.org") == "Læs mere: https://example.org"
    assert (
        compose("Et.", "", None, read_more("https://x.dk"), "To.")
        == "Et. To.\nLæs mere: https://x.dk"
    )


def test_first_sentences_split_before_accented_capitals():
    assert (
        first_sentences("Her ligger det meste. Én gang om ugen er der mere.")
        == "Her ligger det meste."
    )
