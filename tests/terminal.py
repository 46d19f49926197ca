"""The app in a real pseudo-terminal, as a user runs it (not `App.run_test`).

pexpect starts `python -m tui ...` on a pty; pyte, a terminal emulator, turns
what the app writes into the screen a user would see. Waits are for what the
screen shows, never for a length of time; `TIMEOUT` only bounds a hang.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pexpect
import pyte

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 120  # seconds before a wait is called a hang


class Terminal:
    """One `copydesk` process on a pty of `size` (columns, rows)."""

    def __init__(
        self,
        args: Sequence[str],
        *,
        env: dict[str, str] | None = None,
        size: tuple[int, int] = (120, 40),
        command: Sequence[str] = ("-m", "tui"),
    ) -> None:
        columns, rows = size
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.output = bytearray()  # everything written, for what is printed after exit
        self.child = pexpect.spawn(
            sys.executable,
            [*command, *args],
            cwd=str(ROOT),
            env={**os.environ, "TERM": "xterm-256color", **(env or {})},
            dimensions=(rows, columns),
        )

    def text(self) -> str:
        """The screen now, one line per row."""
        return "\n".join(self.screen.display)

    def _read(self, timeout: float) -> None:
        try:
            data = self.child.read_nonblocking(1 << 16, timeout=timeout)
        except pexpect.TIMEOUT:
            return
        self.output += data
        self.stream.feed(data)

    def wait_for(self, text: str) -> str:
        """Read until `text` is on the screen; returns the screen."""
        for _ in range(TIMEOUT * 10):
            if text in self.text():
                return self.text()
            if not self.child.isalive():
                self._drain()
                if text in self.text():
                    return self.text()
                break
            self._read(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen:\n{self.text()}")

    def press(self, *keys: str) -> None:
        """Type keys: single characters, or "enter"."""
        for key in keys:
            self.child.send("\r" if key == "enter" else key)

    def type(self, text: str) -> None:
        self.child.send(text)

    def _drain(self) -> None:
        while True:
            try:
                data = self.child.read_nonblocking(1 << 16, timeout=1)
            except (pexpect.EOF, pexpect.TIMEOUT):
                return
            self.output += data
            self.stream.feed(data)

    def exit_status(self) -> int:
        """Wait for the process to end; its exit status."""
        self.child.expect(pexpect.EOF, timeout=TIMEOUT)
        self.output += self.child.before or b""
        self.child.close()
        assert self.child.exitstatus is not None, f"killed by signal {self.child.signalstatus}"
        return self.child.exitstatus

    def close(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)
