"""The project's promises about itself: CI runs the README's test command verbatim."""

from __future__ import annotations

import re

from .conftest import ROOT


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands_install_and_launch_then_test():
    launch, test = quick_start_commands()
    assert launch.endswith("newsline") and "pip install ." in launch
    assert "[test]" in test and test.endswith("pytest")


def test_ci_runs_the_readme_test_command_verbatim():
    _, test = quick_start_commands()
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in lines
