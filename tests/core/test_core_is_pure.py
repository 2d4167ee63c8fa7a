# SPDX-License-Identifier: EUPL-1.2
"""goedebuur.core is the pure library: no Django, no DRF, no app of the web layer.

Checked twice: statically (every import statement, also inside functions) and dynamically (each
module is imported in a fresh interpreter in which importing Django raises ImportError)."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import goedebuur.core

CORE_DIR = Path(goedebuur.core.__file__).resolve().parent
FORBIDDEN = ("django", "rest_framework", "drf_spectacular", "django_filters")


def _module_name(path: Path) -> str:
    parts = path.relative_to(CORE_DIR).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(("goedebuur", "core", *parts))


PATHS = {_module_name(path): path for path in CORE_DIR.rglob("*.py")}
MODULES = sorted(PATHS)


def _forbidden(name: str) -> bool:
    return name.split(".")[0] in FORBIDDEN or (
        name.startswith("goedebuur") and not (name == "goedebuur" or name.startswith("goedebuur.core"))
    )


def imported_names(path: Path, module: str) -> list[str]:
    """Absolute names of everything `path` imports; relative imports are resolved against `module`."""
    package = module if path.stem == "__init__" else module.rpartition(".")[0]
    names = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module
            names.append(prefix)
            names += [f"{prefix}.{alias.name}" for alias in node.names if alias.name != "*"]
    return names


def test_it_recognises_forbidden_imports(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text(
        "import math\n"
        "from . import geo\n"
        "def later():\n"
        "    from django.db import models\n"
        "    import rest_framework.serializers\n"
        "    from ..municipalities import services\n"
    )
    names = imported_names(source, "goedebuur.core.sample")
    assert sorted(filter(_forbidden, names)) == [
        "django.db",
        "django.db.models",
        "goedebuur.municipalities",
        "goedebuur.municipalities.services",
        "rest_framework.serializers",
    ]
    assert "goedebuur.core.geo" in names


def test_it_finds_the_core_modules():
    assert "goedebuur.core" in MODULES and len(MODULES) > 1


@pytest.mark.parametrize("module", MODULES)
def test_it_imports_nothing_from_django_statically(module):
    path = PATHS[module]
    bad = sorted({name for name in imported_names(path, module) if _forbidden(name)})
    assert not bad, f"{module} imports {', '.join(bad)}; goedebuur.core must stay free of Django"


# Runs in a fresh interpreter: block Django and friends, then import every core module.
BLOCKED_IMPORT = """
import importlib, importlib.abc, json, sys

FORBIDDEN = set(json.loads(sys.argv[1]))

class Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in FORBIDDEN:
            raise ImportError(f"{name} is blocked: goedebuur.core must not import it")
        return None

sys.meta_path.insert(0, Blocker())
failures = {}
for module in json.loads(sys.argv[2]):
    try:
        importlib.import_module(module)
    except Exception as error:
        failures[module] = f"{type(error).__name__}: {error}"
leaked = sorted(m for m in sys.modules if m.split(".")[0] in FORBIDDEN)
print(json.dumps({"failures": failures, "leaked": leaked}))
"""


def test_it_imports_every_core_module_with_django_blocked():
    result = subprocess.run(
        [sys.executable, "-c", BLOCKED_IMPORT, json.dumps(FORBIDDEN), json.dumps(MODULES)],
        capture_output=True,
        text=True,
        check=True,
        env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
        | {"PYTHONPATH": str(CORE_DIR.parents[1])},
    )
    outcome = json.loads(result.stdout)
    assert outcome == {"failures": {}, "leaked": []}
