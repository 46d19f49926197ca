"""The one exception type the pipeline raises for bad input."""


class SourceError(Exception):
    """A source could not be read or cleaned; the message is one line for the user."""
