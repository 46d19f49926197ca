"""The compare screen: two articles side by side, shared sentences on the same row."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from tui.app.screens.pick_article import PickArticleScreen
from tui.app.widgets.compare_view import MARKS, CompareView
from tui.app.widgets.key_footer import KeyFooter
from tui.library import Row, changes_text
from tui.report import CompareReport, compare_html, compare_report, report_name
from tui.text.sanitize import printable


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(rows: list[Row], left_share: float, right_share: float) -> str:
    """What a reader wants first: how much is shared, how closely, and by each side."""
    kinds = [row.kind for row in rows if row.kind in MARKS]
    if not kinds:
        return "No shared sentences"
    counts = " · ".join(f"{kinds.count(kind)} {kind}" for kind in MARKS if kind in kinds)
    quotes = sum(row.quote for row in rows if row.kind in MARKS)
    if quotes:  # quotations both printed: shared text, no evidence of copying
        counts += f" · {plural(quotes, 'quote')}"
    return (
        f"{plural(len(kinds), 'shared sentence')}: {counts} · "
        f"left {left_share:.0%} shared · right {right_share:.0%} shared"
    )


class CompareScreen(Screen[None]):
    """Compare two articles; the view moves, this screen swaps, folds, picks and opens."""

    DEFAULT_CSS = """
    CompareScreen #compare-changes {
        height: auto;
        max-height: 3;
        padding: 0 1;
        background: $panel;
        color: $text-error;
        text-style: bold;
    }
    CompareScreen #compare-status {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS = [
        Binding("f", "fold", "Fold", id="compare.fold"),
        Binding("s", "swap", "Swap", id="compare.swap"),
        Binding("o", "pick", "Other article", id="compare.pick"),
        Binding("enter", "read", "Read", id="compare.read"),
        Binding("e", "save_report", "Save HTML", id="compare.save_report"),
        Binding("q,escape", "back", "Back", id="compare.back"),
    ]

    class ReportSaved(Message):
        """The HTML report was written to `path`, or failed with `error`."""

        def __init__(self, path: Path, error: str | None = None) -> None:
            super().__init__()
            self.path, self.error = path, error

    def __init__(self, left_id: int, right_id: int) -> None:
        super().__init__()
        self.left_id, self.right_id = left_id, right_id
        self.status = ""
        self.report: CompareReport | None = None
        self.report_dir: Path | None = None  # where `e` saves the HTML report (None: here)

    def compose(self) -> ComposeResult:
        yield CompareView(id="compare-view")
        yield Static("", id="compare-changes", markup=False)
        yield Static("", id="compare-status", markup=False)
        yield KeyFooter()

    @property
    def view(self) -> CompareView:
        return self.query_one(CompareView)

    def on_mount(self) -> None:
        self.load()
        self.view.focus()

    def on_resize(self) -> None:
        self.query_one("#compare-status").display = self.size.height >= 10

    def load(self) -> None:
        """Read both articles and their alignment from the library and show them."""
        library = self.app.library  # type: ignore[attr-defined]
        try:
            report = compare_report(library, self.left_id, self.right_id)
        except LookupError:
            self.notify("That article is no longer in the library.", severity="error")
            self.call_after_refresh(self.app.pop_screen)
            return
        self.report = report
        self.status = summary(report.rows, report.left_share, report.right_share)
        if report.derived is not None:
            later, derivation = report.derived
            side = "left" if later == self.left_id else "right"
            self.status += f" · {side} {derivation.share:.0%} copied"
        self.view.show(report.left, report.right, report.rows)
        self.update_status()
        self.show_changes()

    def on_compare_view_cursor_moved(self, message: CompareView.CursorMoved) -> None:
        self.show_changes()

    def show_changes(self) -> None:
        """The facts the right side changed in the sentence under the cursor, if any."""
        changes = [c for row in self.view.current_rows() for c in row.changes]
        line = self.query_one("#compare-changes", Static)
        line.display = bool(changes)
        line.update("Changed (left → right): " + changes_text(changes))

    def update_status(self) -> None:
        fold = "f shows all" if self.view.folded else "f folds the rest"
        hints = f"n/N jump to shared · {fold}"
        self.query_one("#compare-status", Static).update(f"{self.status}  ({hints})")

    def action_fold(self) -> None:
        self.view.toggle_fold()
        self.update_status()

    def action_swap(self) -> None:
        """Swap sides, keeping the cursor on the same sentences."""
        rows = self.view.current_rows()
        row = rows[0] if rows else None
        keep = (
            row.right.i if row and row.right else None,
            row.left.i if row and row.left else None,
        )
        self.left_id, self.right_id = self.right_id, self.left_id
        self.load()
        self.view.select(*keep)

    def current_id(self) -> int:
        """The left-hand article (the palette's "Compare with…" starts from it)."""
        return self.left_id

    def action_pick(self) -> None:
        """Pick another right-hand article: any of them, those sharing the most first."""

        def chosen(article_id: int | None) -> None:
            if article_id is not None and article_id != self.right_id:
                self.right_id = article_id
                self.load()

        self.app.push_screen(PickArticleScreen(self.left_id, self.right_id), chosen)

    def action_read(self) -> None:
        """Open the reader at the cursor's sentence: the left one, else the right one."""
        rows = self.view.current_rows()
        for row in rows:
            if row.left is not None:
                self.app.open_article(self.left_id, row.left.i)  # type: ignore[attr-defined]
                return
        for row in rows:
            if row.right is not None:
                self.app.open_article(self.right_id, row.right.i)  # type: ignore[attr-defined]
                return
        self.app.open_article(self.left_id)  # type: ignore[attr-defined]

    def action_save_report(self) -> None:
        """Save this comparison as an HTML page (named from the two ids) in a worker."""
        if self.report is not None:
            self._save_report(self.report, report_name(self.left_id, self.right_id))

    @work(thread=True, exclusive=True, group="compare-report")
    def _save_report(self, report: CompareReport, name: str) -> None:
        path = Path(name)
        try:
            path = (self.report_dir or Path.cwd()) / name  # the folder may have gone
            path.write_text(compare_html(report), encoding="utf-8")
        except OSError as error:
            self.post_message(self.ReportSaved(path, error.strerror or str(error)))
        else:
            self.post_message(self.ReportSaved(path))

    @on(ReportSaved)
    def _report_saved(self, message: ReportSaved) -> None:
        where = printable(str(message.path))
        if message.error is None:
            self.notify(f"Saved {where}", markup=False, timeout=5)
        else:
            self.notify(f"Could not save {where}: {message.error}", severity="error", markup=False)

    def action_back(self) -> None:
        self.dismiss()
