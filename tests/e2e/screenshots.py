# SPDX-License-Identifier: EUPL-1.2
"""Regenerate the screenshots in docs/screenshots/ from a real `goedebuur serve --demo`.

    python3 dev.py screenshots            (or: .venv/bin/python tests/e2e/screenshots.py)

Starts the demo on a free port with a throw-away data directory, so the pictures show exactly what
`python3 dev.py serve` shows, and never touches your own database. Run it by hand after a visible
change and commit the PNG files; the test suite does not run it."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from browser import CHROMIUM, launch_chromium

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
PAGES = {"home.png": "/", "gemeente.png": "/gemeenten/GM0340", "zoeken.png": "/zoeken?q=migraties"}
# Logged in as the demo editor of Veenendaal; the first screen only (these pages are long).
EDITOR_PAGES = {
    "businesscase.png": "/businesscases/1",
    "traject.png": "/trajecten/1",
    "achtervang-simulatie.png": "/achtervang/1/simulatie?uitval=GM0345",
}
# Only the map figure (map, legend and caption): the maps with names (issue 20).
MAP_FIGURES = {
    "kaart-provincie.png": "/kaart?provincie=PV26",
    "clusters.png": "/clusters?gebied=PV26&min=2&max=8&fit=50",
}
VIEWPORT = {"width": 1280, "height": 900}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"screenshots: `goedebuur serve` stopped with exit code {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"screenshots: {url} did not answer within {timeout:.0f}s")


def shoot(page, base, path, name, full_page):
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=OUT / name, full_page=full_page)
    print(f"screenshots: {base}{path} -> {(OUT / name).relative_to(ROOT)}")


def shoot_figure(page, base, path, name):
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    page.locator("figure.map-figure").first.screenshot(path=OUT / name)
    print(f"screenshots: {base}{path} (map) -> {(OUT / name).relative_to(ROOT)}")


def main() -> int:
    if not CHROMIUM.exists():
        sys.exit(f"screenshots: {CHROMIUM} is missing (apt-get install chromium)")
    goedebuur = shutil.which("goedebuur", path=str(Path(sys.executable).parent)) or "goedebuur"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="goedebuur-screenshots-") as data_dir:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"GOEDEBUUR_DATA_DIR": data_dir}
        server = subprocess.Popen(
            [goedebuur, "serve", "--demo", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        try:
            wait_until_up(base + "/", server)
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                context = browser.new_context(locale="nl-NL", viewport=VIEWPORT)
                page = context.new_page()
                for name, path in PAGES.items():
                    shoot(page, base, path, name, full_page=True)
                for name, path in MAP_FIGURES.items():
                    shoot_figure(page, base, path, name)
                page.goto(base + "/inloggen")
                page.get_by_label("Gebruikersnaam").fill("redacteur.veenendaal")
                page.get_by_label("Wachtwoord").fill("goedebuur-demo")
                page.get_by_role("button", name="Inloggen").click()
                for name, path in EDITOR_PAGES.items():
                    shoot(page, base, path, name, full_page=False)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
