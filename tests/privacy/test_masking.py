"""The masker, in-process, on generated input: every way of typing a CPR number, a phone
number or an e-mail address, inside random Danish sentences, comes out masked."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy.masking import CPR, MARKERS, mask, mask_message, normalise, strip_markers

WORDS = [
    "jeg",
    "hej",
    "mit",
    "cpr",
    "er",
    "nummer",
    "og",
    "hvornår",
    "kan",
    "i",
    "ringe",
    "til",
    "mig",
    "på",
    "min",
    "mail",
    "hvor",
    "ligger",
    "jobcentret",
    "tak",
    "for",
    "hjælpen",
    "sagsbehandler",
    "møde",
    "kl",
    "åben",
    "rådgivning",
    "huset",
    "tværs",
    "regimentvej",
    "8900",
    "randers",
    "i",
    "dag",
    "mandag",
    "tilbud",
    "fleksjob",
    "ledig",
]

# Every dash (Unicode category Pd) plus the minus sign: the citizen's keyboard decides.
DASHES = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Pd"] + ["\u2212"]
SEPARATORS = st.one_of(
    st.just(""),
    st.text(alphabet=" ", min_size=1, max_size=3),
    st.sampled_from([".", "/", *DASHES]),
    st.builds(lambda d: f" {d} ", st.sampled_from(DASHES)),
)
# Decimal digits of other scripts (category Nd): full-width, Arabic-Indic, Devanagari, ...
DIGIT_SETS = ["0123456789", "０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९", "۰۱۲۳۴۵۶۷۸۹"]


def in_script(digits: str, script: str) -> str:
    return "".join(script[int(d)] for d in digits)


@st.composite
def cpr_numbers(draw) -> tuple[str, str]:
    """(as typed, the ten ASCII digits)."""
    born = draw(st.dates(min_value=date(1920, 1, 1), max_value=date(2025, 12, 31)))
    groups = [f"{born.day:02d}", f"{born.month:02d}", f"{born.year % 100:02d}"]
    serial = f"{draw(st.integers(0, 9999)):04d}"
    script = draw(st.sampled_from(DIGIT_SETS))
    seps = [draw(SEPARATORS) for _ in range(3)]
    if draw(st.booleans()):  # DDMMYY-XXXX: separators only before the serial
        seps[0] = seps[1] = ""
    typed = "".join(in_script(g, script) + s for g, s in zip(groups, seps, strict=True))
    return typed + in_script(serial, script), "".join(groups) + serial


@st.composite
def phone_numbers(draw) -> tuple[str, str]:
    digits = f"{draw(st.integers(20_000_000, 99_999_999))}"
    sep = draw(st.sampled_from(["", " ", "-", "."]))
    typed = draw(
        st.sampled_from(
            [
                digits,
                sep.join(digits[i : i + 2] for i in range(0, 8, 2)),
                digits[:4] + draw(st.sampled_from(["", " "])) + digits[4:],
            ]
        )
    )
    prefix = draw(st.sampled_from(["", "+45 ", "+45", "0045 ", "+ 45 "]))
    return prefix + typed, digits


LOCAL = st.from_regex(r"[a-z][a-z0-9._+-]{0,15}[a-z0-9]", fullmatch=True)
DOMAIN = st.from_regex(r"[a-z0-9-]{2,12}\.(dk|com|net|org|nu)", fullmatch=True)
EMAILS = st.builds(lambda a, b: (f"{a}@{b}", f"{a}@{b}"), LOCAL, DOMAIN)


@st.composite
def sentence_with(draw, secrets) -> tuple[str, str]:
    before = draw(st.lists(st.sampled_from(WORDS), max_size=6))
    after = draw(st.lists(st.sampled_from(WORDS), max_size=6))
    typed, plain = draw(secrets)
    glue = draw(st.sampled_from([" ", ": ", " (", ", ", "\n", " er "]))
    return " ".join(before) + glue + typed + " " + " ".join(after), plain


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


def escaped(text: str) -> str:
    """JSON's \\uXXXX escape for every character: what a hand-made payload can send."""
    units = text.encode("utf-16-be")  # characters beyond U+FFFF become surrogate pairs
    return "".join(f"\\u{int.from_bytes(units[i : i + 2]):04x}" for i in range(0, len(units), 2))


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
