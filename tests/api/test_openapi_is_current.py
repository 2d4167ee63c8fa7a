# SPDX-License-Identifier: EUPL-1.2
"""CI fails when the committed openapi.yaml no longer matches the code (as in Open Zaak)."""

import difflib
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.utils import translation

COMMITTED = Path(__file__).resolve().parents[2] / "openapi.yaml"
REGENERATE = (
    "openapi.yaml is stale. Regenerate it from the repository root with\n"
    "    GOEDEBUUR_DATA_DIR=/tmp/goedebuur .venv/bin/goedebuur spectacular --file openapi.yaml --validate\n"
    "and commit it. Difference (committed -> generated):\n"
)


def test_it_matches_the_schema_generated_from_the_code(tmp_path):
    generated = tmp_path / "openapi.yaml"
    with translation.override(settings.LANGUAGE_CODE):
        call_command("spectacular", "--file", str(generated), "--validate", "--fail-on-warn")
    expected, actual = COMMITTED.read_text(), generated.read_text()
    if expected != actual:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "openapi.yaml", "generated", lineterm=""
        )
        raise AssertionError(REGENERATE + "\n".join(list(diff)[:60]))
