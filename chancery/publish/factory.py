"""The publisher for a mission's ``publish:`` method."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError

from chancery.content.model.mission import GitTarget, S3Target, SshTarget
from chancery.publish.base import Publisher
from chancery.publish.errors import PublishError


def publisher_for(mission: str, target: GitTarget | SshTarget | S3Target,
                  env: Mapping[str, str] | None = None) -> Publisher:
    """A publisher (not yet opened) for ``target``; use it in a ``with`` block.

    The target is validated again by its schema type, so that one made without validation
    (``model_construct``) cannot reach a command line with an unchecked host or path."""
    try:
        target = type(target).model_validate(target.model_dump())
    except ValidationError as exc:
        reasons = "; ".join(str(e.get("ctx", {}).get("error", e["msg"])) for e in exc.errors())
        raise PublishError(f"publish target of {mission} refused: {reasons}") from None
    if isinstance(target, GitTarget):
        from chancery.publish.git_publisher import GitPublisher

        return GitPublisher(mission, target, env)
    if isinstance(target, SshTarget):
        from chancery.publish.ssh_publisher import SshPublisher

        return SshPublisher(mission, target, env)
    from chancery.publish.s3_publisher import S3Publisher

    return S3Publisher(mission, target, env)
