"""The dashboard's "Waiting for you" queue of questions: those waiting for an answer in the user's inboxes
(``core.access``: a coordinator's countries; for editors, the editors' inbox only, the countries' inboxes being
their coordinators' to answer), each linking to its page. Neither the sender nor the text is shown there."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from solidarity.core import access
from solidarity.core.waiting import QUEUE_LIMIT, WaitingItem, WaitingQueue, register_queue


def questions_to_answer(user: Any) -> list[WaitingItem]:
    """The questions waiting in this user's inboxes, newest first."""
    from solidarity.discussion.questions_admin import VIEW_PERMISSION, questions_visible_to

    if not user.has_perm(VIEW_PERMISSION):
        return []
    questions = questions_visible_to(user).waiting()
    if access.country_scope(user) is access.ALL_COUNTRIES:
        questions = questions.to_editors()
    items = []
    for question in questions[:QUEUE_LIMIT]:
        country = question.country.name if question.country is not None else gettext("no country in particular")
        items.append(
            WaitingItem(
                title=str(question.get_topic_display()),
                url=reverse("discussion_questions:question", args=[question.pk]),
                detail=f"{country} · {question.get_language_display()}",
                since=question.created_at,
            )
        )
    return items


register_queue(
    WaitingQueue(name="discussion_questions", heading=_("Questions to answer"), items=questions_to_answer, order=250)
)
