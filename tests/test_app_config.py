"""The app and the settings file: a theme chosen in the app sticks, a keymap remaps keys,
and a broken file still lets the app start (on a real terminal)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.terminal import Terminal
from tui import config
from tui.app.app import CopydeskApp
from tui.app.commands import binding_commands
from tui.app.screens.help import HelpScreen


def _start(db: Path) -> CopydeskApp:
    """The app as `copydesk` starts it: with the settings the file holds."""
    settings, problems = config.load_or_defaults()
    assert problems == []
    return CopydeskApp(db, settings=settings)


def test_a_theme_chosen_in_the_app_is_saved_and_restored(db_path: Path, config_file: Path) -> None:
    config_file.parent.mkdir()
    config_file.write_text('# mine\n[keymap]\n"app.help" = "h"\n', encoding="utf-8")

    async def choose() -> None:
        app = _start(db_path)
        async with app.run_test() as pilot:
            assert app.theme == "textual-dark"
            await pilot.pause()
            assert "theme" not in config_file.read_text(encoding="utf-8")  # nothing chosen yet
            app.theme = "nord"  # what the palette's "Change theme" does
            await pilot.pause()
            assert config.load()[0].theme == "nord"

    async def restart() -> None:
        app = _start(db_path)
        async with app.run_test() as pilot:
            await pilot.pause()
            assert app.theme == "nord"

    asyncio.run(choose())
    text = config_file.read_text(encoding="utf-8")
    assert text.startswith('theme = "nord"\n# mine\n')  # the rest of the file is kept
    assert config.load()[0].keymap == {"app.help": "h"}
    asyncio.run(restart())


def test_the_app_without_settings_saves_nothing(db_path: Path, config_file: Path) -> None:
    async def choose() -> None:
        app = CopydeskApp(db_path)  # as tests and scripts make it
        async with app.run_test() as pilot:
            app.theme = "nord"
            await pilot.pause()

    asyncio.run(choose())
    assert not config_file.exists()


def test_a_keymap_from_the_file_remaps_a_binding(db_path: Path, config_file: Path) -> None:
    config_file.parent.mkdir()
    config_file.write_text('[keymap]\napp.help = "h"\n', encoding="utf-8")  # dotted: a table

    async def press() -> None:
        app = _start(db_path)
        async with app.run_test() as pilot:
            await pilot.pause()
            palette = {c.title: c.help for c in binding_commands(app.screen, app.BINDINGS)}
            assert palette["Help"] == "key: h"
            await pilot.press("question_mark")  # the old key no longer opens help
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen)
            await pilot.press("h")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert ("h", "Help", "app.help") in _help_rows(app.screen)  # it shows the new key

    asyncio.run(press())


def _help_rows(screen: HelpScreen) -> list[tuple[str, ...]]:
    """The (key, action, id) rows of the help screen's tables."""
    from rich.table import Table

    rows = []
    for static in screen.query("Static").results():
        table = static.content if isinstance(static.content, Table) else None
        if table is None:
            continue
        cells = [[str(cell) for cell in column.cells] for column in table.columns]
        rows += list(zip(*cells, strict=True))
    return rows


@pytest.mark.parametrize("text", ["theme = \n", "[thresholds]\nnear = 5\n"])
def test_the_app_starts_with_a_broken_file(tmp_path: Path, config_file: Path, text: str) -> None:
    config_file.parent.mkdir()
    config_file.write_text(text, encoding="utf-8")
    env = {"HOME": str(tmp_path / "home"), "COPYDESK_LOG": str(tmp_path / "copydesk.log")}
    app = Terminal(["--db", str(tmp_path / "lib.sqlite")], env=env)
    try:
        app.wait_for("Copydesk")
        app.press("q")
        assert app.exit_status() == 0
    finally:
        app.close()
    said = [line for line in app.output.decode().splitlines() if "config.toml" in line]
    assert len(said) == 1 and said[0].endswith("; using the defaults"), said
    assert said[0].startswith(f"copydesk: {config_file}: ")
