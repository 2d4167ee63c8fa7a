# SPDX-License-Identifier: EUPL-1.2
"""openapi.yaml follows the NL API Design Rules, as far as a linter can tell: the rules of the
published Spectral ruleset, checked by tests/api/design_rules.py (offline, no Node; the choice is in
docs/decisions.md). The checker is itself tested: a small valid description passes, and breaking it
in one place makes exactly the rule for that place speak."""

import copy

import pytest

from tests.api.design_rules import ERROR, check
from tests.api.helpers import openapi

API_VERSION = {"API-Version": {"schema": {"type": "string"}}}


def test_openapi_yaml_follows_the_api_design_rules():
    findings = check(copy.deepcopy(openapi()))
    assert not findings, "NL API Design Rules:\n" + "\n".join(map(str, findings))


def valid() -> dict:
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Dingen",
            "version": "1.0.0",
            "contact": {"name": "Beheer", "email": "api@voorbeeld.nl", "url": "https://voorbeeld.nl"},
        },
        "servers": [{"url": "/api/v1"}],
        "tags": [{"name": "dingen"}],
        "paths": {
            "/dingen/{id}": {
                "get": {
                    "operationId": "dingen_retrieve",
                    "parameters": [
                        {"in": "path", "name": "id", "required": True, "schema": {"type": "integer"}},
                        {"in": "query", "name": "pageSize", "schema": {"type": "integer"}},
                    ],
                    "responses": {
                        "200": {
                            "description": "Het ding.",
                            "headers": API_VERSION,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Ding"},
                                    "example": {"geboorteDatum": "2020-01-31"},
                                }
                            },
                        },
                        "400": {"description": "Fout.", "content": problem},
                        "503": {"$ref": "#/components/responses/ServiceUnavailable"},
                    },
                },
                "delete": {
                    "operationId": "dingen_destroy",
                    "parameters": [
                        {"in": "path", "name": "id", "required": True, "schema": {"type": "integer"}}
                    ],
                    "responses": {
                        "204": {"description": "Weg.", "headers": API_VERSION},
                        "400": {"description": "Fout.", "content": problem},
                    },
                },
            }
        },
        "components": {
            "schemas": {
                "Ding": {
                    "type": "object",
                    "properties": {
                        "geboorteDatum": {"type": "string", "format": "date"},
                        "gewijzigdOp": {"type": "string", "format": "date-time"},
                        "bron": {"type": "string", "format": "uri", "default": "https://voorbeeld.nl"},
                    },
                },
                "Problem": {
                    "type": "object",
                    "properties": {
                        "status": {"type": "integer"},
                        "title": {"type": "string"},
                        "detail": {"type": "string"},
                    },
                },
            },
            "responses": {
                "ServiceUnavailable": {"description": "Even niet.", "content": problem},
            },
        },
    }


def get(doc):
    return doc["paths"]["/dingen/{id}"]["get"]


def schema(doc, name="Ding"):
    return doc["components"]["schemas"][name]


BREAKS = {
    "invalid-ref": lambda d: get(d)["responses"].update({"404": {"$ref": "#/components/responses/Weg"}}),
    "oas3-schema": lambda d: d["info"].pop("title"),
    "operation-operationId-unique": lambda d: d["paths"]["/dingen/{id}"]["delete"].update(
        operationId="dingen_retrieve"
    ),
    "path-params": lambda d: get(d)["parameters"].pop(0),
    "openapi-tags-uniqueness": lambda d: d["tags"].append({"name": "dingen"}),
    "oas3-valid-media-example": lambda d: get(d)["responses"]["200"]["content"]["application/json"].update(
        example={"geboorteDatum": 12}
    ),
    "oas3-valid-schema-example": lambda d: schema(d)["properties"]["bron"].update(default=""),
    "oas3-server-variables": lambda d: d["servers"][0].update(url="/api/{versie}"),
    "oas3-api-servers": lambda d: d.pop("servers"),
    "nlgov:paths-no-trailing-slash": lambda d: d["paths"].update({"/dingen/": {}}),
    "nlgov:openapi3": lambda d: d.update(openapi="2.0"),
    "nlgov:missing-header": lambda d: get(d)["responses"]["200"].pop("headers"),
    "nlgov:missing-version-header": lambda d: get(d)["responses"]["200"].update(
        headers={"ETag": {"schema": {"type": "string"}}}
    ),
    "nlgov:include-major-version-in-uri": lambda d: d["servers"][0].update(url="/api"),
    "info-contact": lambda d: d["info"].pop("contact"),
    "nlgov:info-contact-fields-exist": lambda d: d["info"]["contact"].pop("email"),
    "nlgov:http-methods": lambda d: d["paths"]["/dingen/{id}"].update(
        {"trace": {"responses": {"200": {"description": "x", "headers": API_VERSION}}}}
    ),
    "nlgov:paths-kebab-case": lambda d: d["paths"].update({"/grote_dingen": d["paths"].pop("/dingen/{id}")}),
    "nlgov:query-keys-camel-case": lambda d: get(d)["parameters"][1].update(name="page_size"),
    "nlgov:schema-camel-case": lambda d: d["components"]["schemas"].update(ding_lijst={"type": "object"}),
    "nlgov:servers-use-https": lambda d: d["servers"][0].update(url="http://voorbeeld.nl/api/v1"),
    "nlgov:use-problem-schema": lambda d: get(d)["responses"]["400"].update(
        content={"application/json": {"schema": {"type": "object"}}}
    ),
    "nlgov:problem-schema-members": lambda d: schema(d, "Problem")["properties"].pop("detail"),
    "nlgov:problem-invalid-input": lambda d: d["paths"]["/dingen/{id}"]["delete"]["responses"].pop("400"),
    "nlgov:property-casing": lambda d: schema(d)["properties"].update(_Links={"type": "object"}),
    "nlgov:date-time-ensure-timezone": lambda d: schema(d)["properties"]["gewijzigdOp"].update(
        format="date-time-local"
    ),
    "nlgov:time-without-timezone": lambda d: schema(d)["properties"].update(
        tijd={"type": "string", "format": "time"}
    ),
    "nlgov:specify-format-for-date-and-time": lambda d: schema(d)["properties"]["geboorteDatum"].pop(
        "format"
    ),
    "nlgov:use-date-instead-of-datetime": lambda d: schema(d)["properties"]["geboorteDatum"].update(
        format="date-time"
    ),
    "nlgov:semver": lambda d: d["info"].update(version="1.0"),
}


def test_the_checker_finds_nothing_in_a_valid_description():
    assert check(valid()) == []


@pytest.mark.parametrize("rule", list(BREAKS))
def test_the_checker_names_the_rule_that_is_broken(rule):
    document = valid()
    BREAKS[rule](document)
    findings = check(document)
    assert rule in {finding.rule for finding in findings}, findings


def test_the_checker_treats_only_the_published_warnings_as_warnings():
    warnings = {"nlgov:schema-camel-case", "nlgov:servers-use-https", "nlgov:property-casing"}
    for rule in BREAKS:
        document = valid()
        BREAKS[rule](document)
        for finding in check(document):
            if finding.rule == rule:
                assert (finding.severity == ERROR) is (rule not in warnings), finding
