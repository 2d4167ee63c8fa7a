# SPDX-License-Identifier: EUPL-1.2
"""Cluster proposals and fallback pairs with their maps, from the shared cache (goedebuur.common.cache).

The key is the request (a frozen dataclass: every input) and the data version of what the
optimisers read: the Features' version (municipalities, regions, neighbours, councils, the register's
cooperations and memberships; `partners.services.features_version`). An edit of any of those gives a
new key; a refusal (`ClusterError`) is not cached. The pages' result sections are stored rendered
(`proposal_section`, `pairs_section`), per what the viewer may see."""

from __future__ import annotations

import dataclasses

from goedebuur.common import cached
from goedebuur.partners.services import features_version
from goedebuur.profiles import services as profiles

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


def proposal_section(req: services.ClusterRequest, render) -> str:
    """The result section of /clusters, rendered once per request, data version and language
    (`render(proposal, map)` gives its HTML): the same for every viewer, so a logged-in user's page
    costs its header and form, not the template of 342 municipalities in groups."""
    return cached(("clusters-section", _key(req)), features_version, lambda: render(*proposal_with_map(req)))


def pairs_section(req: pairs.PairRequest, landscapes_visible: bool, render) -> str:
    """The result section of /achtervang-koppels (`render(proposal, map)`), once per request, data
    version, language and what the viewer may see: the shared-SaaS warnings read the landscapes,
    which only some viewers may see (`landscapes_visible`), so the profiles' version is part of it."""

    def version():
        return (*features_version(), *profiles.signals_version())

    return cached(
        ("pairs-section", _key(req), landscapes_visible),
        version,
        lambda: render(*fallback_pairs_with_map(req)),
    )


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
