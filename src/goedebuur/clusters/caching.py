# SPDX-License-Identifier: EUPL-1.2
"""Cluster proposals and fallback pairs with their maps, from the shared cache (goedebuur.common.cache).

The key is the request (a frozen dataclass: every input) and the data version of what the
optimisers read: the Features' version (municipalities, regions, neighbours, councils, the register's
cooperations and memberships; `partners.services.features_version`). An edit of any of those gives a
new key; a refusal (`ClusterError`) is not cached."""

from __future__ import annotations

import dataclasses

from goedebuur.common import cached
from goedebuur.partners.services import features_version

from . import maps, pairs, services


def _key(req):
    """The request as a key: a whole number in a float field as a float (the API's default of 5 km
    and the page's 5.0 km are the same request)."""
    return dataclasses.replace(
        req,
        **{
            f.name: float(getattr(req, f.name))
            for f in dataclasses.fields(req)
            if "float" in str(f.type) and type(getattr(req, f.name)) is int
        },
    )


def proposal(req: services.ClusterRequest) -> services.ClusterProposal:
    """`services.propose_clusters(req)`, computed once per request and data version."""
    return cached(("clusters", _key(req)), features_version, lambda: services.propose_clusters(req))


def proposal_with_map(req: services.ClusterRequest):
    """(proposal, map SVG) for the /clusters page."""

    def compute():
        found = proposal(req)  # the same stored proposal the API reads
        return found, maps.cluster_map(found)

    return cached(("clusters-page", _key(req)), features_version, compute)


def fallback_pairs(req: pairs.PairRequest) -> pairs.PairProposal:
    """`pairs.fallback_pairs(req)`, computed once per request and data version."""
    return cached(("pairs", _key(req)), features_version, lambda: pairs.fallback_pairs(req))


def fallback_pairs_with_map(req: pairs.PairRequest):
    """(proposal, map SVG) for the /achtervang-koppels page."""

    def compute():
        found = fallback_pairs(req)  # the same stored pairs the API reads
        return found, maps.pairs_map(found)

    return cached(("pairs-page", _key(req)), features_version, compute)


def warm() -> list[str]:
    """Compute what the pages show before anyone asks for it (their default proposal and pairs, in
    the active language) into the shared cache; returns what was warmed. `goedebuur warm-cache`."""
    from .forms import ClusterForm, PairForm

    warmed = []
    for form_class, page in ((ClusterForm, "/clusters"), (PairForm, "/achtervang-koppels")):
        form = form_class(
            {name: field.initial for name, field in form_class().fields.items() if field.initial is not None}
        )
        if not form.is_valid():
            continue
        try:
            if form_class is ClusterForm:
                proposal_with_map(form.cluster_request())
            else:
                fallback_pairs_with_map(form.pair_request())
        except services.ClusterError:
            continue
        warmed.append(page)
    return warmed
