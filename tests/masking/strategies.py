"""Hypothesis strategies for personal data as citizens type it, inside Danish sentences.
Used by the masker's own tests and by the end-to-end privacy test."""

from __future__ import annotations

import unicodedata
from datetime import date

from hypothesis import strategies as st

# fmt: off
WORDS = (
    "jeg", "hej", "mit", "cpr", "er", "nummer", "og", "hvornår", "kan", "i", "ringe", "til",
    "mig", "på", "min", "mail", "hvor", "ligger", "jobcentret", "tak", "for", "hjælpen",
    "sagsbehandler", "møde", "kl", "åben", "rådgivning", "huset", "tværs", "regimentvej", "8900",
    "randers", "i", "dag", "mandag", "tilbud", "fleksjob", "ledig",
)
# fmt: on

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


def escaped(text: str) -> str:
    """JSON's \\uXXXX escape for every character: what a hand-made payload can send."""
    units = text.encode("utf-16-be")  # characters beyond U+FFFF become surrogate pairs
    return "".join(f"\\u{int.from_bytes(units[i : i + 2]):04x}" for i in range(0, len(units), 2))
