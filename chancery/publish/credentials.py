"""Secrets come from environment variables only; never from YAML, never printed.

Variables per method (GitHub Environments named after the mission hold them):

* ssh: ``CHANCERY_SSH_KEY`` (private key text, or a path to the key file) and
  ``CHANCERY_SSH_KNOWN_HOSTS`` (the server's ``known_hosts`` line(s), or a path).
* git: ``CHANCERY_GIT_TOKEN`` for ``https://`` remotes (``CHANCERY_GIT_USERNAME``,
  default ``x-access-token``); ``CHANCERY_SSH_KEY``/``CHANCERY_SSH_KNOWN_HOSTS`` for
  ``ssh://`` and ``user@host:path`` remotes; nothing for local paths.
* s3: ``CHANCERY_S3_ACCESS_KEY_ID`` and ``CHANCERY_S3_SECRET_ACCESS_KEY``
  (``CHANCERY_S3_SESSION_TOKEN`` optional).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from chancery.publish.errors import PublishError

SSH_KEY = "CHANCERY_SSH_KEY"
SSH_KNOWN_HOSTS = "CHANCERY_SSH_KNOWN_HOSTS"
GIT_TOKEN = "CHANCERY_GIT_TOKEN"
GIT_USERNAME = "CHANCERY_GIT_USERNAME"
S3_ACCESS_KEY_ID = "CHANCERY_S3_ACCESS_KEY_ID"
S3_SECRET_ACCESS_KEY = "CHANCERY_S3_SECRET_ACCESS_KEY"
S3_SESSION_TOKEN = "CHANCERY_S3_SESSION_TOKEN"


def env_value(name: str, env: Mapping[str, str] | None = None) -> str | None:
    """The variable's value, or ``None`` when unset or empty (GitHub passes unset secrets as '')."""
    value = (os.environ if env is None else env).get(name, "")
    return value if value.strip() else None


def require(names: list[str], what: str, env: Mapping[str, str] | None = None) -> dict[str, str]:
    """Values of ``names``; raise one :class:`PublishError` naming every missing variable."""
    values = {name: env_value(name, env) for name in names}
    missing = [name for name, value in values.items() if value is None]
    if missing:
        raise PublishError(f"{what} needs the environment variable(s) {', '.join(missing)}; "
                           "secrets never go in mission.yml — in CI, HQ stores them in the "
                           "GitHub Environment named after the mission")
    return {name: value for name, value in values.items() if value is not None}


def secret_file(value: str, folder: Path, name: str) -> Path:
    """A file holding the secret: ``value`` itself if it names an existing file, else a new
    file in ``folder`` (readable by the owner only) with ``value`` as its text."""
    candidate = value.strip()
    if "\n" not in candidate and len(candidate) < 4096:
        try:
            path = Path(candidate).expanduser()
            if path.is_file():
                return path
        except (OSError, RuntimeError):
            pass
    path = folder / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value.replace("\r\n", "\n").strip() + "\n")
    return path
