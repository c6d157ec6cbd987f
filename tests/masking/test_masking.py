"""The masker, in-process, on generated input: every way of typing a CPR number, a phone
number or an e-mail address, inside random Danish sentences, comes out masked."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy.masking import CPR, MARKERS, mask, mask_message, normalise, strip_markers
from tests.masking.strategies import EMAILS, cpr_numbers, escaped, phone_numbers, sentence_with


def assert_gone(masked: str, plain: str) -> None:
    digits_left = "".join(ch for ch in strip_markers(masked) if ch.isdigit())
    assert plain not in masked
    # No run of the secret's digits survives: at most four in a row (a postcode, a year).
    for size in range(5, len(plain) + 1):
        for i in range(len(plain) - size + 1):
            assert plain[i : i + size] not in digits_left, (masked, plain)


FAST = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(sentence_with(cpr_numbers()))
def test_every_way_of_typing_a_cpr_number_is_masked(case):
    text, plain = case
    assert_gone(mask(text).text, plain)


@FAST
@given(sentence_with(phone_numbers()))
def test_phone_numbers_are_masked(case):
    text, plain = case
    assert_gone(mask(text).text, plain)


@FAST
@given(sentence_with(EMAILS))
def test_email_addresses_are_masked(case):
    text, plain = case
    masked = mask(text).text
    assert plain not in masked
    assert "@" not in masked


@FAST
@given(st.dates(min_value=date(1920, 1, 1), max_value=date(2025, 12, 31)), st.integers(0, 9999))
def test_a_cpr_number_split_over_two_messages_leaves_nothing(born, serial):
    first = born.strftime("%d%m%y")
    assert mask(first).text == CPR
    assert mask(f"{serial:04d}").text == f"{serial:04d}"  # four digits alone: a year, a postcode


@FAST
@given(st.text(max_size=200))
def test_masking_is_stable_and_never_fails(text):
    once = mask(text).text
    assert mask(once).text == once  # markers are never masked again
    assert not any(ch.isdigit() and not ch.isascii() for ch in once)


@FAST
@given(st.text(alphabet=st.characters(categories=["Nd", "Pd", "Cf", "Zs"]), max_size=40))
def test_normalise_leaves_only_ascii_digits_and_plain_dashes(text):
    out = normalise(text)
    assert all(ch in "0123456789- " for ch in out), out


@pytest.mark.parametrize(
    "text",
    [
        "hvornår har i åbent i dag",
        "8900 randers",
        "mødet er den 12.03.2026 kl 10.30-12.30",
        "åbent 9-12 og 13-15",
        "jobdating har 12-18 virksomheder",
        "hvad sker der 1.1.2026",
    ],
)
def test_ordinary_numbers_stay(text):
    assert mask(text).text == text


def test_ten_digits_that_are_no_date_are_still_masked():
    assert "0013901234" not in mask("nr 0013901234").text


def test_markers_are_known():
    assert all(marker.startswith("[") for marker in MARKERS)


@FAST
@given(cpr_numbers(), st.sampled_from(["place", "offer", "weekday"]), st.booleans())
def test_cpr_inside_a_button_payload_shortcut_is_masked(cpr, entity, escape):
    typed, plain = cpr
    value = escaped(typed) if escape else json.dumps(typed)[1:-1]
    payload = f'/ask_location{{"{entity}": "{value}"}}'
    masked = mask_message(payload)
    assert masked.startswith("/ask_location{"), (payload, masked)
    assert_gone(json.dumps(json.loads(masked[len("/ask_location") :]), ensure_ascii=False), plain)


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ('/ask_location{"place": "huset-tvaers"}', '/ask_location{"place": "huset-tvaers"}'),
        ("/greet", "/greet"),
        ('/ask_location{"place": [1, 2]}', "/ask_location{}"),  # only text values are kept
        ('/ask_location{"Bad Key 120345": "x"}', "/ask_location{}"),  # odd entity names dropped
        ("/ask_location{not json 1203454712}", "/ask_location"),
        ("/120345-4712", "/[CPR]"),
        ('/ask_location@0.9{"place": "no17"}', '/ask_location@0.9{"place": "no17"}'),
    ],
)
def test_payload_shortcuts_keep_only_clean_entities(payload, expected):
    assert mask_message(payload) == expected
