# SPDX-License-Identifier: EUPL-1.2
import json
import logging

import pytest

from goedebuur.ops.logs import JsonFormatter, TextFormatter, redact


def test_a_log_record_becomes_one_json_line_with_its_extra_fields():
    record = logging.makeLogRecord(
        {"name": "goedebuur.test", "levelname": "INFO", "msg": "saved %s", "args": ("x",), "status": 201}
    )
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "saved x"
    assert entry["level"] == "INFO" and entry["logger"] == "goedebuur.test" and entry["status"] == 201


@pytest.mark.django_db
def test_every_request_gets_an_access_line_without_its_query_string(anonymous_client, caplog):
    with caplog.at_level(logging.INFO, logger="goedebuur.access"):
        anonymous_client.get("/gemeenten?q=secret")
    [record] = [r for r in caplog.records if r.name == "goedebuur.access"]
    assert (record.method, record.path, record.status) == ("GET", "/gemeenten", 200)
    assert "secret" not in record.getMessage()
    assert record.userId is None


@pytest.mark.django_db
def test_a_404_warning_keeps_the_calendar_key_out_of_the_log(anonymous_client, caplog):
    """Django's warning carries the request (`<WSGIRequest: GET '…?sleutel=…'>`) as an extra field."""
    with caplog.at_level(logging.WARNING, logger="django.request"):
        anonymous_client.get("/achtervang/999999/agenda.ics?sleutel=GEHEIM-abc_123&x=1")
    [record] = [r for r in caplog.records if r.name == "django.request"]
    for formatter in (JsonFormatter(), TextFormatter("%(message)s %(request)s")):
        line = formatter.format(record)
        assert "GEHEIM" not in line
    assert "sleutel=[verborgen]&x=1" in json.loads(JsonFormatter().format(record))["request"]


def test_redact_hides_only_the_secret_parameters():
    assert redact("GET /a.ics?sleutel=abc-D_1&b=2 HTTP/1.1") == "GET /a.ics?sleutel=[verborgen]&b=2 HTTP/1.1"
    assert redact("/businesscases?verdeelsleutel=inwoners") == "/businesscases?verdeelsleutel=inwoners"
