"""Allow `python -m tui`."""

from tui.cli import main

if __name__ == "__main__":  # worker processes import this module too (spawn)
    raise SystemExit(main())
