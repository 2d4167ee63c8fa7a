# SPDX-License-Identifier: EUPL-1.2
"""The module boundaries of goedebuur (issue 15), enforced in the suite:

- the import-linter contracts in pyproject.toml (`[tool.importlinter]`): core is pure, apps use each
  other only through their public modules, management commands use an app's serializers (the field map
  shared with the API), never its API views or the API infrastructure;
- no import cycles between modules (import-linter's `acyclic_siblings` compares whole packages,
  so the cycles are found here with grimp, import-linter's own graph builder, and networkx);
- an app imports another app only through its public modules (`services`, `api`, `urls`, `apps`, the
  package), the kernel models and the platform packages: checked here on grimp's graph for every
  module, so that a new private module is covered without being listed;
- a new package beside core must be added to the core contract.

`lint-imports` on the command line shows the same contracts (`PYTHONPATH=src lint-imports`)."""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import networkx as nx

import goedebuur

SRC = Path(goedebuur.__file__).resolve().parents[1]
ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = {
    c["id"]: c
    for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
}

# An app's public face; see the comment above [tool.importlinter] in pyproject.toml.
PUBLIC = {"services", "api", "urls", "apps"}
KERNEL_MODELS = {"goedebuur.municipalities.models", "goedebuur.cooperations.models"}
OPEN_PACKAGES = {
    "goedebuur.api",
    "goedebuur.common",
    "goedebuur.core",
    "goedebuur.data",
    "goedebuur.documents",
}


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("goedebuur", exclude_type_checking_imports=True, cache_dir=None)


def test_it_keeps_the_import_contracts():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    env = os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_has_no_import_cycles():
    graph = _graph()
    modules = nx.DiGraph(
        (importer, imported)
        for importer in graph.modules
        if importer.startswith("goedebuur.")
        for imported in graph.find_modules_directly_imported_by(importer)
        if imported.startswith("goedebuur.")
    )
    cycles = [set(c) for c in nx.strongly_connected_components(modules) if len(c) > 1]
    assert [sorted(c) for c in cycles] == []


# The composition root: settings, the page URL root, the CLI entry point. They wire the apps together
# and may import an app's `urls`, `apps`, `services` and `api` like any other module, nothing private.
ROOT_MODULES = {"goedebuur", "goedebuur.urls", "goedebuur.settings", "goedebuur.wsgi", "goedebuur.cli"}
PLATFORM_MODULES = {
    "goedebuur.history.services",
    "goedebuur.pages.services",
}


def _package_of(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _is_public(module: str) -> bool:
    """May `module` be imported from another app?"""
    package = _package_of(module)
    if module == package or package in OPEN_PACKAGES or module in KERNEL_MODELS or module in PLATFORM_MODULES:
        return True
    return module.split(".")[2] in PUBLIC


def private_imports(graph) -> set[tuple[str, str]]:
    """Every (importer, imported) where a module imports a private module of another app."""
    found = set()
    for importer in graph.modules:
        if not importer.startswith("goedebuur"):
            continue
        for imported in graph.find_modules_directly_imported_by(importer):
            if not imported.startswith("goedebuur.") or imported in ROOT_MODULES:
                continue
            if importer not in ROOT_MODULES and _package_of(importer) == _package_of(imported):
                continue
            if not _is_public(imported):
                found.add((importer, imported))
    return found


def test_it_uses_other_apps_only_through_their_public_modules():
    found = private_imports(_graph())
    assert sorted(found) == [], "use the other app's services (or publish what you need there)"


def test_it_recognises_a_private_import():
    assert _is_public("goedebuur.profiles.services")
    assert _is_public("goedebuur.cooperations.models")
    assert _is_public("goedebuur.common.errors")
    assert not _is_public("goedebuur.profiles.models")
    assert not _is_public("goedebuur.history.locking")


def test_it_keeps_core_apart_from_every_other_package():
    graph = _graph()
    others = sorted(graph.find_children("goedebuur") - {"goedebuur.core"})
    forbidden = set(CONTRACTS["core-is-pure"]["forbidden_modules"])
    assert [package for package in others if package not in forbidden] == []
