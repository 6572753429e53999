"""``python -m tui.temporal.tagging``: make the time reader's table of what each rule needs
(``resources/needs.json``, see :mod:`tui.temporal.tagging.needs`) again, after changing a rule or its words."""

from __future__ import annotations

import sys

from tui.temporal.relations import cue_rules
from tui.temporal.tagging import needs
from tui.temporal.tagging.tagger import RULES

if __name__ == "__main__":
    rules = [*RULES, *cue_rules()]  # the time expressions' rules, and the relations' cues
    count = needs.write(rules)
    print(f"{needs.TABLE}: what {count} of the {len(rules)} rules need", file=sys.stderr)
