#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Audit the pinned dependencies that the platform runs with (not the test tools).

1. pip-audit (PyPA) looks every installed runtime dependency up in PyPI's vulnerability data
   (the `vulnerabilities` of https://pypi.org/pypi/<name>/<version>/json, fed by OSV and the PyPA
   advisory database). Any known vulnerability fails the run.
2. PyPI's project document (https://pypi.org/pypi/<name>/json) says whether a pinned release was
   yanked (often for a security reason): a yanked pin fails the run. For a pin that is the newest
   release, the document's `vulnerabilities` are the pin's own: any of them fails the run too.
   It also prints how far each pin is behind the newest release.

Where the registry answers but serves no per-version data (as the package mirror of the development
sandbox does), pip-audit can audit nothing: the run says so in capitals and counts it. With
AUDIT_REQUIRE_DATA=1 that is a failure too (set it wherever PyPI itself is reachable).

    python3 .ci/audit.py [--venv .venv]        exit 0 clean, 1 findings, 2 could not run
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL_VENV = Path(tempfile.gettempdir()) / "goedebuur-audit-venv"


def runtime_requirements(venv: Path) -> list[str]:
    """`name==version` of every installed distribution that the platform needs at run time:
    `pip install -e .` into a fresh venv would give exactly these, so take the project's own
    dependency closure from importlib.metadata inside the project's venv."""
    probe = r"""
import json, re
from importlib import metadata
from packaging.requirements import Requirement
seen, todo = {}, [Requirement(r) for r in metadata.requires("goedebuur") if "extra ==" not in r]
while todo:
    req = todo.pop()
    name = re.sub(r"[-_.]+", "-", req.name).lower()
    if name in seen:
        continue
    try:
        dist = metadata.distribution(req.name)
    except metadata.PackageNotFoundError:
        continue
    seen[name] = dist.version
    for extra in req.extras or [None]:
        for r in dist.requires or []:
            sub = Requirement(r)
            if sub.marker is None or sub.marker.evaluate({"extra": extra or ""}):
                todo.append(sub)
print(json.dumps(sorted(f"{n}=={v}" for n, v in seen.items())))
"""
    python = venv / "bin" / "python"
    return json.loads(
        subprocess.run([str(python), "-c", probe], check=True, capture_output=True, text=True).stdout
    )


def run_pip_audit(requirements: list[str]) -> dict:
    if not (TOOL_VENV / "bin" / "pip-audit").exists():
        subprocess.run([sys.executable, "-m", "venv", str(TOOL_VENV)], check=True)
        subprocess.run(
            [
                str(TOOL_VENV / "bin" / "pip"),
                "install",
                "-q",
                "-r",
                str(ROOT / ".ci" / "audit-requirements.txt"),
            ],
            check=True,
        )
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(requirements) + "\n")
    result = subprocess.run(
        [
            str(TOOL_VENV / "bin" / "pip-audit"),
            "-r",
            handle.name,
            "--no-deps",
            "--disable-pip",
            "--progress-spinner",
            "off",
            "-f",
            "json",
        ],
        capture_output=True,
        text=True,
    )
    os.unlink(handle.name)
    if result.returncode not in (0, 1):
        raise RuntimeError(result.stderr.strip() or "pip-audit failed")
    return json.loads(result.stdout)


def release_facts(requirement: str) -> dict:
    name, version = requirement.split("==")
    try:
        with urllib.request.urlopen(f"https://pypi.org/pypi/{name}/json", timeout=30) as response:
            data = json.load(response)
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        return {"name": name, "version": version, "error": str(error)}
    files = data.get("releases", {}).get(version, [])
    yanked = [f.get("yanked_reason") or "no reason given" for f in files if f.get("yanked")]
    facts = {"name": name, "version": version, "newest": data["info"]["version"], "yanked": yanked[:1]}
    if facts["newest"] == version:
        # The project document's `vulnerabilities` are those of its newest release: ours.
        facts["vulns"] = [
            {"id": v.get("id", "?"), "fix_versions": v.get("fixed_in") or []}
            for v in data.get("vulnerabilities", [])
        ]
    return facts


def verdict(audit: dict, releases: list[dict], require_data: bool) -> tuple[int, list[str]]:
    """Exit code and report lines from pip-audit's JSON and the release facts."""
    lines, failed = [], False
    dependencies = audit.get("dependencies", [])
    by_pip_audit = [d for d in dependencies if "skip_reason" not in d]
    audited = {d["name"].lower() for d in by_pip_audit}
    by_release = [r for r in releases if "vulns" in r and r["name"].lower() not in audited]
    audited |= {r["name"].lower() for r in by_release}
    for dependency in [*by_pip_audit, *by_release]:
        for vuln in dependency.get("vulns", []):
            failed = True
            fixes = ", ".join(vuln.get("fix_versions", [])) or "no fixed release yet"
            lines.append(
                f"VULNERABLE {dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixes})"
            )
    for release in releases:
        if release.get("yanked"):
            failed = True
            lines.append(f"YANKED {release['name']} {release['version']}: {release['yanked'][0]}")
    for release in releases:
        if release.get("newest") and release["newest"] != release["version"] and not release.get("yanked"):
            lines.append(f"newer release: {release['name']} {release['version']} -> {release['newest']}")
    unreachable = [r for r in releases if "error" in r]
    if unreachable:
        lines.append(f"could not read release data of {len(unreachable)} dependencies")
    everything = {d["name"].lower() for d in dependencies} | {r["name"].lower() for r in releases}
    lines.append(
        f"{len(audited)} of {len(everything)} dependencies audited against PyPI's vulnerability data "
        f"({len(by_pip_audit)} by pip-audit, {len(by_release)} as newest releases), "
        f"{len(releases) - len(unreachable)} checked for yanked releases"
    )
    not_audited = sorted(everything - audited)
    if not_audited:
        lines.append(
            f"NOT AUDITED: {', '.join(not_audited)} (the registry serves no per-version vulnerability data here)"
        )
        if require_data:
            failed = True
    return (1 if failed else 0), lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv")
    args = parser.parse_args()
    try:
        requirements = runtime_requirements(args.venv)
        audit = run_pip_audit(requirements)
    except (OSError, subprocess.CalledProcessError, RuntimeError, ValueError) as error:
        print(f"audit: could not run: {error}", file=sys.stderr)
        return 2
    releases = [release_facts(r) for r in requirements]
    code, lines = verdict(audit, releases, os.environ.get("AUDIT_REQUIRE_DATA") == "1")
    print("\n".join(f"audit: {line}" for line in lines))
    return code


if __name__ == "__main__":
    sys.exit(main())
