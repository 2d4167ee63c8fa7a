# SPDX-License-Identifier: EUPL-1.2
"""The savings ledger: realised figures of a cooperation against the forecast band of its business
case (`verdict`), and the platform-wide optimism-bias uplift computed from the recorded misses
(`uplift`). Pure: codes and values, no Django and no sentences."""
