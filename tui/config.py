"""The settings file: `config.toml` under `platformdirs.user_config_path("copydesk")`.

One job: read, check and show the user's settings, and save the theme back.
The command line loads them once and hands them on (the app, the library);
nothing else reads the file.

The file (every key optional)::

    theme = "nord"                  # a Textual theme name
    db = "~/news/library.sqlite"    # the library; ~ expanded, relative to this file's folder
    [keymap]                        # binding id -> keys, as Textual's App.set_keymap takes them
    "reader.next_shared" = "ctrl+n,J"
    [thresholds]                    # how alike two sentences must be (tui/match/kinds.py)
    near = 90                       # fuzz.ratio, 60-100: at or above, a light edit ("near")
    similar = 50                    # percent, 5-95: reuse probability a rewrite needs ("similar")

Thresholds apply to matches found from then on; sentences already matched
keep the kind they were given.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from tui.library import default_db_path
from tui.match.kinds import Cutoffs

ENV_VAR = "COPYDESK_CONFIG"
DEFAULT_THEME = "textual-dark"  # Textual's own default
# Each threshold's unit is its Cutoffs field's; outside these ranges matching
# either finds nothing new or calls unrelated sentences on one story shared.
RANGES = {"near": (60.0, 100.0), "similar": (5.0, 95.0)}
KNOWN = {"theme", "db", "keymap", "thresholds"}


class ConfigError(Exception):
    """The file cannot be used; str() is one line: `PATH: [line N: ]reason`."""


@dataclass(frozen=True)
class Settings:
    """The effective settings: the defaults, with what the file sets.

    `db` is None when the file names no library; `keymap` maps binding ids
    ("reader.next_shared") to Textual key strings ("ctrl+n,J").
    """

    theme: str = DEFAULT_THEME
    db: Path | None = None
    keymap: Mapping[str, str] = field(default_factory=dict)
    thresholds: Cutoffs = Cutoffs()


def config_path() -> Path:
    """`$COPYDESK_CONFIG` if set, else `config.toml` in the per-user config folder."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_config_path("copydesk") / "config.toml"


