# SPDX-License-Identifier: EUPL-1.2
"""Step plans for cooperation trajectories (issue 7)."""
