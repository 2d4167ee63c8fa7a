# SPDX-License-Identifier: EUPL-1.2
"""A checker for the NL API Design Rules (ADR 2.x) that can be checked in an OpenAPI 3 description:
the rules of the Spectral ruleset published with the standard (Logius, "API Design Rules linter",
hosted by Developer Overheid), written again in Python so that the suite runs offline, without Node,
on a fresh clone (docs/decisions.md, "Checking the API Design Rules").

Each rule keeps the name it has in that ruleset, and its severity. `check(document)` returns the
findings; run it on a file with

    python -m tests.api.design_rules openapi.yaml

Rules (ADR module in brackets):
  errors:   invalid-ref (Spectral's resolver), oas3-schema, operation-operationId-unique, path-params, openapi-tags-uniqueness,
            oas3-valid-media-example, oas3-valid-schema-example, oas3-server-variables,
            oas3-api-servers [/core/publish-openapi]; path-keys-no-trailing-slash,
            nlgov:paths-no-trailing-slash [/core/no-trailing-slash]; nlgov:openapi3,
            nlgov:openapi-root-exists [/core/doc-openapi]; nlgov:missing-version-header,
            nlgov:missing-header [/core/version-header]; nlgov:include-major-version-in-uri
            [/core/uri-version]; info-contact, nlgov:info-contact-fields-exist
            [/core/doc-openapi-contact]; nlgov:http-methods [/core/http-methods];
            nlgov:paths-kebab-case [/core/path-segments-kebab-case]; nlgov:query-keys-camel-case
            [/core/query-keys-camel-case]; nlgov:use-problem-schema, nlgov:problem-schema-members
            [/core/error-handling/problem-details]; nlgov:problem-invalid-input
            [/core/error-handling/invalid-input]; nlgov:date-time-ensure-timezone,
            nlgov:time-without-timezone [/core/date-time/timezone];
            nlgov:specify-format-for-date-and-time, nlgov:use-date-instead-of-datetime
            [/core/date-time/date-omit-time-portion]; nlgov:semver [/core/semver]
  warnings: nlgov:schema-camel-case, nlgov:servers-use-https, nlgov:property-casing
"""

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

ERROR, WARNING = "error", "warning"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
STANDARD_METHODS = {"get", "post", "put", "patch", "delete"}
PATH_ITEM_FIELDS = {"summary", "description", "servers", "parameters", "$ref"}
SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)
# A path: `/`, or segments that are kebab-case words (dots allowed after the first) or `{variables}`,
# optionally ending in one `/_word` segment (the ADR's allowance for e.g. `/_zoek`).
SEGMENT = r"(?:[a-z0-9-]+|\{[^}]+\})"
KEBAB_PATH = re.compile(rf"^(?:/|/_[a-z0-9]+|/{SEGMENT}(?:/(?:[a-z0-9.-]+|\{{[^}}]+\}}))*(?:/_[a-z]+)?/?)$")
LOWER_CAMEL = re.compile(r"^\$?[a-z][a-z\d]*([A-Z][a-z\d]*)*$")
UPPER_CAMEL = re.compile(r"^[A-Z][a-zA-Z0-9]*$")
DATE_NAME = re.compile(r"((\w+D)|(_[dD]))((ate)|(atum))")
VERSION_HEADERS = {"API-Version", "Api-Version", "Api-version", "api-version", "API-version"}
PROBLEM_TYPES = ("application/problem+json", "application/problem+xml")


# Formats checked in examples and defaults: jsonschema's own, and `uri` and `date-time` (which it
# checks only with extra packages installed): an absolute URI has a scheme; a date-time is RFC 3339.
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("date-time")
def _is_date_time(value) -> bool:
    pattern = r"^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$"
    return not isinstance(value, str) or re.match(pattern, value) is not None


@FORMATS.checks("uri")
def _is_uri(value) -> bool:
    return not isinstance(value, str) or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$", value) is not None


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    where: str
    message: str

    def __str__(self):
        return f"{self.severity:7} {self.rule:40} {self.where}: {self.message}"


