# SPDX-License-Identifier: EUPL-1.2
"""The `goedebuur` command: Django's management commands, with `init`, `demo` and `serve` on top.

`goedebuur init`, `goedebuur demo`, `goedebuur serve --port 8000` and every other Django command
(`goedebuur migrate`, `goedebuur check --deploy`, `goedebuur createsuperuser`) run from here."""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "goedebuur"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
