# SPDX-License-Identifier: EUPL-1.2
"""Every URL route of the platform, with a concrete example URL built from the demo data."""

from django.urls import URLResolver, get_resolver

# Django's own admin has its own permission system (staff only) and hundreds of routes: one entry covers it.
SKIPPED_PREFIXES = ("beheer/",)
CATCH_ALL = r"api/v1/^[\s\S]*$"


def all_routes() -> list[str]:
    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            else:
                yield route

    routes = [r for r in walk(get_resolver().url_patterns) if not r.startswith(SKIPPED_PREFIXES)]
    return sorted(set(routes) | {"beheer/"})


def example_url(route: str, samples: dict[str, str]) -> str | None:
    """The route with each parameter replaced by its sample (regex routes of the API router included);
    None when a parameter has no sample."""
    import re

    if route == CATCH_ALL:
        return "/api/v1/bestaat-niet"
    if route in samples:  # a whole example URL, e.g. with the query string the page needs
        return samples[route]
    path = route.replace("^", "").replace("$", "")
    for name in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)", path):
        key = next(part for part in name if part)
        area = path.split("/")[0] if not path.startswith("api/") else path.split("/")[2]
        value = samples.get(f"{route}|{key}", samples.get(f"{area}.{key}", samples.get(key)))
        if value is None:
            return None
        path = re.sub(rf"<(?:\w+:)?{key}>|\(\?P<{key}>[^)]*\)", str(value), path, count=1)
    return "/" + path
