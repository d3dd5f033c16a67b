"""Every write of the discussion app: posting, changing and deleting a comment, reporting it, moderating it,
blocking a source; sending a question, routing it, marking it answered; the moderators' digest; the purge.

Views, the admin, the demo, factories, commands and tasks call these and nothing else writes. Each write is one
transaction; the emails it causes are queued in it (``core.outbox``) and leave after commit. A rule a reader can
break raises ``ValidationError`` with a message in the reader's language; a staff member acting beyond their
rights gets ``PermissionDenied``.
"""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from solidarity.core import access, crypto, outbox
from solidarity.core.discussable import CommentsMode, DiscussablePage
from solidarity.core.models import Country
from solidarity.core.tokens import private_token_hash, private_token_new
from solidarity.discussion.models import (
    NAME_LENGTH,
    BlockedSource,
    Comment,
    CommentStatus,
    DigestSent,
    DiscussionSettings,
    Question,
    QuestionTopic,
)
from solidarity.discussion.text import links_in

logger = logging.getLogger(__name__)

MAX_CHARS = 5000  # a comment's text, in characters
MAX_LINKS = 3  # addresses in one comment
QUESTION_MAX_CHARS = 5000
EDIT_MINUTES = 15  # the author may change or delete their comment this long after posting it
REPORTS_TO_HIDE = 3  # under post-moderation, a comment with this many reports waits hidden for a moderator
SOURCE_KEPT_DAYS = 7  # a comment's keyed source is emptied after this long (a block needs it only while fresh)
EMAIL_KEPT_DAYS = 90  # a commenter's email (for reply notifications) is emptied after this long
REFUSED_KEPT_DAYS = 30  # rejected and spam comments are deleted this long after the decision
QUESTIONS_KEPT_DAYS = 365  # questions are deleted this long after they were sent
DOUBLE_SECONDS = 10 * 60  # the same comment or question sent again within this time is the same one
DIGEST_HOURS = 3  # the moderators' digest goes out at most this often, when something new waits
BLOCK_DAYS_CHOICES = (1, 7, 30)  # how long a moderator may block a source
REPORT_REMEMBERED_SECONDS = 24 * 60 * 60  # one report per source and comment in this time


class Decision:
    APPROVE = "approve"
    REJECT = "reject"
    SPAM = "spam"

    ALL = (APPROVE, REJECT, SPAM)
    STATUS = {APPROVE: CommentStatus.APPROVED, REJECT: CommentStatus.REJECTED, SPAM: CommentStatus.SPAM}


@dataclass(frozen=True)
class SentMemo:
    """What was sent a moment ago, to know a double click or a retry: the row it made, remembered in the cache
    for ``DOUBLE_SECONDS`` under a keyed hash of what was sent (names and addresses are encrypted in the
    database, so it cannot be asked), once the transaction that made the row commits."""

    key: str

    @classmethod
    def of(cls, kind: str, *sent: Any) -> SentMemo:
        return cls("discussion:sent:" + crypto.keyed_hash(f"{kind}:" + json.dumps(sent)))

    def earlier_pk(self) -> int:
        return int(cache.get(self.key) or 0)

    def remember(self, pk: int) -> None:
        transaction.on_commit(lambda: cache.set(self.key, pk, DOUBLE_SECONDS))


# Whether a page takes comments -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CommentsState:
    """How a page takes comments now: ``mode`` pre/post (or off), and whether they are open (``closes_at``)."""

    mode: str  # CommentsMode.PRE, POST or OFF
    open: bool
    closes_at: datetime.datetime | None = None

    @property
    def shown(self) -> bool:
        """Does the page show its comments at all (switched off: nothing, not even old ones)."""
        return self.mode != CommentsMode.OFF

    @property
    def pre_moderated(self) -> bool:
        return self.mode == CommentsMode.PRE


