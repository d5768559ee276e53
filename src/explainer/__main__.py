"""``python -m explainer``: the same as the ``explainer`` command."""

import sys

from .surfaces._cli import main

sys.exit(main())
