# SPDX-License-Identifier: EUPL-1.2
"""Achtervang and uitwijk planner (issue 9)."""
