# SPDX-License-Identifier: EUPL-1.2
"""The step plan of a cooperation trajectory (issue 7): phases in order.

Other apps (experiences) refer to phases by these codes."""

PHASES: tuple[tuple[str, str], ...] = (
    ("verkennen", "Verkennen"),
    ("intentie", "Ambities delen / intentie"),
    ("overeenkomen", "Overeenkomen"),
    ("inrichten", "Inrichten"),
    ("uitvoeren", "Uitvoeren & evalueren"),
)
PHASE_CODES: tuple[str, ...] = tuple(code for code, _ in PHASES)