class Checker:
    def __init__(self, document: dict):
        self.doc = document
        self.findings: list[Finding] = []

    def report(self, rule, severity, where, message):
        self.findings.append(Finding(rule, severity, where, message))

    # --- navigation ----------------------------------------------------------------------------

    def resolve(self, node, seen=()):
        """Follow a local `$ref` (also a chain of them); None when it points nowhere."""
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if ref in seen or not ref.startswith("#/"):
                return None
            seen = (*seen, ref)
            node = self.doc
            for part in ref[2:].split("/"):
                part = part.replace("~1", "/").replace("~0", "~")
                node = node.get(part) if isinstance(node, dict) else None
                if node is None:
                    return None
        return node

    def operations(self):
        for path, item in (self.doc.get("paths") or {}).items():
            if not isinstance(item, dict):
                continue
            for method, operation in item.items():
                if method in METHODS and isinstance(operation, dict):
                    yield path, method, item, operation

    def responses(self):
        """(where, code, response) for every response of every operation and of components."""
        for path, method, _item, operation in self.operations():
            for code, response in (operation.get("responses") or {}).items():
                yield f"{method.upper()} {path} {code}", str(code), self.resolve(response) or {}

    def walk(self, node, where="$"):
        """Every (where, node) pair in the unresolved document, depth first."""
        yield where, node
        if isinstance(node, dict):
            for key, value in node.items():
                yield from self.walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from self.walk(value, f"{where}[{index}]")

    def properties(self):
        """(where, name, schema) for every property of every schema in the document."""
        for where, node in self.walk(self.doc):
            if (
                isinstance(node, dict)
                and isinstance(node.get("properties"), dict)
                and not where.endswith(".properties")
            ):
                for name, schema in node["properties"].items():
                    if isinstance(schema, dict):
                        yield f"{where}.properties.{name}", name, schema

    # --- the rules -------------------------------------------------------------------------------

    def check(self) -> list[Finding]:
        for rule in (
            self.openapi_version,
            self.references,
            self.schema_validity,
            self.operation_ids,
            self.path_parameters,
            self.tags,
            self.examples,
            self.servers,
            self.trailing_slashes,
            self.version_header,
            self.contact,
            self.http_methods,
            self.kebab_case_paths,
            self.camel_case_query_keys,
            self.schema_names,
            self.problem_details,
            self.invalid_input,
            self.property_casing,
            self.dates_and_times,
            self.semver,
        ):
            rule()
        return self.findings

    def openapi_version(self):
        if not self.doc.get("openapi"):
            self.report("nlgov:openapi-root-exists", ERROR, "$", "The root must contain `openapi`.")
        elif not re.match(r"^3(.\d+){1,2}$", str(self.doc["openapi"])):
            self.report("nlgov:openapi3", ERROR, "$.openapi", "Use OpenAPI 3 (`3.x.y`).")

    def references(self):
        """Spectral's resolver reports a `$ref` that points nowhere (`invalid-ref`) before any rule."""
        for where, node in self.walk(self.doc):
            if isinstance(node, dict) and isinstance(node.get("$ref"), str) and self.resolve(node) is None:
                self.report("invalid-ref", ERROR, where, f"{node['$ref']} does not exist.")

    def schema_validity(self):
        """The document against the JSON Schema of OpenAPI 3.0 (the copy drf-spectacular ships)."""
        import drf_spectacular.validation

        if not str(self.doc.get("openapi", "")).startswith("3.0"):
            return
        spec = json.loads(
            (Path(drf_spectacular.validation.__file__).parent / "openapi_3_0_schema.json").read_text()
        )
        for error in jsonschema.Draft4Validator(spec).iter_errors(self.doc):
            where = "$" + "".join(f"[{p!r}]" for p in error.absolute_path)
            self.report("oas3-schema", ERROR, where, error.message[:200])

    def operation_ids(self):
        seen = {}
        for path, method, _item, operation in self.operations():
            operation_id = operation.get("operationId")
            if operation_id in seen:
                self.report(
                    "operation-operationId-unique",
                    ERROR,
                    f"{method.upper()} {path}",
                    f"operationId {operation_id} is also used by {seen[operation_id]}.",
                )
            seen.setdefault(operation_id, f"{method.upper()} {path}")

    def path_parameters(self):
        templates = {}
        for path, item in (self.doc.get("paths") or {}).items():
            names = re.findall(r"{([^}]+)}", path)
            template = re.sub(r"{[^}]+}", "{}", path)
            if template in templates:
                self.report("path-params", ERROR, path, f"Equivalent to {templates[template]}.")
            templates.setdefault(template, path)
            if len(names) != len(set(names)):
                self.report("path-params", ERROR, path, "A path variable is used twice.")
            shared = [self.resolve(p) or {} for p in item.get("parameters", [])]
            for method in (m for m in item if m in METHODS):
                parameters = shared + [self.resolve(p) or {} for p in item[method].get("parameters", [])]
                declared = [p.get("name") for p in parameters if p.get("in") == "path"]
                for name in names:
                    if name not in declared:
                        self.report(
                            "path-params", ERROR, f"{method.upper()} {path}", f"`{name}` is not declared."
                        )
                for parameter in parameters:
                    if parameter.get("in") == "path":
                        if parameter.get("name") not in names:
                            self.report(
                                "path-params",
                                ERROR,
                                f"{method.upper()} {path}",
                                f"Path parameter `{parameter.get('name')}` is not in the path.",
                            )
                        elif parameter.get("required") is not True:
                            self.report(
                                "path-params",
                                ERROR,
                                f"{method.upper()} {path}",
                                f"Path parameter `{parameter.get('name')}` must be required.",
                            )

    def tags(self):
        names = [tag.get("name") for tag in self.doc.get("tags") or []]
        for name in {n for n in names if names.count(n) > 1}:
            self.report("openapi-tags-uniqueness", ERROR, "$.tags", f"Tag `{name}` is defined twice.")

    def examples(self):
        for where, node in self.walk(self.doc):
            if not isinstance(node, dict) or not isinstance(node.get("schema"), dict):
                continue
            if not re.search(r"\.content\.[^.]+$", where):
                continue
            values = [("example", node["example"])] if "example" in node else []
            values += [
                (f"examples.{name}", example["value"])
                for name, example in (node.get("examples") or {}).items()
                if isinstance(example, dict) and "value" in example
            ]
            for label, value in values:
                self.validate_value("oas3-valid-media-example", f"{where}.{label}", node["schema"], value)
        for where, node in self.walk(
            self.doc.get("components", {}).get("schemas", {}), "$.components.schemas"
        ):
            if (
                isinstance(node, dict)
                and "$ref" not in node
                and where.rsplit(".", 1)[-1] not in ("properties",)
            ):
                for keyword in ("example", "default"):
                    if keyword in node and not isinstance(node.get("properties", {}).get(keyword), dict):
                        self.validate_value(
                            "oas3-valid-schema-example", f"{where}.{keyword}", node, node[keyword], keyword
                        )

    def validate_value(self, rule, where, schema, value, keyword=None):
        schema = self.json_schema(schema, drop=keyword)
        validator = jsonschema.Draft4Validator(schema, format_checker=FORMATS)
        error = jsonschema.exceptions.best_match(validator.iter_errors(value))
        if error is not None:
            self.report(rule, ERROR, where, f"{value!r} does not fit its schema: {error.message[:150]}")

    def json_schema(self, schema, drop=None, depth=0):
        """An OpenAPI 3.0 schema as JSON Schema (draft 4): references inlined, `nullable` as a type."""
        schema = self.resolve(schema) or {}
        if depth > 20 or not isinstance(schema, dict):
            return {}
        result = {}
        for key, value in schema.items():
            if key in ("nullable", "readOnly", "writeOnly", "example", "discriminator", "xml", drop):
                continue
            if key == "properties":
                result[key] = {k: self.json_schema(v, depth=depth + 1) for k, v in value.items()}
            elif key in ("items", "additionalProperties", "not") and isinstance(value, dict):
                result[key] = self.json_schema(value, depth=depth + 1)
            elif key in ("oneOf", "anyOf", "allOf"):
                result[key] = [self.json_schema(v, depth=depth + 1) for v in value]
            else:
                result[key] = value
        if schema.get("nullable"):
            if "type" in result:
                result["type"] = [result["type"], "null"]
            if "enum" in result:
                result["enum"] = [*result["enum"], None]
        return result

    def servers(self):
        servers = self.doc.get("servers")
        if not isinstance(servers, list) or not servers:
            self.report("oas3-api-servers", ERROR, "$.servers", "Define at least one server.")
            return
        for index, server in enumerate(servers):
            url = server.get("url") if isinstance(server, dict) else None
            where = f"$.servers[{index}]"
            if not url:
                self.report("oas3-api-servers", ERROR, where, "A server needs a `url`.")
                continue
            for name in re.findall(r"{([^}]+)}", url):
                if name not in (server.get("variables") or {}):
                    self.report("oas3-server-variables", ERROR, where, f"Variable `{name}` is not defined.")
            if not re.search(r"/v[\d+]", url):
                self.report(
                    "nlgov:include-major-version-in-uri",
                    ERROR,
                    where,
                    "Include the major version in the URI.",
                )
            if url.startswith("http://"):
                self.report("nlgov:servers-use-https", WARNING, where, f"Server URL {url} uses http.")

    def trailing_slashes(self):
        for path in self.doc.get("paths") or {}:
            if len(path) > 1 and path.endswith("/"):
                self.report("path-keys-no-trailing-slash", ERROR, path, "Leave off trailing slashes.")
                self.report("nlgov:paths-no-trailing-slash", ERROR, path, "Leave off trailing slashes.")

    def version_header(self):
        for where, code, response in self.responses():
            if not re.match(r"^[23]\d\d$", code):
                continue
            headers = response.get("headers")
            if not headers:
                self.report(
                    "nlgov:missing-header", ERROR, where, "Return the full version in a response header."
                )
            elif not VERSION_HEADERS & set(headers):
                self.report(
                    "nlgov:missing-version-header", ERROR, where, "Return the full version in `API-Version`."
                )

    def contact(self):
        contact = (self.doc.get("info") or {}).get("contact")
        if not contact:
            self.report("info-contact", ERROR, "$.info", 'Info object must have a "contact" object.')
            return
        missing = [field for field in ("email", "name", "url") if not contact.get(field)]
        if missing:
            self.report(
                "nlgov:info-contact-fields-exist",
                ERROR,
                "$.info.contact",
                f"Missing fields: {', '.join(missing)}.",
            )

    def http_methods(self):
        for path, item in (self.doc.get("paths") or {}).items():
            for key in item:
                if key not in STANDARD_METHODS and key not in PATH_ITEM_FIELDS:
                    self.report(
                        "nlgov:http-methods", ERROR, f"{path}.{key}", "Only apply standard HTTP methods."
                    )

    def kebab_case_paths(self):
        for path in self.doc.get("paths") or {}:
            if re.search(r"/openapi\.(json|yaml)", path):
                continue
            if not KEBAB_PATH.match(path):
                self.report("nlgov:paths-kebab-case", ERROR, path, f"{path} is not kebab-case.")

    def camel_case_query_keys(self):
        for path, method, item, operation in self.operations():
            for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
                parameter = self.resolve(parameter) or {}
                if parameter.get("in") == "query" and not LOWER_CAMEL.match(str(parameter.get("name"))):
                    self.report(
                        "nlgov:query-keys-camel-case",
                        ERROR,
                        f"{method.upper()} {path}",
                        f"{parameter.get('name')} is not lower camelCase.",
                    )
        for name, scheme in (self.doc.get("components", {}).get("securitySchemes") or {}).items():
            if scheme.get("in") == "query" and not LOWER_CAMEL.match(str(scheme.get("name"))):
                self.report(
                    "nlgov:query-keys-camel-case",
                    ERROR,
                    name,
                    f"{scheme.get('name')} is not lower camelCase.",
                )

    def schema_names(self):
        for name in self.doc.get("components", {}).get("schemas") or {}:
            if not UPPER_CAMEL.match(name):
                self.report(
                    "nlgov:schema-camel-case", WARNING, f"$.components.schemas.{name}", "Use UpperCamelCase."
                )

    def problem_details(self):
        for where, code, response in self.responses():
            if not re.match(r"^[45]\d\d$", code) or "content" not in response:
                continue
            content = response["content"] or {}
            if not any(media in content for media in PROBLEM_TYPES):
                self.report(
                    "nlgov:use-problem-schema",
                    ERROR,
                    where,
                    "Errors are application/problem+json (RFC 9457).",
                )
            for media in PROBLEM_TYPES:
                if media in content:
                    schema = self.resolve(content[media].get("schema")) or {}
                    missing = {"status", "title", "detail"} - set(schema.get("properties") or {})
                    if missing:
                        self.report(
                            "nlgov:problem-schema-members",
                            ERROR,
                            where,
                            f"The problem lacks {sorted(missing)}.",
                        )

    def invalid_input(self):
        for path, method, item, operation in self.operations():
            parameters = [*item.get("parameters", []), *operation.get("parameters", [])]
            if (method in ("get", "delete") and parameters) or method in ("put", "post", "patch"):
                if "400" not in (operation.get("responses") or {}):
                    self.report(
                        "nlgov:problem-invalid-input",
                        ERROR,
                        f"{method.upper()} {path}",
                        "It takes input, so it must be able to answer 400.",
                    )

    def property_casing(self):
        for where, name, _schema in self.properties():
            if re.search(r"_links", name, re.IGNORECASE) and not re.match(r"^[a-z][a-zA-Z0-9]*$", name):
                self.report("nlgov:property-casing", WARNING, where, "Properties must be lowerCamelCase.")

    def dates_and_times(self):
        for where, name, schema in self.properties():
            form = schema.get("format")
            if form == "date-time-local":
                self.report(
                    "nlgov:date-time-ensure-timezone", ERROR, where, "Use a date-time with a time zone."
                )
            if form == "time":
                self.report(
                    "nlgov:time-without-timezone", ERROR, where, "Use time-local, without a time zone."
                )
            if name in ("date", "datum") or DATE_NAME.search(name):
                formats = [form, *[(self.resolve(s) or {}).get("format") for s in schema.get("allOf", [])]]
                if not any(formats):
                    self.report(
                        "nlgov:specify-format-for-date-and-time",
                        ERROR,
                        where,
                        "A date field sets `format: date`.",
                    )
                if "date-time" in formats:
                    self.report(
                        "nlgov:use-date-instead-of-datetime",
                        ERROR,
                        where,
                        f"`{name}` is named as a date but is a date-time: a date has `format: date`.",
                    )

    def semver(self):
        version = str((self.doc.get("info") or {}).get("version", ""))
        if not SEMVER.match(version):
            self.report(
                "nlgov:semver", ERROR, "$.info.version", f"Version {version} is not in semver format."
            )


def check(document: dict) -> list[Finding]:
    return Checker(document).check()


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "openapi.yaml")
    findings = check(yaml.safe_load(path.read_text(encoding="utf-8")))
    for finding in findings:
        print(finding)
    print(
        f"{sum(f.severity == ERROR for f in findings)} errors, {sum(f.severity == WARNING for f in findings)} warnings"
    )
    sys.exit(1 if any(f.severity == ERROR for f in findings) else 0)
