"""Every style lives in the one stylesheet, tui/app/newsline.tcss, as the README says: no widget or screen
carries its own ``DEFAULT_CSS``, and each component class a widget declares is styled there."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "tui" / "app"
STYLESHEET = APP / "newsline.tcss"


def _class_attributes(name: str) -> list[tuple[str, str, ast.expr]]:
    """(module, class, value) of every class attribute ``name`` under tui/app."""
    found = []
    for path in sorted(APP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for statement in node.body:
                    if isinstance(statement, ast.Assign) and any(
                        isinstance(target, ast.Name) and target.id == name for target in statement.targets
                    ):
                        found.append((str(path.relative_to(APP)), node.name, statement.value))
    return found


def test_no_widget_carries_its_own_styles():
    assert [f"{module}: {cls}" for module, cls, _ in _class_attributes("DEFAULT_CSS")] == []


def test_every_component_class_is_styled_in_the_stylesheet():
    stylesheet = STYLESHEET.read_text(encoding="utf-8")
    unstyled = []
    for module, cls, value in _class_attributes("COMPONENT_CLASSES"):
        for node in ast.walk(value):
            # a name spelt out; the f-string part of one ("article--{kind}") is checked by the article's tests
            spelt = isinstance(node, ast.Constant) and isinstance(node.value, str) and not node.value.endswith("--")
            if spelt and f".{node.value} " not in stylesheet:
                unstyled.append(f"{module}: {cls} .{node.value}")
    assert unstyled == []
