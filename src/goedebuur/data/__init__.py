# SPDX-License-Identifier: EUPL-1.2
"""Reference data shipped with Goede Buur; see ATTRIBUTION.md in this folder for sources."""

import csv
import io
import json
from importlib import resources


def read_text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def read_csv(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(read_text(name))))


def read_json(name: str):
    return json.loads(read_text(name))
