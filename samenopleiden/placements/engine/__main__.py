"""`python -m samenopleiden.placements.engine INPUT.json --out RESULT.json`: see cli.py."""

import sys

from .cli import main

sys.exit(main())
