"""The app's screens: library, reader, compare, search, help, add source."""
