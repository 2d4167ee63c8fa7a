# SPDX-License-Identifier: EUPL-1.2
"""Requests on the full demo data (tests/demo_data.py): API tokens of the demo accounts and real
records for the path parameters of every operation in openapi.yaml. Used by the fuzz run and by the
tests that loop over every operation."""

import re

EDITOR = "redacteur.veenendaal"  # an editor of Veenendaal (GM0345), whose records fill the paths
OUTSIDER = "redacteur.utrecht"  # an editor of Utrecht: may see less of Veenendaal's records


def token_headers(username: str, scope: str = "write") -> dict[str, str]:
    """An `Authorization` header with a new API token of the demo account `username`."""
    from goedebuur.accounts.models import User
    from goedebuur.accounts.tokens import create_token

    _, key = create_token(User.objects.get(username=username), "test", scope)
    return {"Authorization": f"Token {key}"}


def real_path_parameters():
    """Path parameters per path prefix: records of (or shared with) Veenendaal in the demo data."""
    from goedebuur.businesscases.models import BusinessCase
    from goedebuur.cooperations.models import Cooperation, CooperationForm, IctDomain, PolicyDomain
    from goedebuur.experiences.models import Lesson, Question
    from goedebuur.fallback.models import Agreement
    from goedebuur.history.models import ChangeRecord
    from goedebuur.ledger.models import Ledger
    from goedebuur.municipalities.models import RegionType
    from goedebuur.profiles.models import Application
    from goedebuur.trajectories.models import ChecklistItem, Trajectory

    code = "GM0345"
    agreement = Agreement.objects.filter(party_a__code=code).order_by("pk").first()
    cooperation = Cooperation.objects.get(slug="ict-samenwerking-rhenen-veenendaal")
    trajectory = Trajectory.objects.filter(participants__municipality__code=code).order_by("pk").first()
    return {
        "/samenwerkingen/{slug}/e-mailuitnodigingen/": {
            "slug": cooperation.slug,
            "uitnodigingId": _member_email_invitation(cooperation).pk,
        },
        "/trajecten/{id}/e-mailuitnodigingen/": {
            "id": trajectory.pk,
            "uitnodigingId": _email_invitation(trajectory).pk,
        },
        "/achtervangafspraken/": {
            "id": agreement.pk,
            "dienst_id": agreement.services.order_by("pk").first().pk,
        },
        "/businesscases/": {"id": BusinessCase.objects.filter(owner__code=code).order_by("pk")[0].pk},
        "/ervaringen/": {"id": Lesson.objects.filter(municipality__code=code).order_by("pk")[0].pk},
        "/gemeenten/": {
            "code": code,
            "id": Application.objects.filter(municipality__code=code).order_by("pk")[0].pk,
        },
        "/ict-domeinen/": {"slug": IctDomain.objects.order_by("pk")[0].slug},
        "/beleidsdomeinen/": {"slug": PolicyDomain.objects.order_by("pk")[0].slug},
        "/partners/": {"code": code},
        "/regio-indelingen/": {"code": RegionType.objects.order_by("pk")[0].code},
        "/samenwerkingen/{slug}/resultaten": {  # the demo ledger, in which Veenendaal takes part
            "slug": (ledger := Ledger.objects.get(is_demo=True)).cooperation.slug,
            "gemeenteCode": code,
            "jaar": 2024,
            "versieId": ChangeRecord.objects.filter(model="ledger.ledger", object_id=str(ledger.pk))
            .order_by("pk")[0]
            .pk,
        },
        "/samenwerkingen/": {
            "slug": cooperation.slug,
            "gemeente": "GM0340",  # a member (Rhenen): nothing is open for it in the demo data, a 400
            "versieId": ChangeRecord.objects.filter(
                model="cooperations.cooperation", object_id=str(cooperation.pk)
            )
            .order_by("pk")[0]
            .pk,
        },
        "/samenwerkingsvormen/": {"code": CooperationForm.objects.order_by("pk")[0].code},
        "/trajecten/": {
            "id": trajectory.pk,
            "gemeente": code,
            "code": ChecklistItem.objects.filter(active=True).order_by("pk")[0].code,
        },
        "/vragen/": {"id": Question.objects.filter(municipality__code=code).order_by("pk")[0].pk},
    }


def _email_invitation(trajectory):
    """An invitation by e-mail of the trajectory (the demo has none: mails to fictional people are
    never sent), to Ede's contact; Ede is invited first when it is not."""
    from goedebuur.municipalities.models import Municipality
    from goedebuur.trajectories import services

    ede = Municipality.objects.get(code="GM0228")
    if not trajectory.participants.filter(municipality=ede, status="uitgenodigd").exists():
        services.invite(trajectory, [ede], None)
    return services.invite_contact(trajectory, ede, "contact@ede.nl", None)


def _member_email_invitation(cooperation):
    """An invitation by e-mail into the cooperation: Veenendaal's editor invites Ede (an open join
    that waits for Ede and Rhenen), then a contact at Ede."""
    from goedebuur.accounts.models import User
    from goedebuur.cooperations import services
    from goedebuur.municipalities.models import Municipality

    ede = Municipality.objects.get(code="GM0228")
    editor = User.objects.get(username=EDITOR)
    if not services.open_member_changes(cooperation).filter(municipality=ede).exists():
        values = services.input_from(cooperation)
        values.members.append(services.MemberInput(ede))
        services.save_cooperation(values, editor, instance=cooperation)
    return services.invite_member_contact(cooperation, ede, "contact@ede.nl", None)


def real(path, parameters):
    """Real demo records for the path parameters of `path` (as in openapi.yaml, relative to the server)."""
    names = re.findall(r"{(\w+)}", path)
    if not names:
        return {}
    for prefix, values in parameters.items():
        if path.startswith(prefix):
            return {name: values[name] for name in names}
    raise AssertionError(f"No demo records for the parameters of {path}: add them to real_path_parameters()")