def comments_state(page: Page, *, now: datetime.datetime | None = None) -> CommentsState:
    """The page's own settings over the site's (``DiscussionSettings``); a page type that takes no comments: off."""
    specific: Any = page if isinstance(page, DiscussablePage) else page.specific_deferred
    if not isinstance(specific, DiscussablePage):
        return CommentsState(mode=CommentsMode.OFF, open=False)
    page = specific
    site = DiscussionSettings.load()
    mode = page.comments_mode or site.moderation
    if mode == CommentsMode.OFF:
        return CommentsState(mode=CommentsMode.OFF, open=False)
    days = page.comments_close_after_days if page.comments_close_after_days is not None else site.close_after_days
    closes_at = None
    if days is not None and page.first_published_at is not None:
        closes_at = page.first_published_at + datetime.timedelta(days=days)
    now = now or timezone.now()
    is_open = page.live and (closes_at is None or now < closes_at)
    return CommentsState(mode=mode, open=is_open, closes_at=closes_at)


# Posting ------------------------------------------------------------------------------------------------------


class PostOutcome:
    """What posting did (for the view's answer and for tests)."""

    PUBLIC = "public"  # shown at once (post-moderation)
    WAITING = "waiting"  # waits for a moderator (pre-moderation)
    ALREADY = "already"  # the same comment was posted a moment ago: nothing new


@dataclass(frozen=True)
class Posted:
    comment: Comment
    outcome: str
    token: str = ""  # the private edit link's token (empty when nothing new was made)


def text_errors(text: str) -> list[str]:
    """Why a comment's text cannot be posted as it is (empty list: it can)."""
    errors = []
    if len(text) > MAX_CHARS:
        errors.append(
            ngettext(
                "A comment can be at most %(limit)d character long (this one has %(count)d).",
                "A comment can be at most %(limit)d characters long (this one has %(count)d).",
                MAX_CHARS,
            )
            % {"limit": MAX_CHARS, "count": len(text)}
        )
    links = len(links_in(text))
    if links > MAX_LINKS:
        errors.append(
            ngettext(
                "A comment can hold at most %(limit)d link (this one has %(count)d).",
                "A comment can hold at most %(limit)d links (this one has %(count)d).",
                MAX_LINKS,
            )
            % {"limit": MAX_LINKS, "count": links}
        )
    return errors


