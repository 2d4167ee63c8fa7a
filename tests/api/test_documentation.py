# SPDX-License-Identifier: EUPL-1.2
from pathlib import Path

import yaml
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def test_it_serves_the_openapi_document_as_yaml(api_client):
    response = api_client.get("/api/v1/openapi.yaml")
    assert response.status_code == 200
    assert response["API-Version"] == settings.API_VERSION
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    assert "/samenwerkingen/{slug}/versies/{versieId}/herstellen" in schema["paths"]


def test_it_serves_the_openapi_document_as_json_too(api_client):
    response = api_client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Goede Buur API"


def test_it_serves_a_browsable_documentation_page_without_external_assets(api_client):
    response = api_client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html
    script = api_client.get("/api/v1/docs?script=").content.decode()  # the init script (no inline JS)
    assert "/api/v1/openapi.yaml" in script


def test_it_uses_no_trailing_slashes_and_kebab_case_paths(api_client):
    schema = yaml.safe_load(api_client.get("/api/v1/openapi.yaml").content)
    for path in schema["paths"]:
        assert not path.endswith("/"), path
        static = [part for part in path.split("/") if part and not part.startswith("{")]
        assert all(part == part.lower() and "_" not in part for part in static), path


def test_it_uses_lower_camel_case_query_parameters(api_client):
    schema = yaml.safe_load(api_client.get("/api/v1/openapi.yaml").content)
    names = {
        parameter["name"]
        for operations in schema["paths"].values()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query"
    }
    assert {"pageSize", "alleenMetSamenwerkingen", "provincie"} <= names
    assert all(name[0].islower() and "_" not in name and "-" not in name for name in names)


def test_it_documents_every_endpoint_in_docs_api_md():
    schema = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    docs = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method in operations
        if f"`{method.upper()} {path.removeprefix('/api/v1')}`" not in docs
    ]
    assert not missing, f"describe these operations in docs/api.md: {missing}"


def test_it_announces_the_same_version_in_the_header_and_the_openapi_document():
    assert settings.API_VERSION == settings.SPECTACULAR_SETTINGS["VERSION"]


def test_it_names_the_server_with_the_major_version_and_paths_relative_to_it(api_client):
    """NL API Design Rules /core/uri-version: the server URL carries `/v1`; the paths follow it."""
    schema = yaml.safe_load(api_client.get("/api/v1/openapi.yaml").content)
    assert [server["url"] for server in schema["servers"]] == ["/api/v1"]
    assert "/gemeenten" in schema["paths"]
    assert not any(path.startswith("/api/") for path in schema["paths"])
    assert api_client.get(schema["servers"][0]["url"] + "/gemeenten").status_code == 200


def test_it_names_a_contact_with_name_email_and_url(api_client):
    """NL API Design Rules /core/doc-openapi-contact."""
    contact = yaml.safe_load(api_client.get("/api/v1/openapi.yaml").content)["info"]["contact"]
    assert contact == {
        "name": settings.SPECTACULAR_SETTINGS["CONTACT"]["name"],
        "email": settings.SPECTACULAR_SETTINGS["CONTACT"]["email"],
        "url": settings.SPECTACULAR_SETTINGS["CONTACT"]["url"],
    }
    assert all(contact.values())


def test_every_reference_points_to_a_component_the_document_defines():
    """A hand-written `$ref` (in `extend_schema_field`) once named `Blokkade`, which was never generated."""
    schema = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))

    def references(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref":
                    yield value
                else:
                    yield from references(value)
        elif isinstance(node, list):
            for value in node:
                yield from references(value)

    found = set(references(schema))
    assert "#/components/schemas/Blokkade" in found
    dangling = set()
    for ref in found:
        node = schema
        for part in ref.removeprefix("#/").split("/"):
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            dangling.add(ref)
    assert not dangling, f"openapi.yaml refers to what it does not define: {sorted(dangling)}"
