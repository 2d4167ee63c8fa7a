# SPDX-License-Identifier: EUPL-1.2
"""Sample values for route parameters, taken from the demo data. Municipality A is Veenendaal (GM0345):
the samples are A's own records (or records A takes part in), so that the matrix shows A may and B may not.
One exception: the member-consent routes answer an invitation of B (Utrecht, GM0344) into A's
cooperation, which B may accept and A, as the other member, may agree to."""

from goedebuur.accounts.invitations import hash_token
from goedebuur.accounts.models import Invitation
from goedebuur.accounts.tokens import create_token
from goedebuur.businesscases.models import BusinessCase
from goedebuur.businesscases.views_steps import STEPS
from goedebuur.cooperations import services as cooperations
from goedebuur.cooperations.models import Cooperation, CooperationForm, IctDomain, PolicyDomain
from goedebuur.experiences.models import Answer, Attachment, Lesson, Question, Report
from goedebuur.fallback.models import Agreement
from goedebuur.history.models import ChangeRecord
from goedebuur.ledger import services as ledger
from goedebuur.municipalities.models import Municipality, RegionType
from goedebuur.partners.models import Shortlist
from goedebuur.profiles.models import Application
from goedebuur.trajectories import services as trajectories
from goedebuur.trajectories.documents import KINDS
from goedebuur.trajectories.models import ChecklistItem, Trajectory
from tests.factories import make_user

A = "GM0345"
B = "GM0344"
RESTRICTIVE = ["leden", "gemeenten", "openbaar"]


