# SPDX-License-Identifier: EUPL-1.2
"""Forms of experience sharing, with Dutch messages. Rules of the data live in services; the views
turn their ValidationError into messages next to the fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from goedebuur.cooperations.models import Cooperation, CooperationForm, IctDomain
from goedebuur.core.experiences.attachments import MAX_BYTES, AttachmentError
from goedebuur.history.services import revision_field
from goedebuur.trajectories import services as trajectories

from . import attachment_messages
from .models import BODY_MAX, Visibility
from .services import UNKNOWN_TRAJECTORY, LessonInput, QuestionInput, parse_tags


def _phase_choices():
    return [("", _("geen bepaalde fase")), *trajectories.phases()]


def _cooperations():
    return Cooperation.objects.filter(deleted_at__isnull=True).order_by("name")


class ItemForm(forms.Form):
    visibility = forms.ChoiceField(
        label=_("Zichtbaar voor"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        initial=Visibility.PUBLIC,
    )
    cooperation = forms.ModelChoiceField(
        label=_("Samenwerkingsverband"),
        queryset=_cooperations(),
        required=False,
        empty_label=_("geen"),
        help_text=_("Nodig als alleen de leden van het samenwerkingsverband het mogen zien."),
    )
    phase = forms.ChoiceField(label=_("Fase"), choices=_phase_choices, required=False)
    tags = forms.CharField(
        label=_("Trefwoorden"), required=False, max_length=500, help_text=_("Gescheiden door komma's.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cooperation"].queryset = _cooperations()


class LessonForm(ItemForm):
    revision = revision_field()
    title = forms.CharField(label=_("Titel"), max_length=200)
    body = forms.CharField(
        label=_("Wat heeft u geleerd?"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Markdown: **vet**, *schuin*, lijstjes met -, koppen met ##, links als [tekst](https://…)."
        ),
    )
    domains = forms.ModelMultipleChoiceField(
        label=_("ICT-domeinen"),
        queryset=IctDomain.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    form = forms.ModelChoiceField(
        label=_("Samenwerkingsvorm"),
        queryset=CooperationForm.objects.all(),
        required=False,
        empty_label=_("geen"),
    )
    trajectory = forms.ModelChoiceField(
        label=_("Samenwerkingstraject"),
        queryset=None,
        required=False,
        empty_label=_("geen"),
        error_messages={"invalid_choice": UNKNOWN_TRAJECTORY},
        help_text=_(
            "Alleen trajecten waaraan uw gemeente deelneemt. Zonder fase krijgt de ervaring de fase van het traject."
        ),
    )
    attachment = forms.FileField(
        label=_("Bijlage toevoegen"),
        required=False,
        help_text=_("PDF, Word (DOCX) of Excel (XLSX), hoogstens %(mb)s MB.")
        % {"mb": MAX_BYTES // (1024 * 1024)},
    )

    field_order = [
        "title",
        "body",
        "phase",
        "domains",
        "form",
        "cooperation",
        "trajectory",
        "visibility",
        "tags",
        "attachment",
    ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trajectory"].queryset = trajectories.visible_to(user).order_by("name")

    def clean_attachment(self):
        """Too large a file is refused before it is read into memory (the service checks the rest)."""
        upload = self.cleaned_data.get("attachment")
        if upload and upload.size > MAX_BYTES:
            raise forms.ValidationError(
                attachment_messages.message(AttachmentError("too_large", mb=MAX_BYTES // (1024 * 1024)))
            )
        return upload

    def to_input(self, is_demo=False) -> LessonInput:
        data = self.cleaned_data
        return LessonInput(
            title=data["title"],
            body=data["body"],
            visibility=data["visibility"],
            cooperation=data["cooperation"],
            domains=list(data["domains"]),
            phase=data["phase"],
            form=data["form"],
            tags=parse_tags(data["tags"]),
            is_demo=is_demo,
            trajectory=data["trajectory"],
        )

    @classmethod
    def initial_for(cls, lesson):
        return {
            "revision": lesson.revision,
            "title": lesson.title,
            "body": lesson.body,
            "visibility": lesson.visibility,
            "cooperation": lesson.cooperation_id,
            "domains": list(lesson.domains.all()),
            "phase": lesson.phase,
            "form": lesson.form_id,
            "tags": ", ".join(t.name for t in lesson.tags.all()),
            "trajectory": lesson.trajectory_id,
        }


class QuestionForm(ItemForm):
    title = forms.CharField(label=_("Uw vraag"), max_length=200)
    body = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown."),
    )
    domain = forms.ModelChoiceField(
        label=_("Gericht aan ICT-domein"),
        queryset=IctDomain.objects.all(),
        required=False,
        empty_label=_("geen"),
    )

    field_order = ["title", "body", "domain", "cooperation", "phase", "visibility", "tags"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visibility"].initial = Visibility.MUNICIPAL
        self.fields["cooperation"].label = _("Gericht aan samenwerkingsverband")

    def to_input(self) -> QuestionInput:
        data = self.cleaned_data
        return QuestionInput(
            title=data["title"],
            body=data["body"],
            visibility=data["visibility"],
            domain=data["domain"],
            cooperation=data["cooperation"],
            phase=data["phase"],
            tags=parse_tags(data["tags"]),
        )


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=_("Uw antwoord"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reden"), max_length=300, widget=forms.Textarea(attrs={"rows": 3}))


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Wat is er mis met dit bericht?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
