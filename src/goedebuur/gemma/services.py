# SPDX-License-Identifier: EUPL-1.2
"""Public API of the gemma app: load GEMMA reference components and national facilities,
keeping GEMMA's own ids and statuses. The two models are published here for the apps that list
or link them (`ReferenceComponent`, `NationalFacility`)."""

from django.db import transaction

from goedebuur import data

from .models import NationalFacility, ReferenceComponent


def _score(value: str):
    return int(value) if value else None


@transaction.atomic
def load_gemma() -> dict[str, int]:
    components = data.read_csv("gemma/referentiecomponenten.csv")
    for row in components:
        ReferenceComponent.objects.update_or_create(
            gemma_id=row["id"],
            defaults={
                "archi_id": row["archi_id"],
                "name": row["name"],
                "group": row["group"],
                "status": row["status"],
                "bbn": row["bbn"],
                "beschikbaarheid": _score(row["beschikbaarheid"]),
                "integriteit": _score(row["integriteit"]),
                "vertrouwelijkheid": _score(row["vertrouwelijkheid"]),
                "definition": row["definition"],
                "toelichting": row["toelichting"],
            },
        )
    facilities = data.read_csv("gemma/buitengemeentelijke_voorzieningen.csv")
    for row in facilities:
        NationalFacility.objects.update_or_create(
            gemma_id=row["id"],
            defaults={
                "archi_id": row["archi_id"],
                "name": row["name"],
                "group": row["group"],
                "status": row["status"],
                "definition": row["definition"],
            },
        )
    return {"reference_components": len(components), "national_facilities": len(facilities)}


__all__ = ["NationalFacility", "ReferenceComponent", "load_gemma", "reference_components"]


def reference_components(status: str = ""):
    qs = ReferenceComponent.objects.all()
    return qs.filter(status=status) if status else qs
