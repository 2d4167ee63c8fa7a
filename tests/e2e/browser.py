# SPDX-License-Identifier: EUPL-1.2
"""Debian's Chromium for the journeys (conftest.py) and the screenshot script (screenshots.py)."""

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("GOEDEBUUR_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch_chromium(playwright):
    """Launch Debian's Chromium headless (shared with tests/e2e/screenshots.py)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
