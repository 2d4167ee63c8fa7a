# SPDX-License-Identifier: EUPL-1.2
"""Pages of the achtervang planner, one module per concept: agreements, the services in scope,
feasibility and simulation (assessment), the test plan, history and restore, documents and
calendar (exports) and the country map. Shared: `base`."""
