"""Entry point of the built program: the same `bbb` command as from source."""

import sys

from game.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
