# SPDX-License-Identifier: EUPL-1.2
"""The decision of .ci/audit.py (the dependency audit CI runs), on pip-audit's JSON and PyPI release facts."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "audit.py"


@pytest.fixture(scope="module")
def audit():
    spec = importlib.util.spec_from_file_location("ci_audit", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def skipped(name, version):
    return {
        "name": name,
        "skip_reason": f"Dependency not found on PyPI and could not be audited: {name} ({version})",
    }


def newest(name, version, vulns=()):
    return {"name": name, "version": version, "newest": version, "yanked": [], "vulns": list(vulns)}


def behind(name, version, latest):
    return {"name": name, "version": version, "newest": latest, "yanked": []}


def test_it_passes_when_every_dependency_is_audited_and_clean(audit):
    report = {"dependencies": [{"name": "nh3", "version": "0.3.8", "vulns": []}]}
    code, lines = audit.verdict(report, [newest("nh3", "0.3.8")], require_data=True)
    assert code == 0
    assert "1 of 1 dependencies audited" in lines[-1]


def test_it_fails_on_a_vulnerability_found_by_pip_audit(audit):
    vuln = {"id": "PYSEC-2099-1", "fix_versions": ["5.2.20"]}
    report = {"dependencies": [{"name": "django", "version": "5.2.19", "vulns": [vuln]}]}
    code, lines = audit.verdict(report, [behind("django", "5.2.19", "6.1.3")], require_data=False)
    assert code == 1
    assert "VULNERABLE django 5.2.19: PYSEC-2099-1 (fixed in 5.2.20)" in lines


def test_it_fails_on_a_vulnerability_of_a_pin_that_is_the_newest_release(audit):
    report = {"dependencies": [skipped("markdown", "3.11.3")]}
    facts = [newest("markdown", "3.11.3", [{"id": "GHSA-xxxx", "fix_versions": []}])]
    code, lines = audit.verdict(report, facts, require_data=False)
    assert code == 1
    assert "VULNERABLE markdown 3.11.3: GHSA-xxxx (fixed in no fixed release yet)" in lines


def test_it_fails_on_a_yanked_pin(audit):
    facts = [{"name": "icalendar", "version": "7.3.0", "newest": "7.3.1", "yanked": ["broken parser"]}]
    code, lines = audit.verdict({"dependencies": [skipped("icalendar", "7.3.0")]}, facts, require_data=False)
    assert code == 1
    assert "YANKED icalendar 7.3.0: broken parser" in lines


def test_it_names_what_it_could_not_audit_and_fails_only_when_data_is_required(audit):
    report = {"dependencies": [skipped("numpy", "2.4.6"), skipped("nh3", "0.3.8")]}
    facts = [behind("numpy", "2.4.6", "2.5.5"), newest("nh3", "0.3.8")]
    code, lines = audit.verdict(report, facts, require_data=False)
    assert code == 0
    assert any(line.startswith("NOT AUDITED: numpy") for line in lines)
    assert "newer release: numpy 2.4.6 -> 2.5.5" in lines
    assert audit.verdict(report, facts, require_data=True)[0] == 1
