# SPDX-License-Identifier: EUPL-1.2
"""Dutch explanations for cluster users: why bounds are infeasible, which groups break them."""

from __future__ import annotations

from django.utils.translation import gettext as _

from goedebuur.common import number
from goedebuur.core.clusters import optimiser as clustering

from .inputs import ClusterError


def _infeasible_message(error: clustering.Infeasible, req, names, blocks, report) -> ClusterError:
    d = error.details
    what = d.get("what")
    if error.reason == "min_above_max":
        if what == "count":
            return ClusterError(
                "max_count", _("Het maximum aantal gemeenten per groep is kleiner dan het minimum.")
            )
        return ClusterError(
            "max_population", _("Het maximum aantal inwoners per groep is kleiner dan het minimum.")
        )
    if error.reason == "municipality_too_large":
        return ClusterError(
            "max_population",
            _(
                "%(name)s heeft alleen al %(pop)s inwoners, meer dan het maximum van %(max)s inwoners per groep."
            )
            % {"name": names[d["index"]], "pop": number(d["population"]), "max": number(req.max_population)},
        )
    if error.reason == "block_too_large":
        kept = [c for c in report if c.kept]
        block = blocks[d["block"]]
        cooperation_names = [c.name for c in kept if set(c.members) & {names[i] for i in block}]
        label = " + ".join(cooperation_names) or _("een bestaande samenwerking")
        if what == "count":
            return ClusterError(
                "max_count",
                _(
                    "De bestaande samenwerking %(name)s telt in dit gebied %(count)s gemeenten, meer dan het "
                    "maximum van %(max)s per groep. Verhoog het maximum of zet bestaande samenwerkingen niet vast."
                )
                % {"name": label, "count": d["count"], "max": req.max_count},
            )
        return ClusterError(
            "max_population",
            _(
                "De bestaande samenwerking %(name)s telt %(pop)s inwoners, meer dan het maximum van %(max)s "
                "per groep. Verhoog het maximum of zet bestaande samenwerkingen niet vast."
            )
            % {"name": label, "pop": number(d["population"]), "max": number(req.max_population)},
        )
    if error.reason == "component_too_small":
        members = ", ".join(names[i] for i in d["members"][:8])
        if what == "count":
            return ClusterError(
                "min_count",
                _(
                    "Een deel van het gebied hangt niet samen met de rest (%(members)s) en telt maar %(count)s "
                    "gemeenten, minder dan het minimum van %(min)s per groep."
                )
                % {"members": members, "count": d["count"], "min": req.min_count},
            )
        return ClusterError(
            "min_population",
            _(
                "Een deel van het gebied (%(members)s) telt maar %(pop)s inwoners, minder dan het minimum "
                "van %(min)s per groep."
            )
            % {"members": members, "pop": number(d["population"]), "min": number(req.min_population)},
        )
    if error.reason == "no_group_count":
        return ClusterError(
            "max_count",
            _(
                "Het gebied (of een los deel ervan, %(count)s gemeenten) is met deze grenzen niet in groepen te "
                "verdelen: verruim het minimum of het maximum per groep."
            )
            % {"count": len(d["component"])},
        )
    return ClusterError(
        "groups",
        _("Met deze grenzen kan het gebied in %(low)s tot %(high)s groepen; u vroeg er %(k)s.")
        % {"low": d["min_groups"], "high": d["max_groups"], "k": d["requested"]},
    )


def _violation_text(v: clustering.Violation) -> str:
    texts = {
        "min_count": _("groep %(g)s telt %(v)s gemeenten, minder dan het minimum van %(b)s"),
        "max_count": _("groep %(g)s telt %(v)s gemeenten, meer dan het maximum van %(b)s"),
        "min_population": _("groep %(g)s telt %(v)s inwoners, minder dan het minimum van %(b)s"),
        "max_population": _("groep %(g)s telt %(v)s inwoners, meer dan het maximum van %(b)s"),
        "disconnected": _("groep %(g)s hangt niet aaneen"),
    }
    return texts[v.what] % {"g": v.group + 1, "v": number(v.value), "b": number(v.bound)}
