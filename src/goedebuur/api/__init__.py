# SPDX-License-Identifier: EUPL-1.2
"""The shared NL API toolkit (problem+json, version header, pagination, authentication, schema
hooks, renderers, revision checks) and the v1 URL root. Each app's `api` module holds its own
serializers and views and imports what it needs of the toolkit from here:

    from goedebuur.api import ApiViewMixin, revision_field

The names are loaded on first use (PEP 562), so that importing this package while Django starts
(it is an installed app) loads nothing that needs the app registry."""

from importlib import import_module

_TOOLKIT = {
    "AnonymousCacheMixin": "base",
    "ApiViewMixin": "base",
    "ReadOnlyApiViewMixin": "base",
    "NotFoundView": "base",
    "PageLinkField": "base",
    "MappedChoiceField": "base",
    "absolute_url": "base",
    "PageNumberPagination": "pagination",
    "page_parameters": "pagination",
    "ReadAnyoneWriteAuthenticated": "permissions",
    "JSONParser": "parsers",
    "PROBLEM_CONTENT_TYPE": "problems",
    "ProblemResponse": "problems",
    "problem": "problems",
    "api_detail": "refusals",
    "field_names": "refusals",
    "refused": "refusals",
    "GEOJSON_CONTENT_TYPE": "renderers",
    "GeoJSONRenderer": "renderers",
    "check_if_match": "revisions",
    "conflict_error": "revisions",
    "revision_etag": "revisions",
    "revision_field": "revisions",
    "RevisionCheckedMixin": "revisions",
    "PreconditionFailed": "revisions",
    "ApiAutoSchema": "schema",
    "ProblemSerializer": "schema",
    "IF_MATCH_HEADER": "schema",
    "ETAG_HEADER": "schema",
    "API_VERSION_HEADER": "schema",
}

__all__ = sorted(_TOOLKIT)


def __getattr__(name):
    module = _TOOLKIT.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
