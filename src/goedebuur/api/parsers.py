# SPDX-License-Identifier: EUPL-1.2
"""The API's JSON parser: refuses text with a control character anywhere in the body (a 400 naming
the field, before any view or service sees it). The NUL character (U+0000) cannot be stored or
compared by PostgreSQL (a database error, so a 500, wherever it reached a query); the others break
the files the platform writes (XLSX, DOCX). Tab, line feed and carriage return are allowed: a JSON
body does not say which texts are single lines. The rule and its message: goedebuur.common.text."""

from rest_framework import exceptions, parsers

from goedebuur.common import refusal
from goedebuur.core.text import control_characters


def _refused(data, prefix="") -> dict[str, list[str]]:
    """{field path: characters} for every string (key or value) with a control character."""
    if isinstance(data, str):
        found = control_characters(data)
        return {prefix or "nonFieldErrors": found} if found else {}
    if isinstance(data, dict):
        refused = {}
        for key, value in data.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            in_key = control_characters(str(key))
            refused.update({name: in_key} if in_key else _refused(value, name))
        return refused
    if isinstance(data, list):
        refused = {}
        for index, value in enumerate(data):
            refused.update(_refused(value, f"{prefix}.{index}" if prefix else str(index)))
        return refused
    return {}


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        refused = _refused(data)
        if refused:
            raise exceptions.ValidationError({path: [refusal(found)] for path, found in refused.items()})
        return data
