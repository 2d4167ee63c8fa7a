# SPDX-License-Identifier: EUPL-1.2
"""The module boundaries of goedebuur (issue 15), enforced in the suite:

- the import-linter contracts in pyproject.toml (`[tool.importlinter]`): core is pure, apps use each
  other only through their public modules, nothing imports the API upwards;
- no import cycles between modules (import-linter's `acyclic_siblings` compares whole packages,
  so the cycles are found here with grimp, import-linter's own graph builder, and networkx);
- the contracts cover every module: a new private module of an app, or a new package beside
  core, must be added to the contracts (so that it cannot escape them silently).

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

# --- transitional: removed when the verticals merge ---------------------------------------------
# The cycles of today (issue 15 names both): three API files that only chain URL lists, and the
# fallback services and test plan through a private function. Each entry fails this test once the
# cycle is gone, so that it is removed here too.
TRANSITIONAL_CYCLES = [
    {
        "goedebuur.api.trajectories",
        "goedebuur.api.trajectories_alignment",
        "goedebuur.api.trajectories_steps",
    },
    {"goedebuur.fallback.services", "goedebuur.fallback.testplan"},
]


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
    assert [sorted(c) for c in cycles if c not in TRANSITIONAL_CYCLES] == []
    assert [sorted(c) for c in TRANSITIONAL_CYCLES if c not in cycles] == [], "gone: remove from the list"


def test_it_protects_every_private_module_of_every_app():
    graph = _graph()
    unprotected = []
    for package in sorted(graph.find_children("goedebuur")):
        if package in OPEN_PACKAGES or not graph.find_children(package):
            continue
        contract = CONTRACTS.get(f"private-{package.removeprefix('goedebuur.')}", {})
        protected = set(contract.get("protected_modules", []))
        unprotected += [
            module
            for module in sorted(graph.find_children(package))
            if module.rpartition(".")[2] not in PUBLIC
            and module not in KERNEL_MODELS
            and module not in protected
        ]
    assert unprotected == [], "add these to their app's protected_modules in pyproject.toml"


def test_it_keeps_core_apart_from_every_other_package():
    graph = _graph()
    others = sorted(graph.find_children("goedebuur") - {"goedebuur.core"})
    forbidden = set(CONTRACTS["core-is-pure"]["forbidden_modules"])
    assert [package for package in others if package not in forbidden] == []
