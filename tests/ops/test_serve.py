# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur serve` as a visitor and an operator meet it: a real gunicorn on a loopback port. It names
no server software, and its logs never hold the calendar key of an address (issue 18, item 9)."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import goedebuur

SRC = Path(goedebuur.__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_it_serves_without_a_server_header_and_logs_no_calendar_key(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # an empty SQLite database
    env |= {"GOEDEBUUR_DATA_DIR": str(tmp_path), "PYTHONPATH": str(SRC), "LOG_FORMAT": "json"}
    command = [
        sys.executable,
        "-m",
        "goedebuur",
        "serve",
        "--no-migrate",
        "--port",
        str(port),
        "--workers",
        "1",
    ]
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    status, headers = _get(f"http://127.0.0.1:{port}/health")
                    break
                except OSError:
                    assert server.poll() is None and time.monotonic() < deadline, log.read_text()
                    time.sleep(0.2)
            status, headers = _get(f"http://127.0.0.1:{port}/achtervang/7/agenda.ics?sleutel=GEHEIM-abc_123")
        finally:
            server.terminate()
            server.wait(timeout=30)
    lines = log.read_text()
    assert status in (404, 503)  # no tables in the empty database: the outage page
    assert "Server" not in headers, headers["Server"]
    assert "/achtervang/7/agenda.ics?sleutel=[verborgen]" in lines, lines
    assert "GEHEIM" not in lines
