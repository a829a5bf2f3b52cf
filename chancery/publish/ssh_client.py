"""The system ``ssh`` client, configured from environment variables only."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path

from chancery.publish.credentials import SSH_KEY, SSH_KNOWN_HOSTS, require, secret_file
from chancery.publish.errors import PublishError


def ssh_command(folder: Path, what: str, env: Mapping[str, str] | None = None,
                port: int | None = None) -> list[str]:
    """``ssh`` with the key and known hosts from the environment and no other configuration.

    Host keys are always checked against ``CHANCERY_SSH_KNOWN_HOSTS``: an unknown or
    changed server key stops the publish instead of being trusted. Callers put ``--``
    between these options and the login (see :func:`login`).
    """
    values = require([SSH_KEY, SSH_KNOWN_HOSTS], what, env)
    key = secret_file(values[SSH_KEY], folder, "id")
    known = secret_file(values[SSH_KNOWN_HOSTS], folder, "known_hosts")
    command = [
        "ssh", "-F", "/dev/null", "-i", str(key),
        "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "BatchMode=yes",
        "-o", f"UserKnownHostsFile={known}", "-o", "GlobalKnownHostsFile=/dev/null",
        "-o", "StrictHostKeyChecking=yes", "-o", "ConnectTimeout=20",
        "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4",
        # one connection for all the steps of a publish; closed by close_master()
        "-o", "ControlMaster=auto", "-o", f"ControlPath={folder}/cm-%C",
        "-o", "ControlPersist=30",
        # nothing from the target may make ssh run a local command or open a channel
        "-o", "ProxyCommand=none", "-o", "ProxyJump=none", "-o", "PermitLocalCommand=no",
        "-o", "KnownHostsCommand=none", "-o", "ForwardAgent=no", "-o", "ForwardX11=no",
        "-o", "ClearAllForwardings=yes", "-o", "Tunnel=no", "-o", "UpdateHostKeys=no",
    ]
    if port is not None:
        command += ["-p", str(port)]
    return command


def login(user: str, host: str, *, rsync: bool = False) -> str:
    """``user@host`` for ssh (``user@[v6]`` for rsync); refuses what ssh would read as an
    option, should a target reach here without the schema's checks."""
    if not user or not host or user.startswith("-") or host.startswith("-") \
            or any(ch.isspace() or ch in "@/" for ch in user + host):
        raise PublishError(f"ssh login '{user}@{host}' refused: user and host must be plain "
                           "names (python3 build.py check shows why)")
    return f"{user}@[{host}]" if rsync and ":" in host else f"{user}@{host}"


def close_master(command: list[str], login: str) -> None:
    """Close the shared connection opened by ``command`` (if any); never fails."""
    if command:
        subprocess.run([*command, "-O", "exit", "--", login], capture_output=True, check=False)
