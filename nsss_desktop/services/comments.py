"""Comments on Action Plan activities: threaded, dated, by a named user, and append-only.

The database refuses UPDATE and DELETE on `comment` (store.journal), so the discussion that
led to a status is kept as it happened; a correction is a new comment, usually a reply to the
one it corrects. Threads are built in Python from one query, so a deep thread costs nothing
extra and the order (by time, then by the time-ordered id) is the same on every device.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from nsss_desktop.errors import UsageError
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Activity, Comment, User

MAX_BODY_CHARS = 10_000


@dataclass
class CommentNode:
    """One comment and its replies, oldest first."""

    id: str
    activity_id: str
    parent_id: str | None
    author_id: str | None
    author_name: str
    body: str
    created_at: str
    replies: list[CommentNode] = field(default_factory=list)


def add_comment(db: Database, activity_id: str, body: str, *, author_id: str | None,
                parent_id: str | None = None) -> str:
    """Append a comment (a reply when `parent_id` is given); return its id."""
    text = _clean_body(body)
    with db.unit_of_work(user_id=author_id, description="Comment on activity") as uow:
        s = uow.session
        if s.get(Activity, activity_id) is None:
            raise UsageError("No such activity.", hint="Choose an activity from the register.")
        if author_id is not None and s.get(User, author_id) is None:
            raise UsageError("The comment's author is not a user of this installation.",
                             hint="Sign in again, or ask the administrator to add the user.")
        if parent_id is not None:
            parent = s.get(Comment, parent_id)
            if parent is None or parent.activity_id != activity_id:
                raise UsageError("The comment being replied to is not on this activity.",
                                 hint="Reply from the activity's own comment thread.")
        comment = Comment(activity_id=activity_id, parent_id=parent_id, author_id=author_id,
                          body=text, created_at=uow.at)
        s.add(comment)
        s.flush()
        return comment.id


def thread(session: Session, activity_id: str) -> list[CommentNode]:
    """The activity's comments as a tree: top-level comments with nested replies, by time."""
    rows = session.execute(
        select(Comment, User.display_name).outerjoin(User, User.id == Comment.author_id)
        .where(Comment.activity_id == activity_id)
        .order_by(Comment.created_at, Comment.id))
    nodes: dict[str, CommentNode] = {}
    ordered: list[CommentNode] = []
    for comment, author_name in rows:
        node = CommentNode(comment.id, comment.activity_id, comment.parent_id,
                           comment.author_id, author_name or "", comment.body,
                           comment.created_at)
        nodes[node.id] = node
        ordered.append(node)
    roots: list[CommentNode] = []
    for node in ordered:
        parent = nodes.get(node.parent_id) if node.parent_id else None
        (parent.replies if parent is not None else roots).append(node)
    return roots


def _clean_body(body: str) -> str:
    """NFC (Bangla typed on different keyboards compares equal), trimmed, bounded, no NUL."""
    text = unicodedata.normalize("NFC", body or "").strip()
    if not text:
        raise UsageError("A comment cannot be empty.", hint="Type the comment text.")
    if len(text) > MAX_BODY_CHARS:
        raise UsageError(f"The comment is {len(text):,} characters long; the limit is "
                         f"{MAX_BODY_CHARS:,}.",
                         hint="Shorten it, or attach the long text as an evidence document.")
    if "\x00" in text:
        raise UsageError("The comment contains a NUL character.",
                         hint="Paste it as plain text and try again.")
    return text