def _clean_text(text: str) -> str:
    """The text as it is kept: line ends made \\n, NUL and other control characters but tab and newline left out,
    trailing spaces and more than two blank lines in a row dropped."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or ord(ch) >= 32)
    lines = [line.rstrip() for line in text.split("\n")]
    kept: list[str] = []
    for line in lines:
        if not line and len(kept) >= 2 and not kept[-1] and not kept[-2]:
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def _clean_name(name: str) -> str:
    return " ".join("".join(ch for ch in (name or "") if ord(ch) >= 32).split())


def _email_errors(email: str, *, required: bool) -> list[str]:
    """Why an email address cannot be kept (the forms check it too; the services do not rely on them)."""
    if not email:
        return [_("Give your email address, so that they can answer you.")] if required else []
    try:
        validate_email(email)
    except ValidationError:
        return [_("Enter a valid email address.")]
    return []


def source_blocked_until(source: str, *, now: datetime.datetime | None = None) -> datetime.datetime | None:
    """Until when comments from this keyed source are refused (None: they are not)."""
    if not source:
        return None
    block = BlockedSource.objects.filter(source=source, until__gt=now or timezone.now()).first()
    return block.until if block else None


@transaction.atomic
def comment_post(
    *,
    page: Page,
    name: str,
    text: str,
    language: str,
    email: str = "",
    parent: Comment | None = None,
    source: str = "",
    now: datetime.datetime | None = None,
) -> Posted:
    """Post a comment (or a reply to ``parent``) on ``page``. Under pre-moderation it waits for a moderator;
    under post-moderation it is public at once. Refused (``ValidationError``) when the page takes no comments
    or they closed, the source is blocked, the reply's comment is gone, or the text breaks a limit."""
    now = now or timezone.now()
    page = page.specific
    state = comments_state(page, now=now)
    if not state.shown:
        raise ValidationError(_("Comments are switched off for this page."))
    if not state.open:
        raise ValidationError(_("Comments on this page are closed."))
    until = source_blocked_until(source, now=now)
    if until is not None:
        raise ValidationError(
            _("Comments from your connection are paused until %(time)s.")
            % {"time": timezone.localtime(until).strftime("%Y-%m-%d %H:%M")}
        )
    if parent is not None:
        parent = Comment.objects.select_for_update().filter(pk=parent.pk).first()
        if parent is None or parent.page_id != page.pk or not parent.is_public:
            raise ValidationError(_("The comment you replied to is no longer there: your reply was not posted."))
        if parent.parent_id is not None:  # one level of replies: a reply to a reply answers the same comment
            parent = Comment.objects.get(pk=parent.parent_id)
            if not parent.is_public:
                raise ValidationError(_("The comment you replied to is no longer there: your reply was not posted."))
    name = _clean_name(name)
    text = _clean_text(text)
    if not name:
        raise ValidationError({"name": _("Give a name or a pseudonym.")})
    if len(name) > NAME_LENGTH:
        raise ValidationError(
            {"name": _("The name can be at most %(limit)d characters long.") % {"limit": NAME_LENGTH}}
        )
    if not text:
        raise ValidationError({"text": _("Write your comment.")})
    errors = text_errors(text)
    if errors:
        raise ValidationError({"text": errors})
    email = (email or "").strip()
    if errors := _email_errors(email, required=False):
        raise ValidationError({"email": errors})

    # A double click or a retry posts the same comment again: kept once (the second answer carries no edit link).
    memo = SentMemo.of("comment-posted", page.pk, parent.pk if parent else None, source, name, " ".join(text.split()))
    earlier = Comment.objects.filter(pk=memo.earlier_pk()).first()
    if earlier is not None:
        return Posted(comment=earlier, outcome=PostOutcome.ALREADY)

    token, token_hash = private_token_new()
    comment = Comment(
        page=page,
        parent=parent,
        author_name=name,
        email=email or None,
        text=text,
        language=language,
        status=CommentStatus.PENDING if state.pre_moderated else CommentStatus.APPROVED,
        source=source,
        edit_token_hash=token_hash,
        created_at=now,
    )
    comment.full_clean(exclude=["edit_token_hash", "source", "page", "parent"])
    comment.save()
    if comment.is_public:
        _became_public(comment)
    memo.remember(comment.pk)
    return Posted(
        comment=comment, outcome=PostOutcome.PUBLIC if comment.is_public else PostOutcome.WAITING, token=token
    )


def _became_public(comment: Comment) -> None:
    """A comment is public now: tell the author of the comment it replies to (once), and let caches forget the page."""
    if comment.parent_id is not None and not comment.reply_notice_sent:
        parent = comment.parent
        if parent is not None and parent.email and parent.is_public:
            page = comment.page.specific
            outbox.mail_queue(
                to=parent.email,
                template="discussion/emails/reply",
                context={"reply": comment, "comment": parent, "page": page, "url": outbox.site_address(page.url or "")},
                language=parent.language,
                purpose="discussion.reply",
            )
        Comment.objects.filter(pk=comment.pk).update(reply_notice_sent=True)
        comment.reply_notice_sent = True
    page_changed(comment.page_id)


