"""The house's arrows: every module under tui/ imports only its own floor and the floors below, no two modules
import each other round a circle, and nothing imports the command line (see ../shared/DESIGN.md).

The imports are read from the source (ast), everywhere in a module: at its top, inside functions (the lazy
imports that keep start-up light), and under ``if TYPE_CHECKING``: a name a module needs to be typed is a
dependency all the same. Floors, bottom up:

    0 tui.printable, tui.collector   1 tui.model   2 tui.temporal   3 tui.view, tui.table
    4 tui.draft, tui.export, tui.corpus   5 tui.app, tui.serve   6 tui.commands

``tui`` (its ``__init__``: the version) and ``tui.__main__`` (``python -m tui``) stand outside the floors.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tui"

FLOORS = {
    "tui.printable": 0,
    "tui.collector": 0,  # the garbage collector held off while a whole report is built or written
    "tui.model": 1,
    "tui.temporal": 2,
    "tui.view": 3,
    "tui.table": 3,  # the timeline as a text table: the view's labels, for the `timeline` command and exports
    "tui.draft": 4,
    "tui.export": 4,
    "tui.corpus": 4,
    "tui.app": 5,
    "tui.serve": 5,
    "tui.commands": 6,
}
OUTSIDE = {"tui", "tui.__main__"}
COMMAND_LINE = "tui.commands"


@cache
def modules() -> dict[str, Path]:
    """Every module under tui/, by dotted name (a package by its own name, for its __init__)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _absolute(module: str, is_package: bool, level: int, name: str | None) -> str:
    """The module a relative import names, from ``module``."""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (level - 1)] if level > 1 else base
    return ".".join([*base, name] if name else base)


@cache
def imports(module: str) -> frozenset[str]:
    """The modules under tui/ that ``module`` imports, anywhere in its source."""
    path = modules()[module]
    known = modules()
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = node.module or ""
            if node.level:
                source = _absolute(module, path.name == "__init__.py", node.level, node.module)
            names = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in known else source for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:  # `import tui.model.files as f` names the module; an attribute
                name = name.rpartition(".")[0]  # of a module (a class, a function) names its module
            if name and name != module:
                found.add(name)
    return frozenset(found)


def floor(module: str) -> int | None:
    for prefix, level in FLOORS.items():
        if module == prefix or module.startswith(prefix + "."):
            return level
    return None


def arrows() -> Iterator[tuple[str, str]]:
    for module in modules():
        for imported in sorted(imports(module)):
            yield module, imported


def test_every_module_has_a_floor():
    assert {name for name in modules() if name not in OUTSIDE and floor(name) is None} == set()


def upward() -> list[tuple[str, str]]:
    return [
        (module, imported)
        for module, imported in arrows()
        if module not in OUTSIDE and imported not in OUTSIDE and floor(imported) > floor(module)
    ]


def test_no_module_imports_from_a_higher_floor():
    """A module that needs a helper from a higher floor has found a helper that lives too high: move it down."""
    assert [f"{a} (floor {floor(a)}) imports {b} (floor {floor(b)})" for a, b in upward()] == []


def circles() -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(imports(module)):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in modules():
        if module not in index:
            visit(module)
    return sorted(groups)


def test_no_import_circles():
    assert circles() == []


def test_nothing_imports_the_command_line():
    """The commands are the top floor: the app, the server and the rest never call back into them (the one
    way in is ``python -m tui`` and the console script, which name ``tui.commands:main``)."""
    inside = COMMAND_LINE + "."
    found = [
        f"{module} imports {imported}"
        for module, imported in arrows()
        if (imported == COMMAND_LINE or imported.startswith(inside))
        and not (module == COMMAND_LINE or module.startswith(inside) or module == "tui.__main__")
    ]
    assert found == []


def test_the_walk_sees_every_kind_of_import():
    """The walker itself: an import at the top, one inside a function, a name imported from a module (an
    arrow to that module) and a relative import are all seen."""
    assert "tui.model.files" in imports("tui.export")  # `from tui.model.files import write_atomically`
    assert "tui.export.csv" in imports("tui.export")  # inside `exporter`
    assert "tui.commands.view" in imports("tui.commands")  # inside `_dispatch`
    assert "tui.app" in imports("tui.commands.view")  # `from tui.app import NewslineApp`, the package's
    assert _absolute("tui.app.screens.review", False, 2, "widgets") == "tui.app.widgets"
    assert _absolute("tui.app.screens", True, 1, "help") == "tui.app.screens.help"
