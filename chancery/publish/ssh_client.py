"""The system ``ssh`` client, configured from environment variables only."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path

from chancery.publish.credentials import SSH_KEY, SSH_KNOWN_HOSTS, require, secret_file


def ssh_command(folder: Path, what: str, env: Mapping[str, str] | None = None,
                port: int | None = None) -> list[str]:
    """``ssh`` with the key and known hosts from the environment and no other configuration.

    Host keys are always checked against ``CHANCERY_SSH_KNOWN_HOSTS``: an unknown or
    changed server key stops the publish instead of being trusted.
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
    ]
    if port is not None:
        command += ["-p", str(port)]
    return command


def close_master(command: list[str], login: str) -> None:
    """Close the shared connection opened by ``command`` (if any); never fails."""
    if command:
        subprocess.run([*command, "-O", "exit", login], capture_output=True, check=False)
