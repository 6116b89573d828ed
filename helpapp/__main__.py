import sys

from helpapp.cli import main

sys.exit(main())
