# SPDX-License-Identifier: EUPL-1.2
"""What a business case's PDF report costs, side by side in one process: the result itself
(`services.compute_pure`, 10,000 draws), the report's HTML, the tagged PDF/UA-1 that
`report_pdf.build_pdf` makes (WeasyPrint), and the same HTML as an untagged PDF (the price of the
tags). A 2-partner case (Rhenen and Veenendaal, three domains, the default checklist). No database.

    .venv/bin/python bench/bench_report_pdf.py [--repeat 5]

Times are medians of `--repeat` runs after one warm-up run (wall clock)."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
os.environ.setdefault("GOEDEBUUR_DATA_DIR", "/tmp/goedebuur-bench-report")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django  # noqa: E402

django.setup()

from django.utils import translation  # noqa: E402

from goedebuur.businesscases import presenters, services  # noqa: E402
from goedebuur.businesscases.report_pdf import build_html, build_pdf  # noqa: E402
from goedebuur.documents.html_pdf import FONT_DIR  # noqa: E402
from tests.core.businesscase.businesscase_examples import example_case  # noqa: E402


def timed(function, repeat: int) -> tuple[float, object]:
    value = function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        value = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    translation.activate("nl")
    pure = example_case()
    compute, result = timed(lambda: services.compute_pure(pure, 10_000, 1), repeat)
    data = presenters.report_data(pure, result, owner="Veenendaal")
    html_time, html = timed(lambda: build_html(data), repeat)
    tagged, pdf = timed(lambda: build_pdf(data), repeat)

    from weasyprint import HTML

    untagged, plain = timed(lambda: HTML(string=html, base_url=FONT_DIR.as_uri() + "/").write_pdf(), repeat)
    print(f"| result (10,000 draws, tornado, schedule) | {compute * 1000:.0f} | 1.0 | |")
    print(f"| report HTML | {html_time * 1000:.0f} | {html_time / compute:.2f} | {len(html) // 1024} kB |")
    print(
        f"| tagged PDF/UA-1 (build_pdf) | {tagged * 1000:.0f} | {tagged / compute:.1f} | {len(pdf) // 1024} kB |"
    )
    print(
        f"| untagged PDF of the same HTML | {untagged * 1000:.0f} | {untagged / compute:.1f} | {len(plain) // 1024} kB |"
    )


if __name__ == "__main__":
    main()
