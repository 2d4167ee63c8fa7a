# SPDX-License-Identifier: EUPL-1.2
"""The municipality picker's select (342 options) rendered in Python (goedebuur.common.widgets.
OptionsInPython) next to Django's own select templates and a lower bound, in the same run:

    .venv/bin/python bench/bench_select.py [--runs 50]

- lower bound: iterating the field's choices (the query and the 342 model instances), which any
  rendering must do;
- Django: the same widget rendered by django/forms/widgets/select.html (two includes per option);
- ours: OptionsInPython.render.
Uses a fresh temporary data directory with the reference data (SQLite unless DATABASE_URL is set)."""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(fn, runs):
    walls = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        walls.append((time.perf_counter() - started) * 1000)
    walls.sort()
    return statistics.median(walls), walls[max(0, int(len(walls) * 0.95) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("GOEDEBUUR_DATA_DIR", tempfile.mkdtemp(prefix="goedebuur-bench-select-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django import forms
    from django.core.management import call_command

    from goedebuur.common import MunicipalityPicker
    from goedebuur.common.widgets import OptionsInPython
    from goedebuur.municipalities.models import Municipality
    from goedebuur.municipalities.services import load_reference_data

    call_command("migrate", verbosity=0)
    if not Municipality.objects.exists():
        load_reference_data()
    field = forms.ModelChoiceField(Municipality.objects.order_by("name"), widget=MunicipalityPicker)
    widget = field.widget
    chosen = Municipality.objects.get(code="GM0340").pk

    def bound():
        list(widget.choices)

    def django_templates():
        super(OptionsInPython, widget).render("gemeente", chosen, {"id": "id_gemeente"})

    def ours():
        widget.render("gemeente", chosen, {"id": "id_gemeente"})

    for fn in (bound, django_templates, ours):  # warm-up: templates compiled, first query
        fn()
    print(f"load average at start: {os.getloadavg()[0]:.1f}; {Municipality.objects.count()} options; ms")
    print(f"{'way':<34} {'median':>8} {'p95':>8} {'x bound':>8}")
    low = timed(bound, args.runs)
    for label, fn in (
        ("lower bound: the choices only", bound),
        ("Django's select templates", django_templates),
        ("OptionsInPython", ours),
    ):
        median, p95 = low if fn is bound else timed(fn, args.runs)
        print(f"{label:<34} {median:>8.1f} {p95:>8.1f} {median / low[0]:>8.1f}")


if __name__ == "__main__":
    main()
