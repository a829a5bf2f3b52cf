"""Running the system's ssh, rsync and git clients, with failures as clear messages."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping

from chancery.publish.errors import PublishError

_PACKAGES = {"ssh": "openssh-client", "rsync": "rsync", "git": "git"}


def run(cmd: list[str], what: str, *, input: str | None = None,
        env: Mapping[str, str] | None = None, cwd: str | None = None) -> str:
    """Run ``cmd``; return its standard output or raise :class:`PublishError` saying ``what``
    failed, with the last lines the program printed."""
    try:
        result = subprocess.run(cmd, input=input, capture_output=True, text=True,
                                env=dict(env) if env is not None else None, cwd=cwd)
    except FileNotFoundError:
        package = _PACKAGES.get(cmd[0], cmd[0])
        raise PublishError(f"{what}: the program '{cmd[0]}' is not installed; install it "
                           f"(Debian/Ubuntu: apt-get install {package})") from None
    if result.returncode != 0:
        lines = [line for line in (result.stderr or result.stdout).splitlines() if line.strip()]
        detail = "; ".join(lines[-4:]) or "no message"
        raise PublishError(f"{what} failed (exit {result.returncode}): {detail}")
    return result.stdout
