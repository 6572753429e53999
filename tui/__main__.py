"""``python -m tui``: the same as the ``newsline`` command."""

from tui.cli import main

raise SystemExit(main())
