"""Textual's Footer, rebuilt only when the keys it shows really change.

The stock Footer recomposes (unmounts and mounts, then styles, one widget per
key) every time the screen says its bindings *may* have changed: when focus
moves, when the screen is pushed, and when it is covered by another screen.
Opening an article fired that four times across two screens, about a fifth
of the time to open it. Here the signals are coalesced into one check after
the next refresh, covered screens wait until they are shown again, and the
footer is rebuilt only if the keys differ from those on show.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

KeySignature = tuple[tuple[str, str, bool, str], ...]


class KeyFooter(Footer):
    """A Footer that skips rebuilds which would show the same keys."""

    def __init__(self) -> None:
        super().__init__()
        self._shown_keys: KeySignature | None = None
        self._check_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if screen.is_current and not self._check_pending:
            self._check_pending = True
            self.call_after_refresh(self._rebuild_if_changed)

    def _keys(self) -> KeySignature:
        """What the footer would show: each visible binding and whether it is enabled."""
        return tuple(
            (binding.key, binding.description, enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        )

    async def _rebuild_if_changed(self) -> None:
        self._check_pending = False
        keys = self._keys()
        if keys != self._shown_keys and self.is_attached:
            self._shown_keys = keys
            await self.recompose()
