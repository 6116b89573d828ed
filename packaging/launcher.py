"""Entry point of the frozen app: the same command line as `python -m helpapp`."""

import sys

from helpapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
