# SPDX-License-Identifier: EUPL-1.2
"""A web process starts without the libraries only some requests need (documents, spreadsheets, graphs):
they are imported by the first request that uses them (bench/startup.py measures the effect)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import goedebuur

HEAVY = ["fpdf", "docx", "openpyxl", "networkx", "icalendar", "scipy"]

PROBE = f"""
import json, sys
import goedebuur.wsgi
from django.urls import resolve
resolve("/health")  # loads every URL configuration and with it every view and API module
print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))
"""


def test_importing_the_wsgi_application_and_every_view_loads_no_document_or_graph_library(tmp_path):
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "goedebuur.settings",
        "GOEDEBUUR_DATA_DIR": str(tmp_path),
        "PYTHONPATH": os.pathsep.join(
            [str(Path(goedebuur.__file__).parents[1]), os.environ.get("PYTHONPATH", "")]
        ),
    }
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
