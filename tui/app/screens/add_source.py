"""Ask for a file, folder, glob or URL to add to the library."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class AddSourceScreen(ModalScreen[str | None]):
    """Returns what was typed (enter) or None (escape); the app ingests it in a worker."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="add.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-box"):
            yield Static(
                "Add articles: a file, a folder, a glob like ~/saved/*.html, or a URL", markup=False
            )
            yield Input(placeholder="path or https://…", id="add-input")
            yield Static("enter adds · escape cancels", classes="hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
