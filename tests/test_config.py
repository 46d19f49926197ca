"""The settings file (tui/config.py): `config path` and `config show`, the library's
path, broken files, thresholds; the app's theme and keymap are in test_app_config.py."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from tui import config
from tui.cli import main
from tui.match.kinds import Cutoffs

EDITED = "The council approved the new harbour budget after a long and {} debate."
STORY = [
    "Fishing crews gathered at the quay before dawn to hear the news from the town hall.",
    EDITED,
    "Work on the breakwater is due to start once the spring tides have passed.",
]


def _load_text(text: str, folder: Path) -> tuple[config.Settings, list[str]]:
    path = folder / "shown.toml"
    path.write_text(text, encoding="utf-8")
    return config.load(path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_config_path_prints_the_file_named_by_the_environment(capsys, config_file: Path) -> None:
    assert run(capsys, "config", "path") == (0, f"{config_file}\n", "")
    assert not config_file.exists()  # printing the path creates nothing


def test_config_show_prints_the_defaults_without_a_file(capsys) -> None:
    status, out, err = run(capsys, "config", "show")
    assert (status, err) == (0, "")
    assert tomllib.loads(out) == {
        "theme": "textual-dark",
        "keymap": {},
        "thresholds": {"near": 90.0, "similar": 50.0},
    }


def test_config_show_merges_the_file_with_the_defaults(capsys, config_file: Path) -> None:
    config_file.parent.mkdir()
    config_file.write_text(
        '# mine\ntheme = "nord"\ndb = "libs/news.sqlite"\n'
        '[keymap]\nreader.next_shared = "ctrl+n"\n"app.help" = "h,f1"\n'
        "[thresholds]\nnear = 95\n",
        encoding="utf-8",
    )
    status, out, err = run(capsys, "config", "show")
    assert (status, err) == (0, "")
    assert tomllib.loads(out) == {
        "theme": "nord",
        "db": str(config_file.parent / "libs" / "news.sqlite"),  # relative to the file
        "keymap": {"app.help": "h,f1", "reader.next_shared": "ctrl+n"},
        "thresholds": {"near": 95.0, "similar": 50.0},
    }
    assert config.load(config_file) == _load_text(out, config_file.parent)


def test_show_round_trips_any_strings(tmp_path: Path) -> None:
    settings = config.Settings(
        theme="gruvbox",
        db=tmp_path / 'odd "name"\\\x7f\x1b.sqlite',
        keymap={"a.b": 'ctrl+"', "x": "\\"},
        thresholds=Cutoffs(near=91.5, similar=60),
    )
    path = tmp_path / "config.toml"
    path.write_text(config.to_toml(settings), encoding="utf-8")
    assert config.load(path) == (settings, [])


def test_db_precedence_flag_then_environment_then_file_then_default(
    config_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("COPYDESK_DB", raising=False)
    default = config.library_path(None, config.Settings())
    assert default.name == "library.sqlite" and "copydesk" in str(default)
    from_file = config.Settings(db=tmp_path / "file.sqlite")
    assert config.library_path(None, from_file) == tmp_path / "file.sqlite"
    monkeypatch.setenv("COPYDESK_DB", str(tmp_path / "env.sqlite"))
    assert config.library_path(None, from_file) == tmp_path / "env.sqlite"
    assert config.library_path(tmp_path / "flag.sqlite", from_file) == tmp_path / "flag.sqlite"


def test_commands_use_the_library_the_file_names(
    capsys, config_file: Path, monkeypatch: pytest.MonkeyPatch, seeds: Path
) -> None:
    monkeypatch.delenv("COPYDESK_DB", raising=False)
    config_file.parent.mkdir()
    config_file.write_text('db = "~/lib.sqlite"\n', encoding="utf-8")
    monkeypatch.setenv("HOME", str(config_file.parent / "home"))
    status, _, err = run(capsys, "ingest", str(sorted(seeds.iterdir())[0]))
    assert status == 0, err
    assert (config_file.parent / "home" / "lib.sqlite").exists()
    status, out, _ = run(capsys, "list")
    assert status == 0 and out.count("\n") == 1


BROKEN = {
    "not TOML": ('theme = "nord"\n\nnear 92\n', "line 3: expected '=' after a key"),
    "a wrong type": ("theme = 3\n", "theme: expected a string, got int 3"),
    "an unknown theme": ('theme = "paper"\n', "theme: no Textual theme is called 'paper'"),
    "a threshold out of range": ("[thresholds]\nnear = 20\n", "thresholds.near: 20 is outside"),
    "a threshold not a number": (
        '[thresholds]\nsimilar = "high"\n',
        "thresholds.similar: expected a number",
    ),
    "a keymap not a table": ('keymap = "vim"\n', "keymap: expected a table, got str"),
    "keys not a string": ("[keymap]\n'app.help' = 1\n", "keymap.app.help: expected keys"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_file_gives_one_line_and_the_defaults(
    capsys, config_file: Path, case: str
) -> None:
    text, reason = BROKEN[case]
    config_file.parent.mkdir()
    config_file.write_text(text, encoding="utf-8")
    status, out, err = run(capsys, "config", "show")
    assert status == 0
    assert err.count("\n") == 1
    assert err.startswith(f"copydesk: {config_file}: {reason}")
    assert err.endswith("; using the defaults\n")
    assert _load_text(out, config_file.parent) == (config.Settings(), [])


def test_unknown_keys_give_one_warning_and_the_rest_applies(capsys, config_file: Path) -> None:
    config_file.parent.mkdir()
    config_file.write_text(
        'theme = "nord"\ncolour = "red"\n[thresholds]\nnear = 92\nfuzz = 3\n', encoding="utf-8"
    )
    status, out, err = run(capsys, "config", "show")
    assert status == 0
    assert err == f"copydesk: {config_file}: unknown keys ignored: colour, thresholds.fuzz\n"
    assert tomllib.loads(out)["theme"] == "nord"
    assert tomllib.loads(out)["thresholds"]["near"] == 92.0


@pytest.mark.parametrize(
    ("near", "similar", "ok"),
    [(60, 5, True), (100, 95, True), (59.9, 50, False), (90, 96, False), (True, 50, False)],
)
def test_thresholds_are_read_within_their_ranges(
    config_file: Path, near: float, similar: float, ok: bool
) -> None:
    config_file.parent.mkdir()
    config_file.write_text(
        f"[thresholds]\nnear = {json.dumps(near)}\nsimilar = {similar}\n", encoding="utf-8"
    )
    if ok:
        assert config.load(config_file)[0].thresholds == Cutoffs(near=near, similar=similar)
    else:
        with pytest.raises(config.ConfigError, match=r"thresholds\.(near|similar)"):
            config.load(config_file)


def _kinds(capsys, db: Path, folder: Path) -> list[str]:
    status, _, err = run(capsys, "--db", str(db), "ingest", str(folder))
    assert status == 0, err
    status, out, _ = run(capsys, "--db", str(db), "export", "--json")
    return sorted(match["kind"] for match in json.loads(out)["matches"])


def test_the_near_threshold_decides_new_matches(capsys, config_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, word in (("a", "bitter"), ("b", "heated")):
        body = "\n\n".join(STORY).format(word)
        (folder / f"{name}.txt").write_text(f"Harbour story {name}\n\n{body}\n", encoding="utf-8")
    assert _kinds(capsys, tmp_path / "default.sqlite", folder) == ["exact", "exact", "near"]
    config_file.parent.mkdir()
    config_file.write_text("[thresholds]\nnear = 95\n", encoding="utf-8")  # its ratio is 94.7
    assert _kinds(capsys, tmp_path / "strict.sqlite", folder) == ["exact", "exact", "similar"]


def test_save_theme_keeps_the_rest_of_the_file(config_file: Path) -> None:
    config_file.parent.mkdir()
    original = '# my settings\ntheme = "nord"  # dark\n\n[keymap]\n"app.help" = "h"\n'
    config_file.write_text(original, encoding="utf-8")
    config.save_theme("gruvbox")
    assert config_file.read_text(encoding="utf-8") == original.replace('"nord"', '"gruvbox"')
    config_file.write_text("# no theme yet\n[thresholds]\nnear = 92\n", encoding="utf-8")
    config.save_theme("nord")
    assert config.load(config_file)[0] == config.Settings(theme="nord", thresholds=Cutoffs(near=92))
    assert "# no theme yet" in config_file.read_text(encoding="utf-8")


def test_save_theme_leaves_a_broken_file_alone(config_file: Path) -> None:
    config_file.parent.mkdir()
    config_file.write_text("theme = \n", encoding="utf-8")
    with pytest.raises(config.ConfigError, match="line 1"):
        config.save_theme("nord")
    assert config_file.read_text(encoding="utf-8") == "theme = \n"
    with pytest.raises(ValueError, match="unknown theme"):
        config.save_theme("paper")


def test_save_theme_creates_the_file_and_its_folder(config_file: Path) -> None:
    config.save_theme("dracula")
    assert config.load(config_file)[0].theme == "dracula"


def test_save_theme_writes_through_a_link_and_keeps_mode_and_line_endings(
    config_file: Path, tmp_path: Path
) -> None:
    real = tmp_path / "dotfiles" / "copydesk.toml"
    real.parent.mkdir()
    real.write_bytes(b'# mine\r\ntheme = "nord"\r\n')
    real.chmod(0o600)
    config_file.parent.mkdir()
    config_file.symlink_to(real)
    config.save_theme("dracula")
    assert config_file.is_symlink()  # the link stays a link
    assert real.read_bytes() == b'# mine\r\ntheme = "dracula"\r\n'
    assert real.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"a=" + b"[" * 500 + b"]" * 500, "nested too deeply to read"),
    ],
)
def test_a_file_too_deep_to_read_gives_one_line(
    config_file: Path, content: bytes, reason: str
) -> None:
    config_file.parent.mkdir()
    config_file.write_bytes(content)
    with pytest.raises(config.ConfigError, match=reason):
        config.save_theme("nord")


def test_a_byte_order_mark_is_fine(config_file: Path) -> None:
    config_file.parent.mkdir()
    config_file.write_bytes(b'\xef\xbb\xbftheme = "nord"\n')
    assert config.load(config_file)[0].theme == "nord"
