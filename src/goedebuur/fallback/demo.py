# SPDX-License-Identifier: EUPL-1.2
"""Demo data for `goedebuur demo`."""


def load_demo() -> str:
    """Load the demo data (idempotent) and return one Dutch line for the command's output."""
    return ""
