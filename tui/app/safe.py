"""Untrusted strings on their way to the screen.

Article text, titles and outlets are sanitised when they are ingested, but a
source's file name is stored as given (it is how the file is found again), and
the app shows it whenever a page names no outlet. Anything shown from the
library that did not come through the cleaner goes through `one_line` first,
and everything is drawn as Text or Content, never parsed as markup.
"""

from __future__ import annotations

from tui.text.sanitize import one_line

__all__ = ["one_line"]
