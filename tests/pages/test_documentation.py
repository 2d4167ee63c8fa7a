# SPDX-License-Identifier: EUPL-1.2
"""Fail when a setting, command or page exists that the README does not document."""

import re
from pathlib import Path

import goedebuur

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SETTINGS = (Path(goedebuur.__file__).parent / "settings.py").read_text(encoding="utf-8")


def test_every_environment_variable_is_documented():
    names = set(re.findall(r'env(?:_bool|_list)?\("([A-Z_]+)"', SETTINGS))
    assert names, "no environment variables found in settings.py"
    missing = sorted(n for n in names if f"`{n}`" not in README)
    assert not missing, f"document these environment variables in README.md: {missing}"


def test_every_goedebuur_command_is_documented():
    commands = Path(goedebuur.__file__).parent.glob("*/management/commands/*.py")
    names = {p.stem for p in commands if not p.stem.startswith("_")}
    missing = sorted(n for n in names if f"goedebuur {n}" not in README)
    assert not missing, f"document these commands in README.md: {missing}"


def test_the_quick_start_is_exactly_two_commands():
    section = README.split("## Snel starten / Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    assert [line for line in section.strip().splitlines() if line.strip()] == [
        "python3 dev.py serve",
        "python3 dev.py test",
    ]


def test_every_markdown_file_closes_its_code_fences():
    """A union merge once dropped a closing fence in docs/api.md, turning the rest of it into code."""
    files = [
        ROOT / "README.md",
        *sorted((ROOT / "docs").rglob("*.md")),
        *sorted((ROOT / "bench").glob("*.md")),
    ]
    unbalanced = [
        str(path.relative_to(ROOT))
        for path in files
        if sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.lstrip().startswith("```"))
        % 2
    ]
    assert not unbalanced, f"these Markdown files have an unclosed ``` code fence: {unbalanced}"
