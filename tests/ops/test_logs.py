# SPDX-License-Identifier: EUPL-1.2
import json
import logging

import pytest

from goedebuur.ops.logs import JsonFormatter


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
