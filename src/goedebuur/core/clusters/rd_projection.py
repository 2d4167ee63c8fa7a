# SPDX-License-Identifier: EUPL-1.2
"""WGS84 to RD New (EPSG:28992): the approximation series of Schreutelkamp and Strang van Hees (pure)."""

from __future__ import annotations

import numpy as np

_PHI0, _LAM0 = 52.15517440, 5.38720621  # Amersfoort, in WGS84 degrees
_X0, _Y0 = 155000.0, 463000.0
_R = ((0, 1, 190094.945), (1, 1, -11832.228), (2, 1, -114.221), (0, 3, -32.391), (1, 0, -0.705),
      (3, 1, -2.340), (1, 3, -0.608), (0, 2, -0.008), (2, 3, 0.148))  # fmt: skip
_S = ((1, 0, 309056.544), (0, 2, 3638.893), (2, 0, 73.077), (1, 2, -157.984), (3, 0, 59.788),
      (0, 1, 0.433), (2, 2, -6.439), (1, 1, -0.032), (0, 4, 0.092), (1, 4, -0.054))  # fmt: skip


def rd_new(lat, lon) -> tuple[np.ndarray, np.ndarray]:
    """WGS84 latitude/longitude (degrees, scalars or arrays) to RD New x/y in metres."""
    dphi = 0.36 * (np.asarray(lat, dtype=float) - _PHI0)
    dlam = 0.36 * (np.asarray(lon, dtype=float) - _LAM0)
    x = _X0 + sum(c * dphi**p * dlam**q for p, q, c in _R)
    y = _Y0 + sum(c * dphi**p * dlam**q for p, q, c in _S)
    return x, y
