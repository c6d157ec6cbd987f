"""Daily rotation of the servers' log files and deletion of old rotated files.

``make run`` starts each server with its output appended to ``<name>.log`` (a file opened in
append mode, scripts/stack.py). The purge rotates by copy-truncate: it copies the file to
``<name>.log.<YYYY-MM-DD>`` (the UTC date of the rotation) and empties it. Because the writer
appends (O_APPEND), its next line lands at the start of the emptied file; it needs no signal
and no restart. As with logrotate's ``copytruncate``, a line written in the instant between
the copy and the truncation can be lost.

A file is rotated at most once a day (when no rotated file for today's date exists yet), so
a purge every hour rotates after midnight. A rotated file is deleted once its date is
``keep_days`` days in the past: no line is kept longer than ``keep_days`` plus the day it
waited in the live file.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROTATED = re.compile(r"^.+\.log\.(?P<day>\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class LogPurge:
    rotated: int = 0
    deleted: int = 0


def rotated_name(log: Path, day: date) -> Path:
    return log.with_name(f"{log.name}.{day.isoformat()}")


def copy_truncate(log: Path, target: Path) -> None:
    with log.open("r+b") as live, target.open("xb") as copy:
        shutil.copyfileobj(live, copy)
        live.truncate(0)
    shutil.copymode(log, target)


def rotate_and_delete(log_dir: Path, *, now: datetime, keep_days: int) -> LogPurge:
    if not log_dir.is_dir():
        return LogPurge()
    today = now.astimezone(UTC).date()
    rotated = 0
    for log in sorted(log_dir.glob("*.log")):
        target = rotated_name(log, today)
        if log.is_file() and log.stat().st_size > 0 and not target.exists():
            copy_truncate(log, target)
            rotated += 1
    last_day_to_delete = today - timedelta(days=keep_days)
    deleted = 0
    for path in sorted(log_dir.iterdir()):
        match = ROTATED.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            day = date.fromisoformat(match["day"])
        except ValueError:
            continue
        if day <= last_day_to_delete:
            path.unlink()
            deleted += 1
    return LogPurge(rotated=rotated, deleted=deleted)
