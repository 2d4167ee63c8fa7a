# SPDX-License-Identifier: EUPL-1.2
"""Business cases for ICT cooperation (issue 6)."""
