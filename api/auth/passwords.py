"""The rule for staff passwords: at least 12 characters, not one of the 30,000 most common
passwords, and not easy to guess (zxcvbn: repeats, keyboard rows, years, dictionary words and
names, the username or the jobcentre's own words). zxcvbn is Dropbox's estimator, kept on
PyPI as ``zxcvbn``; its list of common passwords ships with it, so nothing is fetched."""

from __future__ import annotations

MIN_LENGTH = 12
MIN_SCORE = 3  # zxcvbn: "safely unguessable", about 10^8 guesses and more
CHECKED_LENGTH = 72  # zxcvbn refuses longer input; the start of a long password is checked
LOCAL_WORDS = ("jobcenter", "jobcentret", "randers", "kommune", "borger", "medarbejder")


def password_problem(password: str, username: str | None = None) -> str | None:
    """What is wrong with the password, in Danish, or None."""
    from zxcvbn import zxcvbn
    from zxcvbn.matching import RANKED_DICTIONARIES

    if password.strip().lower() in RANKED_DICTIONARIES["passwords"]:
        return "står på listen over de mest brugte adgangskoder; vælg en anden"
    inputs = [*LOCAL_WORDS, *([username] if username else [])]
    if zxcvbn(password[:CHECKED_LENGTH], user_inputs=inputs)["score"] < MIN_SCORE:
        return (
            "er for let at gætte (gentagelser, tastaturrækker, årstal, almindelige ord, navne "
            "eller brugernavnet); brug fx tre-fire tilfældige ord"
        )
    return None
