"""The log file: where tracebacks go instead of the user's screen.

One plain-text file, `copydesk.log` under `platformdirs.user_log_path("copydesk")`
(on Linux `~/.local/state/copydesk/log/`), or `$COPYDESK_LOG` if set. Entries
are appended, each headed by the time and process id.
"""

from __future__ import annotations

import datetime
import os
import traceback
from pathlib import Path

import platformdirs


def log_path() -> Path:
    """`$COPYDESK_LOG` if set, else `copydesk.log` in the per-user log folder."""
    override = os.environ.get("COPYDESK_LOG")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_log_path("copydesk") / "copydesk.log"


def open_log() -> int:
    """A file descriptor appending to the log (its folder is made), or to /dev/null.

    Never raises: a read-only home must not stop the work the log was for.
    """
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    except OSError:
        return os.open(os.devnull, os.O_WRONLY)


def log_exception(error: BaseException, context: str) -> Path:
    """Append `error`'s traceback to the log under a one-line heading; returns the log's path."""
    stamp = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    lines = [f"--- {stamp} pid {os.getpid()}: {context}\n"]
    lines += traceback.format_exception(error)
    fd = open_log()
    try:
        os.write(fd, "".join(lines).encode("utf-8", "backslashreplace"))
    finally:
        os.close(fd)
    return log_path()
