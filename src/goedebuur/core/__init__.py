# SPDX-License-Identifier: EUPL-1.2
"""Pure computation: no Django imports here (a test enforces it)."""
