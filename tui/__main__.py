"""``python -m tui``: the same as the ``newsline`` command."""

from tui.commands import main

raise SystemExit(main())