def build_samples(editor_a) -> dict[str, str]:
    cooperation = Cooperation.objects.filter(slug="ict-samenwerking-rhenen-veenendaal").get()
    # Rhenen's editor invites Utrecht (B): B may accept it, A (asked as the other member) may agree
    invitation = cooperations.input_from(cooperation)
    invitation.members.append(cooperations.MemberInput(Municipality.objects.get(code=B)))
    cooperations.save_cooperation(
        invitation, make_user("GM0340", username="editor-rhenen"), instance=cooperation
    )
    record = ChangeRecord.objects.filter(
        model="cooperations.cooperation", object_id=str(cooperation.pk)
    ).first()
    case = BusinessCase.objects.filter(owner__code=A).order_by("pk").first()
    trajectory = Trajectory.objects.filter(participants__municipality__code=A).order_by("pk").first()
    # the most restrictive lesson of A: members of a cooperation only, else municipal users only
    lesson = min(
        Lesson.objects.filter(municipality__code=A), key=lambda item: RESTRICTIVE.index(item.visibility)
    )
    attachment = Attachment.objects.filter(lesson=lesson).first() or Attachment.objects.create(
        lesson=lesson,
        filename="verslag.pdf",
        kind="pdf",
        content_type="application/pdf",
        size=8,
        data=b"%PDF-1.4",
    )
    question = (
        Question.objects.filter(municipality__code=A).order_by("pk").first() or Question.objects.first()
    )
    answer = Answer.objects.filter(question=question).first() or Answer.objects.first()
    report = Report.objects.first() or Report.objects.create(
        item_kind=Report.Kind.LESSON, item_id=lesson.pk, reason="test", reporter=editor_a
    )
    agreement = (
        Agreement.objects.filter(party_a__code=A).first() or Agreement.objects.filter(party_b__code=A).first()
    )
    service = agreement.services.first()
    action = agreement.actions.first()
    shortlist = Shortlist.objects.create(owner=editor_a, name="Kandidaten", origin=editor_a.municipality)
    application = Application.objects.filter(municipality__code=A).order_by("pk").first()
    # a private ledger of A's cooperation with one year of A's figures (B is only invited: no member)
    results = ledger.save_ledger(cooperation, None, visibility="prive", start_year=2022)
    ledger.save_entry(
        results, None, ledger.EntryInput(A, 2023, savings=1000, source_title="Jaarrekening 2023")
    )
    ledger_version = ledger.versions(results).first().pk
    # Ede (no persona's municipality) is invited to A's trajectory: one e-mail invitation whose link
    # (token "matrix-link") nobody of the personas may accept, one that A may send again or withdraw
    ede = Municipality.objects.get(code="GM0228")
    if not trajectory.participants.filter(municipality=ede).exists():
        trajectories.invite(trajectory, [ede], None)
    link = trajectories.invite_contact(trajectory, ede, "matrix@ede.nl", None)
    Invitation.objects.filter(pk=link.pk).update(token_hash=hash_token("matrix-link"))
    contact = trajectories.invite_contact(trajectory, ede, "contact@ede.nl", None)
    member_contact = cooperations.invite_member_contact(
        cooperation, Municipality.objects.get(code=B), "contact@utrecht.nl", None
    )
    return {
        "uitnodiging.token": "matrix-link",
        "invitation_id": contact.pk,
        "uitnodigingId": contact.pk,
        "uitnodigingen.pk": contact.pk,
        "samenwerkingen.invitation_id": member_contact.pk,
        "samenwerkingen.uitnodigingId": member_contact.pk,
        "mijn-account.pk": create_token(editor_a, "matrix", "read")[0].pk,
        "code": A,
        "gemeente": A,
        "regio-indelingen.code": RegionType.objects.order_by("pk").first().code,
        "samenwerkingsvormen.code": CooperationForm.objects.order_by("pk").first().code,
        "ict-domeinen.slug": IctDomain.objects.order_by("pk").first().slug,
        "beleidsdomeinen.slug": PolicyDomain.objects.order_by("pk").first().slug,
        "slug": cooperation.slug,
        "samenwerkingen.code": B,
        "samenwerkingen.gemeente": B,
        "record_id": record.pk,
        "versieId": record.pk,
        "partners.pk": shortlist.pk,
        "gemeenten.pk": application.pk,
        "gemeenten.id": application.pk,
        "businesscases.pk": case.pk,
        "businesscases.id": case.pk,
        "step": STEPS[0][0] if isinstance(STEPS[0], tuple) else STEPS[0],
        "trajecten.pk": trajectory.pk,
        "trajecten.id": trajectory.pk,
        "item_id": ChecklistItem.objects.order_by("pk").first().pk,
        "api/v1/trajecten/<int:id>/checklist/<slug:code>|code": ChecklistItem.objects.order_by("pk")
        .first()
        .code,
        "partners/vergelijk": "/partners/vergelijk?a=GM0340&b=GM0345",
        "achtervang/<int:pk>/diensten/nieuw": f"/achtervang/{agreement.pk}/diensten/nieuw?gemeente={A}",
        "kind": next(iter(KINDS)),
        "fmt": "md",
        "ervaringen.pk": lesson.pk,
        "ervaringen.id": lesson.pk,
        "attachment_id": attachment.pk,
        "ervaringen.kind": "ervaring",
        "report_id": report.pk,
        "vragen.pk": question.pk,
        "vragen.id": question.pk,
        "antwoorden.pk": answer.pk,
        "answer_id": answer.pk,
        "achtervang.pk": agreement.pk,
        "achtervangafspraken.id": agreement.pk,
        "service_pk": service.pk,
        "dienst_id": service.pk,
        "action_pk": action.pk,
        "samenwerkingen.year": 2023,
        "gemeenteCode": A,
        "jaar": 2023,
        "samenwerkingen/<slug:slug>/resultaten.<str:fmt>|fmt": "csv",
        "resultaten.<str:fmt>|fmt": "csv",
        "samenwerkingen/<slug:slug>/resultaten/geschiedenis/<int:record_id>/herstellen|record_id": ledger_version,
        "api/v1/samenwerkingen/<slug:slug>/resultaten/versies/<int:versieId>/herstellen|versieId": ledger_version,
    }
