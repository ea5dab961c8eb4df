"""Models of the conversations module's board part: the live board on participants' own devices.

One `Board` per session. Its `revision` goes up by one in every change (in the same transaction, as the first
statement, so it is also the lock that puts the changes of one board in a row); every changed row carries the
revision it was changed at, so a screen that saw revision n asks only for what changed after n.

- `PostIt`: a note in one of three colours (own definition, goes well, could be better), optionally in a
  `PostItGroup` the facilitator made.
- `VoteOption`: a dilemma to vote on (one of the six platform `Dilemma`s, or one the group added), `Vote`: one dot
  of a participant. A participant's dots are numbered 1..allowance (`slot`, unique per participant), so the
  database itself refuses a dot beyond the allowance, whatever number of tabs send at once.
- `PlacematTable`: a sub-group's table working on one chosen option; `PlacematAnswer`: its answer to one of the
  six placemat questions (`PLACEMAT_QUESTIONS`).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "Board",
    "PostIt",
    "PostItGroup",
    "VoteOption",
    "Vote",
    "PlacematTable",
    "PlacematAnswer",
    "Colour",
    "POSTIT_MAX",
    "PLACEMAT_QUESTIONS",
    "ANSWER_MAX",
]

POSTIT_MAX = 500  # characters of one post-it
ANSWER_MAX = 4000  # characters of one placemat answer

# The six questions of the placemat, asked about one chosen dilemma (our own wording, after appendix 2 of the
# research on equal collaboration).
PLACEMAT_QUESTIONS = (
    _("Waar merken we in ons partnerschap dat dit dilemma speelt?"),
    _("Bij welke partners, scholen of opleidingen speelt het het sterkst, en waarom juist daar?"),
    _("Welke kansen biedt dit dilemma ons?"),
    _("Wat hebben we nodig om die kansen te grijpen: wat, van wie, op welk niveau?"),
    _("Welke spanningen of risico's geeft het in onze samenwerking?"),
    _("Wat hebben we nodig om die aan te pakken: wat, van wie, op welk niveau?"),
)


class Colour(models.TextChoices):
    DEFINITION = "definitie", _("eigen definitie")
    GOOD = "goed", _("gaat goed")
    BETTER = "beter", _("kan beter")


class Board(models.Model):
    class Voting(models.TextChoices):
        NOT_STARTED = "niet", _("nog niet begonnen")
        OPEN = "open", _("open")
        CLOSED = "gesloten", _("gesloten")

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    session = models.OneToOneField("conversations.Session", on_delete=models.CASCADE, related_name="board")
    revision = models.PositiveBigIntegerField(default=0)
    # the revision of the last change that needs a screen to redraw the whole board (a new group, a post-it taken
    # off, voting opened or closed, the placemat opened); other changes travel as small updates
    layout_revision = models.PositiveBigIntegerField(default=0)
    votes_revision = models.PositiveBigIntegerField(default=0)  # the last change of the dots
    votes_per_participant = models.PositiveSmallIntegerField(_("stippen per deelnemer"), default=3)
    voting = models.CharField(_("stemmen"), max_length=10, choices=Voting.choices, default=Voting.NOT_STARTED)
    placemat_open = models.BooleanField(_("placemat open"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("live bord")
        verbose_name_plural = _("live borden")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(votes_per_participant__gte=1, votes_per_participant__lte=20),
                name="board_votes_per_participant_range",
            )
        ]

    def __str__(self) -> str:
        return str(self.session)


class PostItGroup(models.Model):
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(_("naam"), max_length=120)
    position = models.PositiveIntegerField(default=0)
    revision = models.PositiveBigIntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["board", "position", "pk"]
        verbose_name = _("groep post-its")
        verbose_name_plural = _("groepen post-its")

    def __str__(self) -> str:
        return self.name


class PostIt(models.Model):
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="postits")
    participant = models.ForeignKey(
        "conversations.Participant", null=True, blank=True, on_delete=models.SET_NULL, related_name="postits"
    )
    colour = models.CharField(_("kleur"), max_length=10, choices=Colour.choices)
    text = models.TextField(_("tekst"), max_length=POSTIT_MAX)
    group = models.ForeignKey(
        PostItGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="postits", verbose_name=_("groep")
    )
    revision = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["board", "pk"]
        indexes = [models.Index(fields=["board", "revision"])]
        verbose_name = _("post-it")
        verbose_name_plural = _("post-its")

    def __str__(self) -> str:
        return self.text[:80]


class VoteOption(models.Model):
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="options")
    dilemma = models.ForeignKey(
        "conversations.Dilemma", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("dilemma"), max_length=200)
    position = models.PositiveIntegerField(default=0)
    chosen = models.BooleanField(_("gekozen"), default=False)
    revision = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["board", "position", "pk"]
        verbose_name = _("keuze om op te stemmen")
        verbose_name_plural = _("keuzes om op te stemmen")

    def __str__(self) -> str:
        return self.title


class Vote(models.Model):
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey("conversations.Participant", on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(VoteOption, on_delete=models.CASCADE, related_name="votes")
    slot = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["board", "participant", "slot"]
        verbose_name = _("stip")
        verbose_name_plural = _("stippen")
        constraints = [
            models.UniqueConstraint(fields=["participant", "slot"], name="board_vote_slot_once"),
            models.CheckConstraint(condition=models.Q(slot__gte=1, slot__lte=20), name="board_vote_slot_range"),
        ]


class PlacematTable(models.Model):
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="tables")
    option = models.ForeignKey(VoteOption, on_delete=models.CASCADE, related_name="tables")
    name = models.CharField(_("tafel"), max_length=60)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["board", "position", "pk"]
        verbose_name = _("tafel")
        verbose_name_plural = _("tafels")

    def __str__(self) -> str:
        return self.name


class PlacematAnswer(models.Model):
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="+")
    table = models.ForeignKey(PlacematTable, on_delete=models.CASCADE, related_name="answers")
    question = models.PositiveSmallIntegerField()  # 1..6, an index into PLACEMAT_QUESTIONS
    text = models.TextField(_("antwoord"), max_length=ANSWER_MAX, blank=True)
    revision = models.PositiveBigIntegerField(default=0, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["table", "question"]
        verbose_name = _("antwoord op de placemat")
        verbose_name_plural = _("antwoorden op de placemat")
        constraints = [
            models.UniqueConstraint(fields=["table", "question"], name="board_answer_once"),
            models.CheckConstraint(condition=models.Q(question__gte=1, question__lte=6), name="board_answer_question"),
        ]
