# SPDX-License-Identifier: EUPL-1.2
"""Lessons learned, questions and answers, search (issue 8)."""
