"""expand_sources and read_source on real files, folders, globs, symlinks and stdin."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from tui.errors import SourceError
from tui.ingest import sources
from tui.ingest.sources import DEFAULT_MAX_BYTES, SourceFailure, expand_sources, read_source

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def make(root: Path, *names: str) -> None:
    """Create files (with parent folders) whose content is their own name."""
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name)


def expand(*specs: str) -> list[str | SourceFailure]:
    return list(expand_sources(specs))


def names(items: list[str | SourceFailure], root: Path) -> list[str]:
    """Found files relative to `root`, failures as "!source: reason"."""
    return [
        f"!{os.path.relpath(item.source, root)}: {item.reason}"
        if isinstance(item, SourceFailure)
        else os.path.relpath(item, root)
        for item in items
    ]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small news folder, and the working directory set to tmp_path."""
    make(
        tmp_path,
        "news/b.html",
        "news/a.txt",
        "news/2024/c.html",
        "news/2024/deep/d.htm",
        "news/.git/config",
        "news/.hidden.html",
        "news/z.html",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- expansion -------------------------------------------------------------------


def test_file_becomes_its_absolute_path(tree: Path) -> None:
    assert expand("news/a.txt") == [str(tree / "news/a.txt")]


def test_folder_is_walked_sorted_without_hidden_names(tree: Path) -> None:
    assert names(expand("news"), tree) == [
        "news/2024/c.html",
        "news/2024/deep/d.htm",
        "news/a.txt",
        "news/b.html",
        "news/z.html",
    ]


def test_url_and_stdin_pass_through(tree: Path) -> None:
    urls = ["https://example.org/a", "HTTP://example.org/b", "-"]
    assert expand(*urls) == urls


def test_missing_path_is_a_failure_and_expansion_goes_on(tree: Path) -> None:
    assert expand("nope.html", "news/a.txt") == [
        SourceFailure("nope.html", "no such file or folder"),
        str(tree / "news/a.txt"),
    ]


def test_glob_in_one_folder(tree: Path) -> None:
    assert names(expand("news/*.html"), tree) == ["news/b.html", "news/z.html"]


def test_recursive_glob(tree: Path) -> None:
    assert names(expand("news/**/*.htm*"), tree) == [
        "news/2024/c.html",
        "news/2024/deep/d.htm",
        "news/b.html",
        "news/z.html",
    ]


def test_glob_with_absolute_path_and_question_mark(tree: Path) -> None:
    assert names(expand(str(tree / "news/?.txt")), tree) == ["news/a.txt"]


def test_glob_takes_hidden_names_only_when_asked(tree: Path) -> None:
    assert names(expand("news/.*.html"), tree) == ["news/.hidden.html"]
    assert names(expand("news/.git/*"), tree) == ["news/.git/config"]


def test_glob_matching_a_folder_takes_the_folder(tree: Path) -> None:
    assert names(expand("new*"), tree) == names(expand("news"), tree)


def test_glob_matching_nothing(tree: Path) -> None:
    assert expand("news/*.pdf") == [SourceFailure("news/*.pdf", "no files match")]
    assert expand("nowhere/*.html") == [SourceFailure("nowhere/*.html", "no files match")]


def test_a_folder_with_no_files_is_said_to_be_empty(tree: Path) -> None:
    (tree / "empty").mkdir()
    make(tree, "hidden-only/.DS_Store")
    assert expand("empty") == [SourceFailure("empty", "no files in this folder")]
    assert expand("hidden-only") == [SourceFailure("hidden-only", "no files in this folder")]


def test_existing_path_with_glob_characters_is_a_path(tree: Path) -> None:
    make(tree, "odd[1].html", "odd1.html")
    assert names(expand("odd[1].html"), tree) == ["odd[1].html"]


def test_duplicates_are_dropped(tree: Path) -> None:
    (tree / "alias.html").symlink_to(tree / "news/b.html")
    found = expand("news/b.html", "news", "alias.html", "news/*.html", "./news/b.html")
    assert names(found, tree) == [
        "news/b.html",
        "news/2024/c.html",
        "news/2024/deep/d.htm",
        "news/a.txt",
        "news/z.html",
    ]


def test_folder_symlink_to_an_ancestor_is_a_loop(tree: Path) -> None:
    (tree / "news/2024/up").symlink_to(tree / "news")
    found = names(expand("news"), tree)
    assert "!news/2024/up: symlink loop" in found
    assert len([name for name in found if not name.startswith("!")]) == 5


def test_folder_symlink_is_followed_once(tree: Path) -> None:
    make(tree, "elsewhere/e.html")
    (tree / "news/link1").symlink_to(tree / "elsewhere")
    (tree / "news/link2").symlink_to(tree / "elsewhere")
    found = names(expand("news"), tree)
    assert found.count("news/link1/e.html") == 1
    assert not [name for name in found if name.startswith("!") or "link2" in name]


def test_recursive_glob_survives_symlink_loops(tree: Path) -> None:
    (tree / "news/2024/up").symlink_to(tree / "news")
    (tree / "news/2024/deep/up").symlink_to(tree / "news")
    found = names(expand("news/**/*.html"), tree)
    assert [name for name in found if not name.startswith("!")] == [
        "news/2024/c.html",
        "news/b.html",
        "news/z.html",
    ]


def test_dangling_and_looping_file_symlinks(tree: Path) -> None:
    (tree / "news/gone.html").symlink_to(tree / "nothing-here")
    (tree / "news/ping.html").symlink_to(tree / "news/pong.html")
    (tree / "news/pong.html").symlink_to(tree / "news/ping.html")
    assert expand("news/gone.html", "news/ping.html") == [
        SourceFailure(str(tree / "news/gone.html"), "broken symlink"),
        SourceFailure(str(tree / "news/ping.html"), "symlink loop"),
    ]
    found = names(expand("news"), tree)
    assert "!news/gone.html: broken symlink" in found
    assert "!news/ping.html: symlink loop" in found


def test_fifo_in_a_folder_is_skipped(tree: Path) -> None:
    os.mkfifo(tree / "news/pipe.html")
    assert "news/pipe.html" not in names(expand("news"), tree)


def test_unreadable_folder(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated, because tests may run as root, whom chmod 000 does not stop."""
    real_scandir = os.scandir
    locked = tree / "news/2024"

    def scandir(path: os.PathLike[str]) -> object:
        if Path(path).absolute() == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(sources.os, "scandir", scandir)
    found = names(expand("news"), tree)
    assert found[0] == "!news/2024: cannot read folder: permission denied"
    assert found[1:] == ["news/a.txt", "news/b.html", "news/z.html"]


@pytest.mark.skipif(AS_ROOT, reason="root reads folders whatever their mode")
def test_unreadable_folder_for_real(tree: Path) -> None:
    locked = tree / "news/2024"
    locked.chmod(0)
    try:
        found = names(expand("news"), tree)
    finally:
        locked.chmod(0o755)
    assert "!news/2024: cannot read folder: permission denied" in found


def test_deep_folder_does_not_hit_the_recursion_limit(tmp_path: Path) -> None:
    levels = [tmp_path / "d"]
    for _level in range(sys.getrecursionlimit() + 50):
        levels[-1].mkdir()
        levels.append(levels[-1] / "d")
    story = levels[-2] / "x.txt"
    story.write_text("deep")
    try:
        assert expand(str(tmp_path)) == [str(story)]
    finally:  # by hand: pytest's recursive clean-up would hit the same limit
        story.unlink()
        for level in reversed(levels[:-1]):
            level.rmdir()


# -- reading ---------------------------------------------------------------------


def test_read_file_with_media_type_from_extension(tree: Path) -> None:
    raw = read_source(str(tree / "news/b.html"))
    assert (raw.source, raw.data, raw.media_type, raw.charset) == (
        str(tree / "news/b.html"),
        b"news/b.html",
        "text/html",
        None,
    )
    assert read_source("news/a.txt").media_type == "text/plain"


@pytest.mark.parametrize(
    ("name", "media_type"),
    [("p.HTM", "text/html"), ("p.xhtml", "text/html"), ("p.md", None), ("noext", None)],
)
def test_media_type_by_extension(tmp_path: Path, name: str, media_type: str | None) -> None:
    make(tmp_path, name)
    assert read_source(str(tmp_path / name)).media_type == media_type


def test_default_limit_is_25_mib() -> None:
    assert DEFAULT_MAX_BYTES == 25 * 1024 * 1024


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    """A sparse 1 GiB file: reading it whole would take seconds, refusing it none."""
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(1024**3)
    with pytest.raises(SourceError, match=r"^too large: over 25 MB$"):
        read_source(str(big))
    with pytest.raises(SourceError, match=r"^too large: over 100 bytes$"):
        read_source(str(tree_file(tmp_path, 101)), max_bytes=100)
    assert len(read_source(str(tree_file(tmp_path, 100)), max_bytes=100).data) == 100


def tree_file(root: Path, size: int) -> Path:
    path = root / f"{size}.txt"
    path.write_bytes(b"x" * size)
    return path


def test_read_is_capped_even_if_the_file_grows() -> None:
    """The size check can be outrun by a growing file; the read cap cannot."""
    with pytest.raises(SourceError, match="too large"):
        sources.read_capped(io.BytesIO(b"x" * 500), 100)


@pytest.mark.parametrize(
    ("make_path", "message"),
    [
        (lambda root: root / "missing.html", "no such file"),
        (lambda root: root, "is a folder"),
        (lambda root: Path("/dev/null"), "not a regular file"),
    ],
)
def test_unreadable_sources(tmp_path: Path, make_path, message: str) -> None:
    with pytest.raises(SourceError, match=f"^{message}$"):
        read_source(str(make_path(tmp_path)))


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(SourceError, match="^not a regular file$"):
        read_source(str(tmp_path / "pipe"))


def test_symlink_loop_when_reading(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(SourceError, match="^symlink loop$"):
        read_source(str(tmp_path / "a"))


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated: as root, chmod 000 does not stop reads (see the real test below)."""
    (tmp_path / "secret.txt").write_text("secret")

    def refuse(*args: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sources.os, "open", refuse)
    with pytest.raises(SourceError, match="^permission denied$"):
        read_source(str(tmp_path / "secret.txt"))


@pytest.mark.skipif(AS_ROOT, reason="root reads files whatever their mode")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    secret.chmod(0)
    with pytest.raises(SourceError, match="^permission denied$"):
        read_source(str(secret))


def test_stdin(tmp_path: Path) -> None:
    raw = read_source("-", stdin=io.BytesIO(b"from a pipe"))
    assert (raw.source, raw.data, raw.media_type) == ("-", b"from a pipe", None)


def test_stdin_defaults_to_sys_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"piped in")))
    assert read_source("-").data == b"piped in"


def test_no_stdin_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(SourceError, match="^no standard input$"):
        read_source("-")


def test_source_name_is_kept_as_given(tree: Path) -> None:
    assert read_source("./news/a.txt").source == "./news/a.txt"


def test_stdin_over_the_limit() -> None:
    stream = io.BytesIO(b"x" * 1000)
    with pytest.raises(SourceError, match="^too large: over 100 bytes$"):
        read_source("-", stdin=stream, max_bytes=100)
    assert stream.tell() <= 101 + 64 * 1024  # never read to the end
