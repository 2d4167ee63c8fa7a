# SPDX-License-Identifier: EUPL-1.2
from goedebuur.cli import main

main()