def page_changed(page_id: int) -> None:
    """What readers see of a page's comments changed: once the transaction commits, purge the page and its list of
    all comments from a front-end cache, when one is configured (``WAGTAILFRONTENDCACHE``, docs/scaling.md). Story
    lists, which show comment counts, follow when their cached copy expires."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return

    def purge() -> None:
        from wagtail.contrib.frontend_cache.utils import purge_page_from_cache, purge_urls_from_cache

        page = Page.objects.filter(pk=page_id).select_related("locale").first()
        if page is None:
            return
        purge_page_from_cache(page)
        site = page.get_site()
        if site is not None:
            with translation.override(page.locale.language_code):
                purge_urls_from_cache([site.root_url + reverse("discussion:comment_list", args=[page.pk])])

    transaction.on_commit(purge)


# The author's private link -------------------------------------------------------------------------------


def comment_by_token(token: str) -> Comment | None:
    if not token or len(token) > 100:
        return None
    return Comment.objects.select_related("page").filter(edit_token_hash=private_token_hash(token)).first()


def edit_closes_at(comment: Comment) -> datetime.datetime:
    return comment.created_at + datetime.timedelta(minutes=EDIT_MINUTES)


def may_still_edit(comment: Comment, *, now: datetime.datetime | None = None) -> bool:
    """The author may change or delete the comment: within ``EDIT_MINUTES``, unless it was deleted or refused."""
    if comment.status in (CommentStatus.DELETED, CommentStatus.REJECTED, CommentStatus.SPAM):
        return False
    return (now or timezone.now()) < edit_closes_at(comment)


def _edit_refused(comment: Comment, now: datetime.datetime) -> None:
    if comment.status == CommentStatus.DELETED:
        raise ValidationError(_("This comment was deleted."))
    if comment.status in (CommentStatus.REJECTED, CommentStatus.SPAM):
        raise ValidationError(_("This comment was not published by the moderators, so it can no longer be changed."))
    if not may_still_edit(comment, now=now):
        raise ValidationError(
            ngettext(
                "A comment can be changed or deleted for %(minutes)d minute after it was posted; that time is over.",
                "A comment can be changed or deleted for %(minutes)d minutes after it was posted; that time is over.",
                EDIT_MINUTES,
            )
            % {"minutes": EDIT_MINUTES}
        )


@transaction.atomic
def comment_edit(comment: Comment, *, text: str, now: datetime.datetime | None = None) -> Comment:
    """The author changes their comment's text within ``EDIT_MINUTES``. Under pre-moderation a public comment
    goes back to the moderators; under post-moderation it stays public."""
    now = now or timezone.now()
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    _edit_refused(comment, now)
    text = _clean_text(text)
    if not text:
        raise ValidationError({"text": _("Write your comment.")})
    errors = text_errors(text)
    if errors:
        raise ValidationError({"text": errors})
    if text == comment.text:
        return comment
    was_public = comment.is_public
    comment.text = text
    comment.edited_at = now
    if was_public and comments_state(comment.page, now=now).pre_moderated:
        comment.status = CommentStatus.PENDING
    comment.save(update_fields=["text", "edited_at", "status"])
    if was_public:
        page_changed(comment.page_id)
    return comment


@transaction.atomic
def comment_delete_by_author(comment: Comment, *, now: datetime.datetime | None = None) -> Comment:
    """The author deletes their comment within ``EDIT_MINUTES``: its name, email and text are emptied at once;
    the row stays (as "deleted") while public replies hang from it, so that they keep their place."""
    now = now or timezone.now()
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    _edit_refused(comment, now)
    was_public = comment.is_public
    comment.status = CommentStatus.DELETED
    comment.author_name = ""
    comment.email = None
    comment.text = ""
    comment.reported_at = None
    comment.save(update_fields=["status", "author_name", "email", "text", "reported_at"])
    if was_public:
        page_changed(comment.page_id)
    return comment


# Reports ------------------------------------------------------------------------------------------------------


@transaction.atomic
def comment_report(comment: Comment, *, source: str = "", now: datetime.datetime | None = None) -> bool:
    """A reader reports a public comment: it goes back to the moderators' queue. Under pre-moderation it is hidden
    until a moderator approves it again; under post-moderation it stays public until decided, unless it has
    ``REPORTS_TO_HIDE`` reports. One report per source and comment counts (a day; every reader whose address is
    not known counts as one source). False: not counted again."""
    now = now or timezone.now()
    comment = Comment.objects.select_for_update().select_related("page").get(pk=comment.pk)
    if not comment.is_public:
        return False
    # Readers whose address is not known (Tor) are one source here: one of them cannot hide a comment by
    # reporting it again and again.
    seen_key = "discussion:reported:" + crypto.keyed_hash(f"comment-reported:{comment.pk}:{source or 'unknown'}")
    if not cache.add(seen_key, 1, REPORT_REMEMBERED_SECONDS):
        return False
    comment.reports += 1
    comment.reported_at = comment.reported_at or now
    if comments_state(comment.page, now=now).pre_moderated or comment.reports >= REPORTS_TO_HIDE:
        comment.status = CommentStatus.PENDING
    comment.save(update_fields=["reports", "reported_at", "status"])
    if not comment.is_public:
        page_changed(comment.page_id)
    return True


# Moderation ---------------------------------------------------------------------------------------------------


def may_moderate(user: Any) -> bool:
    return bool(user and user.is_active and user.has_perm("discussion.change_comment"))


@transaction.atomic
def comment_decide(user: Any, comment: Comment, decision: str, *, now: datetime.datetime | None = None) -> Comment:
    """A moderator approves a comment, rejects it or marks it spam; its reports are cleared."""
    if decision not in Decision.ALL:
        raise ValueError(decision)
    if not may_moderate(user):  # comments belong to no country: not core.access's (it refuses such models)
        raise PermissionDenied
    now = now or timezone.now()
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.status == CommentStatus.DELETED:
        raise ValidationError(_("Its author deleted this comment."))
    was_public = comment.is_public
    comment.status = Decision.STATUS[decision]
    comment.decided_at = now
    comment.decided_by = user
    comment.reports = 0
    comment.reported_at = None
    comment.save(update_fields=["status", "decided_at", "decided_by", "reports", "reported_at"])
    if comment.is_public and not was_public:
        _became_public(comment)
    elif was_public and not comment.is_public:
        page_changed(comment.page_id)
    return comment


def comments_decide(user: Any, comments: Iterable[Comment], decision: str) -> list[Comment]:
    """Decide several comments the same way (the queue's bulk action); those its author deleted are left out.
    The comments decided, as they are now."""
    return [comment_decide(user, comment, decision) for comment in comments if comment.status != CommentStatus.DELETED]


def source_block_refusal(comment: Comment) -> str:
    """Why the source of this comment cannot be blocked (empty: it can)."""
    if comment.source:
        return ""
    return _(
        "Where this comment came from is not known (it came through Tor, or more than %(days)d days ago), "
        "so its source cannot be blocked."
    ) % {"days": SOURCE_KEPT_DAYS}


@transaction.atomic
def source_block(user: Any, comment: Comment, *, days: int, now: datetime.datetime | None = None) -> int:
    """Block the source a comment came from for ``days``: its new comments are refused, and its comments that
    wait in the queue are marked spam. How many waiting comments were marked."""
    if not may_moderate(user):  # comments belong to no country: not core.access's (it refuses such models)
        raise PermissionDenied
    if days not in BLOCK_DAYS_CHOICES:
        raise ValidationError(_("Choose for how long to block."))
    refusal = source_block_refusal(comment)
    if refusal:
        raise ValidationError(refusal)
    now = now or timezone.now()
    BlockedSource.objects.update_or_create(
        source=comment.source, defaults={"until": now + datetime.timedelta(days=days), "created_by": user}
    )
    waiting = Comment.objects.filter(source=comment.source, status=CommentStatus.PENDING)
    marked = 0
    for each in waiting:
        comment_decide(user, each, Decision.SPAM, now=now)
        marked += 1
    return marked


@transaction.atomic
def source_unblock(user: Any, block: BlockedSource) -> None:
    if not may_moderate(user):
        raise PermissionDenied
    block.delete()


# The moderators' digest ----------------------------------------------------------------------------------------


def moderators() -> list[Any]:
    """Who gets the digest: the active moderators with an email; the editors when there is no moderator."""
    from solidarity.core.roles import MODERATORS

    return access.staff_in_role(MODERATORS.group) or access.staff_answering_for(None)


def staff_language(user: Any) -> str:
    """The language a staff member reads the admin in (their Wagtail preference), for their emails."""
    from wagtail.users.models import UserProfile

    # The profile's own choice; get_preferred_language() would give the language of the request being answered
    # (a reader's, when their question is what causes the email).
    chosen = UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE
    known = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in known else chosen.split("-")[0] if chosen.split("-")[0] in known else "en"


@transaction.atomic
def moderators_digest_send(*, now: datetime.datetime | None = None) -> int:
    """Send the moderators one email listing what waits in the queue, when something new came since the last
    digest and that was ``DIGEST_HOURS`` ago or more. How many emails were queued."""
    now = now or timezone.now()
    last = DigestSent.objects.select_for_update().order_by("pk").first()
    if last is not None and last.sent_at > now - datetime.timedelta(hours=DIGEST_HOURS):
        return 0
    since = last.sent_at if last is not None else None
    queue = Comment.objects.in_queue()
    new = queue.filter(Q(created_at__gt=since) | Q(reported_at__gt=since) | Q(edited_at__gt=since)) if since else queue
    if not new.exists():
        return 0
    waiting = queue.count()
    reported = queue.filter(reported_at__isnull=False).count()
    url = outbox.site_address(reverse("discussion_comments:queue"))
    sent = 0
    for user in moderators():
        outbox.mail_queue(
            to=user.email,
            template="discussion/emails/digest",
            context={"waiting": waiting, "reported": reported, "new": new.count(), "url": url},
            language=staff_language(user),
            purpose="discussion.digest",
        )
        sent += 1
    if last is None:
        DigestSent.objects.create(sent_at=now)
    else:
        last.sent_at = now
        last.save(update_fields=["sent_at"])
    return sent


# Questions ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """Where a question goes: whose inbox (a country's, or the editors' when None), which country contacts get
    it by email (with the sender as Reply-To), and which staff members are told it arrived."""

    inbox_country: Country | None
    contacts: list[Any] = field(default_factory=list)
    staff: list[Any] = field(default_factory=list)


def question_route(*, country: Country | None, topic: str, contact: Any = None, campaign_key: Any = None) -> Route:
    """The routing rule. A press question, or one about no country, goes to the editors. Any other question
    about a country goes to that country's inbox when the country has a coordinator, or when a country contact
    gets it by email; else to the editors (a country inbox nobody reads or is told of would lose it). The
    contact the sender chose gets it by email; with none chosen, a question about joining a campaign asked from
    that campaign goes by email to the campaign's contacts for the country."""
    from solidarity.campaigns.models import CountryContact

    contacts: list[Any] = []
    if contact is not None and contact.accepts_messages and contact.email:
        contacts = [contact]
    elif topic == QuestionTopic.JOINING and country is not None and campaign_key is not None:
        contacts = [
            each
            for each in CountryContact.objects.filter(campaign_key=campaign_key, country=country, accepts_messages=True)
            if each.email
        ]
    if topic == QuestionTopic.PRESS or country is None:
        return Route(inbox_country=None, contacts=contacts, staff=access.staff_answering_for(None))
    coordinators = access.staff_answering_for(country.pk)
    if coordinators or contacts:
        return Route(inbox_country=country, contacts=contacts, staff=coordinators)
    return Route(inbox_country=None, contacts=contacts, staff=access.staff_answering_for(None))


@transaction.atomic
def question_send(
    *,
    name: str,
    email: str,
    text: str,
    language: str,
    topic: str = QuestionTopic.OTHER,
    country: Country | None = None,
    contact: Any = None,
    campaign_key: Any = None,
) -> Question:
    """A reader sends a question: kept (encrypted) in the inbox its route names; the chosen (or the campaign's)
    country contacts get it by email and reply to the sender directly; the inbox's staff are told it arrived
    (without its text or the sender's address); the sender gets an acknowledgement in their language."""
    if contact is not None:
        if not contact.accepts_messages or not contact.email:
            raise ValidationError(_("This person does not take messages through the site."))
        country = country or contact.country
        campaign_key = campaign_key or contact.campaign_key
    name = _clean_name(name)
    text = _clean_text(text)
    if not name:
        raise ValidationError({"name": _("Give your name.")})
    if not text:
        raise ValidationError({"text": _("Write your message.")})
    if len(text) > QUESTION_MAX_CHARS:
        raise ValidationError(
            {"text": _("A message can be at most %(limit)d characters long.") % {"limit": QUESTION_MAX_CHARS}}
        )
    if topic not in QuestionTopic.values:
        raise ValidationError({"topic": _("Choose what your question is about.")})
    email = (email or "").strip()
    if errors := _email_errors(email, required=True):
        raise ValidationError({"email": errors})
    # A double click or a retry sends the same question again: kept and mailed once.
    memo = SentMemo.of(
        "question-sent", contact.pk if contact else None, crypto.normalise_email(email), " ".join(text.split())
    )
    earlier = Question.objects.filter(pk=memo.earlier_pk()).first()
    if earlier is not None:
        return earlier
    route = question_route(country=country, topic=topic, contact=contact, campaign_key=campaign_key)
    question = Question(
        name=name,
        email=email,
        country=country,
        topic=topic,
        text=text,
        language=language,
        campaign_key=campaign_key,
        contact=contact,
        inbox_country=route.inbox_country,
    )
    question.full_clean()
    question.save()
    for each in route.contacts:
        outbox.mail_queue(
            to=each.email,
            reply_to=question.email,
            template="discussion/emails/question_to_contact",
            context={"question": question, "contact": each},
            language=settings.LANGUAGE_CODE,
            purpose="discussion.question_to_contact",
        )
    inbox_url = outbox.site_address(reverse("discussion_questions:question", args=[question.pk]))
    for user in route.staff:
        outbox.mail_queue(
            to=user.email,
            template="discussion/emails/question_arrived",
            context={"question": question, "url": inbox_url},
            language=staff_language(user),
            purpose="discussion.question_arrived",
        )
    outbox.mail_queue(
        to=question.email,
        template="discussion/emails/question_received",
        context={"question": question},
        language=language,
        purpose="discussion.question_received",
    )
    memo.remember(question.pk)
    return question


@transaction.atomic
def question_mark_answered(user: Any, question: Question, *, answered: bool = True) -> Question:
    """A coordinator (of the question's inbox) or an editor marks a question answered, or not answered again."""
    if not access.may_change(user, question):
        raise PermissionDenied
    question = Question.objects.select_for_update().get(pk=question.pk)
    question.answered_at = timezone.now() if answered else None
    question.answered_by = user if answered else None
    question.save(update_fields=["answered_at", "answered_by"])
    return question


# Keeping personal data no longer than needed (core.retention runs this at every pass of run_schedules) --------


@transaction.atomic
def personal_data_purge(now: datetime.datetime | None = None) -> int:
    """Empty or delete what has served its purpose:

    * a comment's keyed source after ``SOURCE_KEPT_DAYS``, its author's email after ``EMAIL_KEPT_DAYS``;
    * rejected and spam comments ``REFUSED_KEPT_DAYS`` after the decision; comments their authors deleted,
      once no reply hangs from them; blocks that ran out;
    * questions after ``QUESTIONS_KEPT_DAYS``.
    """
    now = now or timezone.now()
    done = 0
    done += (
        Comment.objects.filter(created_at__lt=now - datetime.timedelta(days=SOURCE_KEPT_DAYS))
        .exclude(source="")
        .update(source="")
    )
    done += Comment.objects.filter(
        created_at__lt=now - datetime.timedelta(days=EMAIL_KEPT_DAYS), email__isnull=False
    ).update(email=None)
    refused = Comment.objects.filter(
        status__in=[CommentStatus.REJECTED, CommentStatus.SPAM],
        decided_at__lt=now - datetime.timedelta(days=REFUSED_KEPT_DAYS),
    )
    # One that public replies hang from keeps its row, emptied, so that the replies keep their place.
    answered = refused.filter(replies__status=CommentStatus.APPROVED).distinct()
    done += Comment.objects.filter(pk__in=answered.exclude(text="").values("pk")).update(
        author_name="", email=None, text=""
    )
    done += refused.exclude(pk__in=answered.values("pk")).delete()[0]
    done += Comment.objects.filter(status=CommentStatus.DELETED, replies__isnull=True).delete()[0]
    done += BlockedSource.objects.filter(until__lte=now).delete()[0]
    done += Question.objects.filter(created_at__lt=now - datetime.timedelta(days=QUESTIONS_KEPT_DAYS)).delete()[0]
    return done
