"""``method: git``: commit the built site to a branch of a remote and push it (GitHub Pages).

Each publish is one commit on top of the branch, whose tree is exactly the built site
(plus an empty ``.nojekyll`` so GitHub Pages serves every file as is) and whose message
carries trailers naming the release::

    Chancery-Mission: fr-paris
    Chancery-Release: 20250102T030405Z-0123456789ab
    Chancery-Build-Id: <64 hex digits>

A push is atomic: the server moves the branch only after it has received every object,
so a publish killed mid-push leaves the branch, and the site, as it was. The branch is
never force-pushed: a rollback is a new commit restoring an earlier release's tree, so
the branch history is itself the complete archive of every release.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Mapping
from pathlib import Path

from chancery.content.model.mission import GitTarget
from chancery.content.model.publish_fields import parse_remote
from chancery.publish.base import Publisher
from chancery.publish.built import BuiltSite
from chancery.publish.credentials import GIT_TOKEN, GIT_USERNAME, require
from chancery.publish.errors import PublishError
from chancery.publish.process import run
from chancery.publish.releases import Release
from chancery.publish.ssh_client import ssh_command

LIVE_REF = "refs/chancery/live"
_PROTOCOL = {"https": "https", "ssh": "ssh", "local": "file"}
_TRAILER = re.compile(r"^Chancery-(Mission|Release|Build-Id|Built-At):\s*(\S+)\s*$", re.M)
_CREDENTIAL_HELPER = (
    '!f() { test "$1" = get || exit 0; '
    'echo "username=${CHANCERY_GIT_USERNAME:-x-access-token}"; '
    'echo "password=${CHANCERY_GIT_TOKEN}"; }; f'
)


def remote_kind(remote: str) -> str:
    """``https``, ``ssh`` or ``local`` (a path or ``file://``); raise :class:`PublishError`
    for any other remote (the schema refuses them; this guards code that skipped it)."""
    try:
        return parse_remote(remote).kind
    except ValueError as exc:
        raise PublishError(f"git remote refused: {exc}") from None


def protocol_config(kind: str) -> dict[str, str]:
    """Environment that lets git speak only the one protocol ``kind`` needs.

    ``GIT_ALLOW_PROTOCOL`` and ``protocol.allow=never`` both refuse every other transport
    (``ext::``, ``fd::``, ``file`` for a remote that is not local, submodule URLs...);
    ``GIT_PROTOCOL_FROM_USER=0`` keeps ``user``-level protocols off as well.
    """
    allowed = _PROTOCOL[kind]
    return {"GIT_ALLOW_PROTOCOL": allowed, "GIT_PROTOCOL_FROM_USER": "0",
            "GIT_CONFIG_COUNT": "2",
            "GIT_CONFIG_KEY_0": "protocol.allow", "GIT_CONFIG_VALUE_0": "never",
            "GIT_CONFIG_KEY_1": f"protocol.{allowed}.allow", "GIT_CONFIG_VALUE_1": "always"}


def trailers(message: str) -> dict[str, str]:
    """The ``Chancery-*`` trailers of a commit message."""
    return {key: value for key, value in _TRAILER.findall(message)}


class GitPublisher(Publisher):
    """Publishes by pushing one commit per release to ``remote`` ``branch``."""

    method = "git"

    def __init__(self, mission: str, target: GitTarget,
                 env: Mapping[str, str] | None = None) -> None:
        super().__init__(mission, env)
        self.target = target
        self.remote = target.remote
        self._env: dict[str, str] = {}
        self._fetched: tuple[int | None, str | None] | None = None

    def describe(self) -> str:
        return f"git {self.target.remote} branch {self.target.branch}"

    def open(self) -> None:
        base = dict(os.environ if self.env is None else self.env)
        env = {
            **base, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_TERMINAL_PROMPT": "0", "GIT_DIR": str(self.tmp / "repo.git"),
            "GIT_AUTHOR_NAME": "Chancery", "GIT_AUTHOR_EMAIL": "chancery@invalid",
            "GIT_COMMITTER_NAME": "Chancery", "GIT_COMMITTER_EMAIL": "chancery@invalid",
        }
        kind = remote_kind(self.remote)
        what = f"publishing {self.mission} to {self.remote}"
        env.update(protocol_config(kind))
        if kind == "https":
            require([GIT_TOKEN], what, self.env)
            env.setdefault(GIT_USERNAME, "x-access-token")
            # the token goes to the remote's host only (HQ's publishing.hosts): a redirect
            # to another host is an error, not a second place to send it
            env.update({"GIT_CONFIG_COUNT": "5",
                        "GIT_CONFIG_KEY_2": "credential.helper", "GIT_CONFIG_VALUE_2": "",
                        "GIT_CONFIG_KEY_3": "credential.helper",
                        "GIT_CONFIG_VALUE_3": _CREDENTIAL_HELPER,
                        "GIT_CONFIG_KEY_4": "http.followRedirects", "GIT_CONFIG_VALUE_4": "false"})
        elif kind == "ssh":
            env["GIT_SSH_COMMAND"] = shlex.join(ssh_command(self.tmp, what, self.env))
            env["GIT_SSH_VARIANT"] = "ssh"
        else:  # a path on this machine, through its symlinks (see docs: HQ machines only)
            self.remote = os.path.realpath(parse_remote(self.remote).path)
        self._env = env
        self._git("init", "--quiet", "--bare", str(self.tmp / "repo.git"), what="preparing git")

    def _git(self, *args: str, what: str, input: str | None = None,
             env: Mapping[str, str] | None = None) -> str:
        return run(["git", *args], what, input=input, env={**self._env, **(env or {})})

    def _fetch(self, depth: int | None) -> str | None:
        """Fetch the branch into :data:`LIVE_REF` (``depth`` commits, ``None`` for all of them);
        return its tip, or ``None`` if the branch does not exist yet. Fetches once per depth."""
        if self._fetched is not None and (self._fetched[0] is None or self._fetched[0] == depth):
            return self._fetched[1]
        ref = f"refs/heads/{self.target.branch}"
        listed = self._git("ls-remote", "--", self.remote, ref, what=f"reading {self.remote}")
        tip = None
        if listed.strip():
            shallow = self._fetched is not None and self._fetched[1] is not None
            deepen = [f"--depth={depth}"] if depth else ["--unshallow"] if shallow else []
            self._git("fetch", "--quiet", "--no-tags", *deepen, "--", self.remote,
                      f"+{ref}:{LIVE_REF}",
                      what=f"fetching {self.target.branch} from {self.remote}")
            tip = self._git("rev-parse", LIVE_REF, what="reading the live commit").strip()
        self._fetched = (depth, tip)
        return tip

    def _history(self) -> list[tuple[str, dict[str, str]]]:
        """``(commit, trailers)`` of the branch, newest first."""
        out = self._git("log", "--format=%H%x1f%B%x1e", LIVE_REF, what="reading the history")
        entries = []
        for record in out.split("\x1e"):
            commit, _, message = record.strip().partition("\x1f")
            if commit:
                entries.append((commit, trailers(message)))
        return entries

    def releases(self) -> list[Release]:
        if self._fetch(depth=None) is None:
            return []
        history = self._history()
        live = history[0][1].get("Release") if history else None
        first_seen: dict[str, str] = {}
        for _commit, found in reversed(history):
            if "Release" in found and "Build-Id" in found:
                first_seen.setdefault(found["Release"], found["Build-Id"])
        return [Release(name, build_id, live=name == live) for name, build_id in first_seen.items()]

    def live(self) -> Release | None:
        """The tip's release, read from its trailers (fetches only the tip)."""
        if self._fetch(depth=1) is None:
            return None
        found = self._history()[0][1]
        if "Release" not in found or "Build-Id" not in found:
            return None
        return Release(found["Release"], found["Build-Id"], live=True)

    def kept(self, build_id: str) -> Release | None:
        """Always ``None``: re-publishing an older build is a new commit of the same tree."""
        return None

    def publish(self, site: BuiltSite, name: str, archive: Path | None) -> None:
        parent = self._fetch(depth=1)
        index = {"GIT_INDEX_FILE": str(self.tmp / "index")}
        self._git("-C", str(site.path), "--work-tree", str(site.path),
                  "add", "--all", "--force", "--", ".",
                  what="staging the built site", env=index)
        listed = self._git("ls-files", "--", ".nojekyll", what="staging", env=index)
        if not listed.strip():
            blob = self._git("hash-object", "-w", "--stdin", what="staging", input="").strip()
            self._git("update-index", "--add", "--cacheinfo", f"100644,{blob},.nojekyll",
                      what="staging", env=index)
        tree = self._git("write-tree", what="writing the tree", env=index).strip()
        message = (f"Publish {self.mission} release {name}\n\n"
                   f"Chancery-Mission: {self.mission}\nChancery-Release: {name}\n"
                   f"Chancery-Build-Id: {site.build_id}\n"
                   + (f"Chancery-Built-At: {site.built_at}\n" if site.built_at else ""))
        self._push(self._commit(tree, parent, message), name)

    def activate(self, release: Release) -> None:
        parent = self._fetch(depth=None)
        source = next((commit for commit, found in reversed(self._history())
                       if found.get("Release") == release.name), None)
        if parent is None or source is None:
            raise PublishError(f"release {release.name} is not on {self.describe()}")
        tree = self._git("rev-parse", f"{source}^{{tree}}", what="reading the release").strip()
        message = (f"Switch {self.mission} back to release {release.name}\n\n"
                   f"Chancery-Mission: {self.mission}\nChancery-Release: {release.name}\n"
                   f"Chancery-Build-Id: {release.build_id}\n")
        self._push(self._commit(tree, parent, message), release.name)

    def _commit(self, tree: str, parent: str | None, message: str) -> str:
        parents = ["-p", parent] if parent else []
        return self._git("commit-tree", tree, *parents, "-F", "-", input=message,
                         what="committing the release").strip()

    def _push(self, commit: str, name: str) -> None:
        try:
            self._git("push", "--quiet", "--", self.remote,
                      f"{commit}:refs/heads/{self.target.branch}",
                      what=f"pushing release {name} to {self.remote}")
        except PublishError as exc:
            raise PublishError(f"{exc}; the branch is unchanged (if it moved meanwhile, "
                               "publish again)") from None
