#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Developer entry point: the two quick-start commands, standard library only.

    python3 dev.py serve [goedebuur serve options]   run the demo at http://127.0.0.1:8000/
    python3 dev.py test [pytest options]             ruff + the whole test suite (on all cores)
    python3 dev.py screenshots                       regenerate docs/screenshots/*.png

Both create `.venv` when it is missing and (re)install the project into it when pyproject.toml
changed since the last install; otherwise they start at once. `test` runs on SQLite, or on the
database in DATABASE_URL when that is set (e.g. postgres://postgres@127.0.0.1:5432/goedebuur): the
browser journeys (tests/e2e) in one pytest process, then the rest of the whole suite spread over one
pytest-xdist worker per core (GOEDEBUUR_TEST_WORKERS=N sets the number; `-n 0` or `-p no:xdist` runs it
in one process). Named test folders or files run in one process unless you pass `-n N`.
See docs/development.md."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / "goedebuur-install.json"
MIN_PYTHON = (3, 11)


def say(message):
    print(f"dev.py: {message}", flush=True)


def run(args, **kwargs):
    say("$ " + " ".join(str(a) for a in args))
    return subprocess.run([str(a) for a in args], cwd=ROOT, **kwargs).returncode


def wanted_state(extras):
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return {"pyproject_sha256": digest, "extras": sorted(extras)}


def read_stamp():
    try:
        return json.loads(STAMP.read_text())
    except (OSError, ValueError):
        return {}


def venv_python_works():
    python = BIN / "python"
    if not python.exists():
        return False
    probe = f"import sys; sys.exit(0 if sys.version_info >= {MIN_PYTHON!r} else 1)"
    return subprocess.run([str(python), "-c", probe], capture_output=True).returncode == 0


def ensure_venv(extras=()):
    """Create .venv if needed and install the project (editable) with `extras`, unless the
    stamp says this pyproject.toml was already installed with at least these extras."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(
            f"dev.py: Python {'.'.join(map(str, MIN_PYTHON))} or newer is needed (this is {sys.version})."
        )
    if not venv_python_works():
        if VENV.exists():
            say(f"{VENV} is unusable; recreating it")
            shutil.rmtree(VENV)
        say(f"creating {VENV} with {sys.executable}")
        if run([sys.executable, "-m", "venv", VENV]) != 0:
            sys.exit(
                "dev.py: could not create the virtual environment. On Debian/Ubuntu install the venv "
                "module first: apt-get install python3-venv"
            )
    stamp = read_stamp()
    want = wanted_state(extras)
    if stamp.get("pyproject_sha256") == want["pyproject_sha256"] and set(extras) <= set(
        stamp.get("extras", [])
    ):
        return
    # Keep extras installed earlier (e.g. `test` after `serve`), so the two commands don't fight.
    if stamp.get("pyproject_sha256") == want["pyproject_sha256"]:
        want["extras"] = sorted(set(extras) | set(stamp.get("extras", [])))
    target = ".[{}]".format(",".join(want["extras"])) if want["extras"] else "."
    started = time.monotonic()
    say(f"installing {target} into .venv (pyproject.toml changed or first run)")
    code = run([BIN / "python", "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target])
    if code != 0:
        STAMP.unlink(missing_ok=True)
        sys.exit(f"dev.py: pip install failed (exit {code})")
    STAMP.write_text(json.dumps(want, indent=2) + "\n")
    say(f"installed in {time.monotonic() - started:.0f}s")


def describe_database():
    url = os.environ.get("DATABASE_URL")
    if not url:
        return "SQLite (pytest-django uses an in-memory test database per process)"
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "?"
    host = parts.hostname or "local socket"
    port = f":{parts.port}" if parts.port else ""
    return (
        f"{parts.scheme} at {host}{port}, test database test_{name} "
        f"(test_{name}_gw0, _gw1, ... per xdist worker; from DATABASE_URL)"
    )


E2E = ROOT / "tests" / "e2e"
# Options after which pytest runs in one process (xdist refuses --pdb; -n/-p no:xdist decide themselves).
SERIAL_OPTIONS = {"-n", "--numprocesses", "--pdb", "--trace", "--collect-only", "--co"}


# pytest options whose value may follow as the next argument (and is then not a test path).
VALUE_OPTIONS = {
    "-c", "-k", "-m", "-n", "-o", "-p", "-r", "-W", "--basetemp", "--confcutdir", "--dc", "--deselect",
    "--dist", "--ds", "--durations", "--hypothesis-profile", "--hypothesis-seed", "--ignore",
    "--ignore-glob", "--import-mode", "--junit-xml", "--junitxml", "--log-file", "--maxfail",
    "--numprocesses", "--override-ini", "--rootdir", "--tb",
}  # fmt: skip


def test_path(arg, previous=""):
    """The project folder/file an argument names (`tests/core`, `tests/x.py::test_y`), else None."""
    if arg.startswith("-") or previous in VALUE_OPTIONS:
        return None
    path = (ROOT / arg.split("::")[0]).resolve()
    if path.exists() and (path == ROOT or ROOT in path.parents):
        return path
    return None


def worker_count(args):
    """How many xdist workers the main run gets: 0 = one process, as pytest runs without xdist."""
    if any(a.split("=")[0] in SERIAL_OPTIONS or a.startswith("-n") for a in args):
        return 0  # one process, or as many workers as the -n the caller passed on
    if any(a in {"no:xdist", "-pno:xdist"} for a in args):
        return 0
    wanted = os.environ.get("GOEDEBUUR_TEST_WORKERS", "").strip()
    if wanted:
        return int(wanted)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores if cores > 1 else 0


def pytest_runs(args):
    """The pytest invocations for `dev.py test ARGS`: [(what, argv)].

    The browser journeys use pytest-django's live server and one Chromium, and each empties the
    tables after itself: they run in a plain pytest process of their own (alongside the workers when
    there are workers: own process, own test database). Everything else runs once, spread over xdist
    workers (`--dist worksteal`: contiguous slices of the suite per worker,
    an idle worker takes half of a busy one's remaining tests). Options are passed to both runs;
    test paths go to the run they belong to (a folder above tests/e2e, like `tests`, to both)."""
    paths = {i: test_path(a, args[i - 1] if i else "") for i, a in enumerate(args)}
    for i, a in enumerate(args):
        value = i > 0 and args[i - 1] in VALUE_OPTIONS
        looks_like_path = "/" in a or "::" in a or a.endswith(".py")
        if paths[i] is None and looks_like_path and not a.startswith("-") and not value:
            # xdist would report a mistyped path as "no tests ran" (exit 5); pytest says so (exit 4).
            say(f"no such test file or folder in {ROOT}: {a}")
            sys.exit(4)
    options = [a for i, a in enumerate(args) if paths[i] is None]
    named = [(a, paths[i]) for i, a in enumerate(args) if paths[i] is not None]
    if named:
        journeys = [a for a, p in named if p == E2E or E2E in p.parents]
        journeys += ["tests/e2e"] if any(p in E2E.parents for _, p in named) else []
        rest = [a for a, p in named if not (p == E2E or E2E in p.parents)]
    else:
        journeys, rest = ["tests/e2e"], ["tests"]
    runs = []
    if journeys:
        runs.append(("browser journeys", [*options, *journeys]))
    if rest:
        # Workers pay off for the whole suite; for a folder or a file their start-up (Django, the test
        # database, the reference data, once per worker) costs about what they save. `-n 2` asks for them.
        whole = not named or any(p in (ROOT, ROOT / "tests") for _, p in named)
        workers = worker_count(args) if whole else 0
        xdist = ["-n", str(workers), "--dist", "worksteal"] if workers > 1 else []
        runs.append(("tests", [*xdist, *options, *rest, "--ignore=tests/e2e"]))
    return runs


def combined_exit_code(codes):
    """0 when every run passed or found nothing to run (pytest's 5) and at least one ran tests;
    5 when none found anything; else the first failure's code."""
    failures = [code for code in codes if code not in (0, 5)]
    if failures:
        return failures[0]
    return 0 if 0 in codes else 5


def cmd_serve(args):
    ensure_venv()
    argv = [str(BIN / "goedebuur"), "serve", "--demo"]
    if not any(a == "--port" or a.startswith("--port=") for a in args):
        argv += ["--port", "8000"]
    argv += args
    say("$ " + " ".join(argv))
    os.chdir(ROOT)
    os.execv(argv[0], argv)


def run_alongside(background, foreground, env):
    """Run the journeys (one process: about one core, for Chromium, the live server and the test) while
    the workers run the rest, so the second core is not idle for the journeys' minutes. The journeys'
    output is kept and printed after the rest's. Returns [journeys' exit code, rest's exit code]."""
    (what_bg, argv_bg), (what_fg, argv_fg) = background, foreground
    with tempfile.TemporaryFile("w+") as output:
        say(f"{what_bg}, alongside (output follows the rest's): $ " + " ".join(str(a) for a in argv_bg))
        process = subprocess.Popen(
            [str(a) for a in argv_bg], cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, text=True
        )
        try:
            say(f"{what_fg}:")
            code_fg = run(argv_fg, env=env)
            code_bg = process.wait()
        finally:
            if process.poll() is None:  # interrupted: don't leave the journeys running
                process.terminate()
                process.wait()
        output.seek(0)
        say(f"{what_bg} (exit {code_bg}):")
        sys.stdout.write(output.read())
        sys.stdout.flush()
    return [code_bg, code_fg]


def cmd_test(args):
    ensure_venv(["test"])
    started = time.monotonic()
    if run([BIN / "ruff", "check", "."]) != 0:
        sys.exit("dev.py: ruff check failed; `.venv/bin/ruff check --fix .` fixes most findings")
    say(f"database: {describe_database()}")
    env = dict(os.environ)
    if env.get("DATABASE_URL") == "":
        del env["DATABASE_URL"]
    runs = [(what, [BIN / "python", "-m", "pytest", *argv]) for what, argv in pytest_runs(args)]
    if len(runs) == 2 and "--dist" in runs[1][1]:
        codes = run_alongside(runs[0], runs[1], env)
    else:
        codes = []
        for what, argv in runs:
            say(f"{what}:")
            codes.append(run(argv, env=env))
    code = combined_exit_code(codes)
    outcome = {0: "passed", 5: "found nothing to run"}.get(code, "FAILED")
    say(f"tests {outcome} in {time.monotonic() - started:.0f}s (pytest exit codes {codes})")
    sys.exit(code)


def cmd_screenshots(args):
    ensure_venv(["test"])
    sys.exit(run([BIN / "python", "tests/e2e/screenshots.py", *args]))


COMMANDS = {"serve": cmd_serve, "test": cmd_test, "screenshots": cmd_screenshots}


def main(argv):
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 0 if argv and argv[0] in {"-h", "--help", "help"} else 2
    COMMANDS[argv[0]](argv[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
