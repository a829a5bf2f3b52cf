"""The publisher for a mission's ``publish:`` method."""

from __future__ import annotations

from collections.abc import Mapping

from chancery.model.mission import GitTarget, S3Target, SshTarget
from chancery.publish.base import Publisher


def publisher_for(mission: str, target: GitTarget | SshTarget | S3Target,
                  env: Mapping[str, str] | None = None) -> Publisher:
    """A publisher (not yet opened) for ``target``; use it in a ``with`` block."""
    if isinstance(target, GitTarget):
        from chancery.publish.git_publisher import GitPublisher

        return GitPublisher(mission, target, env)
    if isinstance(target, SshTarget):
        from chancery.publish.ssh_publisher import SshPublisher

        return SshPublisher(mission, target, env)
    from chancery.publish.s3_publisher import S3Publisher

    return S3Publisher(mission, target, env)
