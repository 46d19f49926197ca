"""A ScrollView that draws each line once and keeps it, with its colours looked up once.

The article view, the links panel and the search results all draw only the
lines on screen (Textual's line API) and keep them until their content, size
or theme changes. Subclasses draw one line in `_render_index` and name their
component classes with COMPONENT_PREFIX.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual.cache import LRUCache
from textual.scroll_view import ScrollView
from textual.strip import Strip


class CachedLinesView(ScrollView):
    COMPONENT_PREFIX: ClassVar[str] = ""
    CACHED_LINES: ClassVar[int] = 256

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._cache: LRUCache[int, Strip] = LRUCache(self.CACHED_LINES)
        self._styles: dict[str, Style] = {}

    def notify_style_update(self) -> None:
        """A theme or CSS change recolours everything."""
        super().notify_style_update()
        self._cache.clear()
        self._styles.clear()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        strip = self._cache.get(index)
        if strip is None:
            strip = self._render_index(index)
            self._cache[index] = strip
        return strip

    def _render_index(self, index: int) -> Strip:
        """Line `index` of the whole content (not of the screen), drawn."""
        raise NotImplementedError

    def _style(self, name: str) -> Style:
        """The widget's colours (name ""), or a component's, kept until the styles change:
        working them out walks every ancestor, which is slow to do for each line drawn."""
        if name not in self._styles:
            if name:
                self._styles[name] = self.get_component_rich_style(
                    f"{self.COMPONENT_PREFIX}--{name}"
                )
            else:
                self._styles[name] = self.rich_style
        return self._styles[name]
