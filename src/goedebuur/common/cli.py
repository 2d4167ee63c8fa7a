# SPDX-License-Identifier: EUPL-1.2
"""Output of the `goedebuur` commands: `--json` writes what the API's serializer (or the app's
presenter) produces, the same field names as the API, UTF-8, indented."""

import json

from django.core.serializers.json import DjangoJSONEncoder


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)


def write_json(command, data) -> None:
    """Write `data` (plain data or serializer output) to the command's stdout as JSON."""
    command.stdout.write(to_json(data))
