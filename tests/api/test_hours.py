"""The next advisory session and open-now: Europe/Copenhagen wall-clock times across DST and
exceptions."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from api.advisory_sessions import hours
from api.advisory_sessions.schemas import AdvisorySessionRecord

CPH = ZoneInfo("Europe/Copenhagen")


def advisory_session(**overrides) -> AdvisorySessionRecord:
    data = {
        "slug": "s",
        "place": "p",
        "title": "Åben Rådgivning",
        "slots": [{"weekday": "monday", "start": "10:00", "end": "12:00"}],
        "exceptions": [],
        "source": "Test",
    }
    return AdvisorySessionRecord.model_validate(data | overrides)


def test_next_session_across_autumn_dst_change_keeps_local_time():
    # Summer time ends Sunday 26 October 2025 (03:00 CEST -> 02:00 CET).
    found = hours.next_occurrence([advisory_session()], datetime(2025, 10, 24, 12, 0, tzinfo=CPH))
    assert found.start.isoformat() == "2025-10-27T10:00:00+01:00"
    assert found.end.isoformat() == "2025-10-27T12:00:00+01:00"
    before = hours.next_occurrence([advisory_session()], datetime(2025, 10, 17, 12, 0, tzinfo=CPH))
    assert before.start.isoformat() == "2025-10-20T10:00:00+02:00"


def test_next_session_across_spring_dst_change():
    # Summer time starts Sunday 30 March 2025 (02:00 CET -> 03:00 CEST).
    found = hours.next_occurrence([advisory_session()], datetime(2025, 3, 28, 9, 0, tzinfo=CPH))
    assert found.start.isoformat() == "2025-03-31T10:00:00+02:00"


def test_utc_input_is_read_in_copenhagen_time():
    # 09:30 UTC on Monday 27 Oct 2025 is 10:30 CET: the advisory session is running, so it is
    # "next".
    found = hours.next_occurrence(
        [advisory_session()], datetime.fromisoformat("2025-10-27T09:30:00+00:00")
    )
    assert found.start.isoformat() == "2025-10-27T10:00:00+01:00"
    after_end = hours.next_occurrence(
        [advisory_session()], datetime.fromisoformat("2025-10-27T11:00:00+00:00")
    )
    assert after_end.start.date() == date(2025, 11, 3)


def test_closed_exception_skips_the_day_and_extra_adds_one():
    s = advisory_session(
        exceptions=[
            {"date": "2025-10-27", "kind": "closed", "note": "Lukket"},
            {
                "date": "2025-10-29",
                "kind": "extra",
                "start": "14:00",
                "end": "15:00",
                "note": "Ekstra",
            },
        ]
    )
    found = hours.next_occurrence([s], datetime(2025, 10, 24, 12, 0, tzinfo=CPH))
    assert found.start.isoformat() == "2025-10-29T14:00:00+01:00"
    assert found.notes == "Ekstra"
    after_extra = hours.next_occurrence([s], datetime(2025, 10, 29, 15, 0, tzinfo=CPH))
    assert after_extra.start.isoformat() == "2025-11-03T10:00:00+01:00"


def test_closed_exception_with_time_closes_only_that_slot():
    s = advisory_session(
        slots=[
            {"weekday": "monday", "start": "10:00", "end": "12:00"},
            {"weekday": "monday", "start": "13:00", "end": "14:00"},
        ],
        exceptions=[{"date": "2025-10-27", "kind": "closed", "start": "10:00", "end": "12:00"}],
    )
    found = hours.next_occurrence([s], datetime(2025, 10, 27, 8, 0, tzinfo=CPH))
    assert found.start.time() == time(13, 0)


def test_validity_dates_and_weekday_only_slots():
    limited = advisory_session(valid_from="2025-11-01", valid_to="2025-11-30")
    found = hours.next_occurrence([limited], datetime(2025, 10, 24, 12, 0, tzinfo=CPH))
    assert found.start.date() == date(2025, 11, 3)
    assert hours.next_occurrence([limited], datetime(2025, 12, 1, tzinfo=CPH)) is None
    untimed = advisory_session(slots=[{"weekday": "wednesday", "start": None, "end": None}])
    assert not hours.has_schedule([untimed])
    assert hours.weekdays_without_time([untimed]) == ["wednesday"]


def test_open_now_inside_and_outside_a_slot():
    s = advisory_session()
    running = hours.current_occurrence([s], datetime(2025, 10, 27, 11, 59, tzinfo=CPH))
    assert running.end.isoformat() == "2025-10-27T12:00:00+01:00"
    assert hours.current_occurrence([s], datetime(2025, 10, 27, 12, 0, tzinfo=CPH)) is None


def test_next_session_endpoint_dst_and_exception(seeded):
    # Fixture: Monday 10-12 and Thursday 13-15; closed Monday 3 Nov 2025; extra Wed 5 Nov 9-11.
    url = "/api/places/huset-tvaers/next-session"
    body = seeded.get(url, params={"after": "2025-10-24T12:00:00+02:00"}).json()
    assert body == {
        "place": "huset-tvaers",
        "advisory_session_slug": "aaben-raadgivning-huset-tvaers",
        "title": "Åben Rådgivning",
        "start": "2025-10-27T10:00:00+01:00",
        "end": "2025-10-27T12:00:00+01:00",
        "staff": "Jobcentret",
        "notes": None,
        "frequency_note": "to gange om ugen",
        "weekdays_without_time": [],
        "reason": None,
    }
    # Naive times are Copenhagen time. After Thursday 30 Oct the next Monday (3 Nov) is closed,
    # so the extra opening on Wednesday 5 Nov comes first.
    body = seeded.get(url, params={"after": "2025-10-30T16:00"}).json()
    assert body["start"] == "2025-11-05T09:00:00+01:00"
    assert body["notes"] == "Ekstra åbning"
    assert seeded.get(url, params={"after": "not a date"}).status_code == 422


def test_next_session_endpoint_without_times(seeded):
    body = seeded.get("/api/places/no17/next-session").json()
    assert body["start"] is None and body["reason"] == "no_slots"
    assert body["frequency_note"] == "hver onsdag"
    assert body["weekdays_without_time"] == ["wednesday"]
    assert seeded.get("/api/places/jobcenter/next-session").json()["reason"] == "no_slots"
    assert seeded.get("/api/places/no17/open-now").json()["open"] is None


def test_open_now_endpoint(seeded):
    url = "/api/places/huset-tvaers/open-now"
    inside = seeded.get(url, params={"at": "2025-10-30T14:30:00+01:00"}).json()
    assert inside["open"] is True
    assert inside["advisory_session_slug"] == "aaben-raadgivning-huset-tvaers"
    assert inside["until"] == "2025-10-30T15:00:00+01:00"
    closed_day = seeded.get(url, params={"at": "2025-11-03T10:30"}).json()
    assert closed_day["open"] is False and closed_day["until"] is None
    advisory_only = seeded.get(url, params={"at": "2025-10-30T14:30", "kind": "opening_hours"})
    assert advisory_only.json()["open"] is None