def load(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The settings in `path` (default `config_path()`) and the unknown keys it holds.

    A missing file is the defaults. Raises ConfigError for a file that cannot
    be read, is not TOML, or holds a value of the wrong type or range, or an
    unknown theme.
    """
    path = path or config_path()
    data = _read(path)
    if data is None:
        return Settings(), []
    try:
        return _settings(data, path.parent), _unknown(data)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"{path}: {error}") from None


def load_or_defaults(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The settings, never failing: returns them with the lines to print on stderr.

    A broken file gives one line (`copydesk: PATH: reason; using the defaults`)
    and the defaults; unknown keys give one warning line and are ignored.
    """
    path = path or config_path()
    try:
        settings, unknown = load(path)
    except ConfigError as error:
        return Settings(), [f"copydesk: {error}; using the defaults"]
    if unknown:
        return settings, [f"copydesk: {path}: unknown keys ignored: {', '.join(unknown)}"]
    return settings, []


def library_path(given: Path | None, settings: Settings) -> Path:
    """The library file: --db, else $COPYDESK_DB, else the file's `db`, else the default."""
    if given is not None:
        return given
    if settings.db is not None and not os.environ.get("COPYDESK_DB"):
        return settings.db
    return default_db_path()


def to_toml(settings: Settings) -> str:
    """The settings as TOML that `load` reads back (the `config show` output)."""
    lines = [f"theme = {_string(settings.theme)}"]
    if settings.db is not None:
        lines.append(f"db = {_string(str(settings.db))}")
    lines += ["", "[keymap]"]
    lines += [f"{_string(key)} = {_string(keys)}" for key, keys in sorted(settings.keymap.items())]
    lines += ["", "[thresholds]"]
    lines += [f"{name} = {getattr(settings.thresholds, name)!r}" for name in RANGES]
    return "\n".join(lines) + "\n"


def save_theme(theme: str, path: Path | None = None) -> None:
    """Set `theme` in the file, keeping everything else in it (comments and layout too).

    The top-level `theme = …` line is replaced, or one is added at the top; the
    result must parse to the old contents with only the theme changed, and
    replaces the file atomically. Raises ConfigError when the file is not TOML
    (it is left for the user to fix) or cannot be written, ValueError for a
    theme Textual does not have.
    """
    if not _is_theme(theme):
        raise ValueError(f"unknown theme {theme!r}")
    path = path or config_path()
    old = _read(path) or {}
    target = path.resolve()  # a symlinked file (a dotfile manager's) is written through
    text = ""
    if target.exists():  # as written: CRLF line endings stay CRLF
        with open(target, encoding="utf-8-sig", newline="") as file:
            text = file.read()
    line = f"theme = {_string(theme)}"
    header = re.search(r"^\s*\[", text, re.MULTILINE)
    top = text[: header.start()] if header else text
    # the value only: a comment after it and the line's ending stay as they were
    setting = r"""^([ \t]*theme[ \t]*=[ \t]*)(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
    new_top, count = re.subn(
        setting, lambda m: m.group(1) + _string(theme), top, count=1, flags=re.MULTILINE
    )
    newline = "\r\n" if "\r\n" in text else "\n"
    new = new_top + text[len(top) :] if count else f"{line}{newline}{text}"
    if tomllib.loads(new) != {**old, "theme": theme}:
        raise ConfigError(f"{path}: cannot change its theme line safely; edit it by hand")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        with open(temporary, "w", encoding="utf-8", newline="") as file:
            file.write(new)
        if target.exists():  # keep the file's permissions (a 0600 file stays 0600)
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        os.replace(temporary, target)
    except OSError as error:
        raise ConfigError(f"{path}: cannot write: {error.strerror or error}") from None


def _read(path: Path) -> dict[str, Any] | None:
    """The parsed file, or None when there is none."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # a byte-order mark (Windows editors) is fine
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise ConfigError(f"{path}: cannot read: {reason}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: {_toml_reason(str(error))}") from None
    except RecursionError:  # tomllib recurses once per nesting level
        raise ConfigError(f"{path}: nested too deeply to read") from None


def _toml_reason(message: str) -> str:
    """tomllib's "Expected '=' … (at line 3, column 5)" as "line 3: expected '=' …"."""
    where = re.search(r"\s*\(at line (\d+), column \d+\)$", message)
    reason = message[: where.start()] if where else message
    reason = reason[:1].lower() + reason[1:]
    return f"line {where.group(1)}: {reason}" if where else reason


def _settings(data: dict[str, Any], folder: Path) -> Settings:
    """Check the parsed file; raises TypeError or ValueError naming the key."""
    theme = data.get("theme", DEFAULT_THEME)
    if not isinstance(theme, str):
        raise TypeError(f"theme: expected a string, got {_shown(theme)}")
    if theme != DEFAULT_THEME and not _is_theme(theme):
        raise ValueError(f"theme: no Textual theme is called {theme!r} (e.g. textual-dark, nord)")
    db = data.get("db")
    if db is not None and (not isinstance(db, str) or not db):
        raise TypeError(f"db: expected a path as a string, got {_shown(db)}")
    keymap = _keymap(data.get("keymap", {}))
    thresholds = data.get("thresholds", {})
    if not isinstance(thresholds, dict):
        raise TypeError(f"thresholds: expected a table, got {_shown(thresholds)}")
    cutoffs = {}
    for name, (low, high) in RANGES.items():
        if name in thresholds:
            value = thresholds[name]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise TypeError(f"thresholds.{name}: expected a number, got {_shown(value)}")
            if not low <= value <= high:
                raise ValueError(f"thresholds.{name}: {value} is outside {low:g}-{high:g}")
            cutoffs[name] = float(value)
    return Settings(
        theme=theme,
        db=folder / Path(db).expanduser() if db else None,
        keymap=keymap,
        thresholds=Cutoffs(**cutoffs),
    )


def _keymap(table: Any, prefix: str = "") -> dict[str, str]:
    """Binding ids to key strings; `reader.next_shared = "J"` unquoted is a nested table."""
    if not isinstance(table, dict):
        raise TypeError(f"keymap: expected a table, got {_shown(table)}")
    keymap: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            keymap |= _keymap(value, f"{prefix}{key}.")
        elif isinstance(value, str) and value.strip():
            keymap[f"{prefix}{key}"] = value
        else:
            raise TypeError(f"keymap.{prefix}{key}: expected keys as a string, got {_shown(value)}")
    return keymap


def _is_theme(name: str) -> bool:
    """Whether Textual has a theme of this name (imported here: Textual takes 0.1 s to
    import, which every command would pay)."""
    from textual.theme import BUILTIN_THEMES

    return name in BUILTIN_THEMES


def _unknown(data: dict[str, Any]) -> list[str]:
    unknown = [key for key in data if key not in KNOWN]
    thresholds = data.get("thresholds", {})
    return unknown + [f"thresholds.{key}" for key in thresholds if key not in RANGES]


def _shown(value: Any) -> str:
    return f"{type(value).__name__} {json.dumps(value, default=str)[:40]}"


def _string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, but for DEL)."""
    return json.dumps(text).replace("\x7f", "\\u007f")
