# SPDX-License-Identifier: EUPL-1.2
"""Bytes on the wire with and without compression, over HTTP against a real `goedebuur serve`.

    .venv/bin/python bench/wire_bytes.py [--baseline REV] [--data-dir DIR] [URL ...]

Starts `goedebuur serve` (its defaults; `collectstatic` runs at start) on a free port with the data
folder of bench/startup.py (created with `goedebuur demo` when it holds no database yet), requests every
URL twice, once without `Accept-Encoding` and once with `Accept-Encoding: gzip, deflate,
br` as a browser sends it, and counts the bytes of the status line, the headers and the body as they
arrive. With `--baseline REV` the same is done first for that commit's `src/` (via `git archive`) on the
same data. Prints a Markdown table for bench/RESULTS.md. Standard library only (plus the project)."""

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
URLS = [
    "/kaart",
    "/",
    "/matrix?alleen=alle",
    "/matrix.csv?alleen=alle",
    "/api/v1/partners/GM0345?top=341",
    "/clusters",
    "/api/v1/gemeenten?format=geojson",
    "/static/goedebuur/site.css",
    "/static/goedebuur/map.js",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str, accept_encoding: str | None) -> tuple[int, int, str]:
    """(header bytes, body bytes, Content-Encoding) of one GET on a new connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=120) as sock, sock.makefile("rb") as reader:
        return _exchange(sock, reader, path, accept_encoding)


def _exchange(sock, reader, path: str, accept_encoding: str | None) -> tuple[int, int, str]:
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1"]
    if accept_encoding:
        lines.append(f"Accept-Encoding: {accept_encoding}")
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    header_bytes, length, chunked, encoding, status = 0, None, False, "", ""
    while True:
        line = reader.readline()
        header_bytes += len(line)
        if line in (b"\r\n", b""):
            break
        text = line.decode("latin-1").strip()
        if not status:
            status = text
        name, _, value = text.partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
        elif name.lower() == "content-encoding":
            encoding = value.strip()
    if not status.split()[1].startswith("2"):
        raise RuntimeError(f"{path}: {status}")
    body = 0
    if chunked:
        while True:
            size_line = reader.readline()
            size = int(size_line.split(b";")[0], 16)
            body += len(size_line) + size + 2
            reader.read(size + 2)
            if size == 0:
                body += len(reader.readline()) - 2
                break
    else:
        reader.read(length or 0)
        body = length or 0
    return header_bytes, body, encoding


def measure(src: Path, data_dir: Path, urls: list[str]) -> dict[str, tuple[int, int, str]]:
    """{url: (bytes without Accept-Encoding, bytes with gzip accepted, Content-Encoding of the latter)}."""
    env = {
        **os.environ,
        "PYTHONPATH": str(src),
        "GOEDEBUUR_DATA_DIR": str(data_dir),
        "LOG_LEVEL": "WARNING",
        "PYTHONWARNINGS": "ignore",
    }
    if not (data_dir / "goedebuur.sqlite3").exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [PYTHON, "-m", "goedebuur.cli", "demo"], env=env, check=True, stdout=subprocess.DEVNULL
        )
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "goedebuur.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=120).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.2)
        result = {}
        for url in urls:
            plain_headers, plain_body, plain_encoding = fetch(port, url, None)
            packed_headers, packed_body, encoding = fetch(port, url, "gzip, deflate, br")
            assert not plain_encoding, url
            result[url] = (plain_headers + plain_body, packed_headers + packed_body, encoding)
        return result
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("urls", nargs="*", default=URLS)
    parser.add_argument(
        "--data-dir", type=Path, default=Path(tempfile.gettempdir()) / "goedebuur-bench-startup"
    )
    parser.add_argument("--baseline", help="git revision to compare with (its src/ via git archive)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        variants = {"this checkout": ROOT / "src"}
        if args.baseline:
            archive = subprocess.run(
                ["git", "archive", args.baseline, "src"], cwd=ROOT, check=True, capture_output=True
            ).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            variants = {f"baseline {args.baseline}": Path(tmp) / "src", **variants}
        results = {name: measure(src, args.data_dir, args.urls) for name, src in variants.items()}
    names = list(results)
    print(
        "| URL | "
        + " | ".join(f"{name}: no `Accept-Encoding` / gzip accepted (bytes)" for name in names)
        + " | ratio |"
    )
    print("|---|" + "---:|" * (len(names) + 1))
    for url in args.urls:
        cells = []
        for name in names:
            plain, packed, encoding = results[name][url]
            cells.append(f"{plain:,} / {packed:,}" + ("" if encoding == "gzip" else " (not compressed)"))
        plain, packed, _ = results[names[-1]][url]
        print(f"| `{url}` | " + " | ".join(cells) + f" | {plain / packed:.1f}× |")


if __name__ == "__main__":
    main()
