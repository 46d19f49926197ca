"""bench/fuzz.py on a short budget: the pipeline survives, and a crash would be caught and saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench_scripts import load_bench

fuzz = load_bench("fuzz")


def test_short_run_finds_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "findings"
    args = ["--inputs", "60", "--seed", "6", "--out", str(out), "--library-every", "3"]
    status = fuzz.main([*args, "--slow", "600"])  # a count, not a time: the same on any machine
    report = capsys.readouterr().out
    assert status == 0, report
    assert not out.exists()
    assert "library integrity: ok" in report and "0 finding(s)" in report
    assert "60 inputs in " in report and "/s)" in report  # the count and rate are reported


def test_a_crash_is_saved_and_replayable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = fuzz.clean

    def fragile(raw):  # a cleaner bug: anything with the letter "Q" crashes it
        if b"Q" in raw.data:
            raise KeyError("boom")
        return real(raw)

    monkeypatch.setattr(fuzz, "clean", fragile)
    out = tmp_path / "findings"
    status = fuzz.main(["--inputs", "40", "--seed", "6", "--out", str(out), "--slow", "600"])
    assert status == 1
    saved = sorted(out.glob("*.bin"))
    assert saved and all(b"Q" in path.read_bytes() for path in saved)
    assert "KeyError: 'boom'" in saved[0].with_suffix(".txt").read_text()
    capsys.readouterr()
    assert fuzz.main(["--replay", str(saved[0])]) == 1
    monkeypatch.setattr(fuzz, "clean", real)
    assert fuzz.main(["--replay", str(saved[0])]) == 0
