# SPDX-License-Identifier: EUPL-1.2
"""The API's JSON parser: refuses text with the NUL character (U+0000), which PostgreSQL cannot store
or compare (a database error, so a 500, wherever such a text reached a query); a 400 naming the field."""

from rest_framework import exceptions, parsers

NUL = "\x00"


def _nul_paths(data, prefix=""):
    if isinstance(data, str):
        return [prefix or "nonFieldErrors"] if NUL in data else []
    if isinstance(data, dict):
        found = []
        for key, value in data.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            found += [name] if NUL in str(key) else _nul_paths(value, name)
        return found
    if isinstance(data, list):
        return [
            path
            for index, value in enumerate(data)
            for path in _nul_paths(value, f"{prefix}.{index}" if prefix else str(index))
        ]
    return []


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        paths = _nul_paths(data)
        if paths:
            raise exceptions.ValidationError(
                {path: ["Text may not contain the NUL character (U+0000)."] for path in paths}
            )
        return data
