"""PyInstaller entry point: the frozen `seller-composer` runs the same main() as the wheel."""

from __future__ import annotations

import sys

from composer.cli import main

if __name__ == "__main__":
    sys.exit(main())
