"""The Textual app. Import lazily: the command line should not pay for Textual."""
