import sys

from kbtools.cli import main

sys.exit(main())
