# SPDX-License-Identifier: EUPL-1.2
"""Goede Buur: a platform for ICT cooperation between Dutch municipalities."""

__version__ = "0.1.0"
