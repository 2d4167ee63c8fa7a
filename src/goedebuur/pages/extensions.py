# SPDX-License-Identifier: EUPL-1.2
"""Extension points that capability apps fill without editing shared views or templates.

- `<app>.dashboard.sections(user) -> list[Section]`: blocks on the personal dashboard (/mijn-overzicht).
- `<app>.panels.municipality_panels(request, municipality) -> list[str]`,
  `<app>.panels.businesscase_panels(request, case) -> list[str]` and
  `<app>.panels.cooperation_panels(request, cooperation) -> list[str]`: rendered HTML fragments shown
  on the municipality and cooperation pages (template tag `{% panels "municipality" municipality %}`).

A function must apply its own visibility rules: it gets the viewer and shows only what they may see."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import import_module
from types import ModuleType

from django.apps import apps


@dataclass(frozen=True)
class DashboardItem:
    text: str
    url: str = ""
    note: str = ""
    urgent: bool = False  # overdue or blocking: shown first and highlighted


@dataclass(frozen=True)
class Section:
    title: str
    items: list[DashboardItem] = field(default_factory=list)
    empty_text: str = ""
    more_url: str = ""
    more_text: str = ""
    order: int = 100


def app_modules(name: str) -> Iterator[ModuleType]:
    """`goedebuur.<app>.<name>` for every installed Goede Buur app that has one, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        if not config.name.startswith("goedebuur."):
            continue
        module_name = f"{config.name}.{name}"
        try:
            yield import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise


def dashboard_sections(user) -> list[Section]:
    sections = [s for module in app_modules("dashboard") for s in module.sections(user)]
    return sorted(sections, key=lambda s: s.order)


def panels(kind: str, request, obj) -> list[str]:
    function = f"{kind}_panels"
    return [
        html
        for module in app_modules("panels")
        if hasattr(module, function)
        for html in getattr(module, function)(request, obj)
        if html
    ]
