# SPDX-License-Identifier: EUPL-1.2
"""Operations: health and readiness endpoints, structured logs, backup and restore."""
