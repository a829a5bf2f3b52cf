"""``method: ssh``: rsync into a new release folder, then switch a ``current`` symlink.

Layout under the target ``path`` (the web server serves ``<path>/current``)::

    releases/<name>/          complete releases, never changed once complete
    releases/.incoming-<id>/  the release being uploaded, invisible to readers
    current -> releases/<name>
    archive/<name>.tar.gz     the dated archive of every release, never pruned

The upload goes to ``.incoming-<id>`` (hard-linking unchanged files from the live release
with ``--link-dest``); it is renamed into place when complete, and ``current`` is then
replaced by ``rename(2)`` of a new symlink over it (``ln -sfn`` + ``mv -T``), which is
atomic: every request sees the old release or the new one, never a mix. A publish killed
before that rename leaves the live site untouched. The last ``keep`` releases are kept.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping
from pathlib import Path

from chancery.content.model.mission import SshTarget
from chancery.publish.base import Publisher
from chancery.publish.built import BuiltSite
from chancery.publish.errors import PublishError
from chancery.publish.process import run
from chancery.publish.releases import Release, is_release_name
from chancery.publish.ssh_client import close_master, login, ssh_command

RSYNC_OPTIONS_ENV = "CHANCERY_RSYNC_OPTIONS"


class SshPublisher(Publisher):
    """Publishes over SSH with rsync to a Linux host (POSIX sh and GNU coreutils)."""

    method = "ssh"

    def __init__(self, mission: str, target: SshTarget,
                 env: Mapping[str, str] | None = None) -> None:
        super().__init__(mission, env)
        self.target = target
        self._ssh: list[str] = []

    @property
    def keep(self) -> int:
        return self.target.keep

    def describe(self) -> str:
        t = self.target
        return f"ssh {t.user}@{t.host}:{t.path} (port {t.port})"

    def open(self) -> None:
        self._ssh = ssh_command(self.tmp, f"publishing {self.mission} over ssh", self.env,
                                self.target.port)

    def close(self) -> None:
        close_master(self._ssh, login(self.target.user, self.target.host))

    # -- remote helpers -------------------------------------------------------------------

    def _remote(self, script: str, what: str, create: bool = True) -> str:
        """Run a POSIX sh ``script`` on the host, inside the target path (made if ``create``;
        otherwise a missing path runs nothing and prints nothing)."""
        path = shlex.quote(_safe_path(self.target.path))
        enter = (f"mkdir -p -- {path}\ncd -- {path}" if create
                 else f"cd -- {path} 2>/dev/null || exit 0")
        head = f"set -eu\n{enter}\n"
        return run([*self._ssh, "--", login(self.target.user, self.target.host), "sh -s"],
                   f"{what} on {self.target.host}", input=head + script)

    def _rsync(self, source: str, dest: str, what: str, extra: list[str]) -> None:
        options = shlex.split((self.env or os.environ).get(RSYNC_OPTIONS_ENV, ""))
        where = login(self.target.user, self.target.host, rsync=True)
        remote = f"{where}:{_safe_path(self.target.path)}/{dest}"
        run(["rsync", "--recursive", "--copy-links", "--checksum", "--delete", "--protect-args",
             "--chmod=D755,F644", "--omit-dir-times", "-e", shlex.join(self._ssh),
             *extra, *options, "--", source, remote], what)

    def _state(self) -> tuple[str | None, list[str]]:
        """The live release name and every complete release name, oldest first."""
        out = self._remote(
            'if [ -L current ]; then printf "current %s\\n" "$(readlink current)"; fi\n'
            'for d in releases/*/; do [ -d "$d" ] || continue; n=${d#releases/};'
            ' printf "release %s\\n" "${n%/}"; done\n',
            "reading the releases", create=False)
        live, names = None, []
        for line in out.splitlines():
            kind, _, value = line.partition(" ")
            if kind == "current":
                live = value.rstrip("/").rsplit("/", 1)[-1]
            elif kind == "release" and is_release_name(value):
                names.append(value)
        return live, sorted(names)

    # -- Publisher ------------------------------------------------------------------------

    def releases(self) -> list[Release]:
        live, names = self._state()
        return [Release(n, n.rsplit("-", 1)[-1], live=n == live) for n in names]

    def publish(self, site: BuiltSite, name: str, archive: Path | None) -> None:
        live, names = self._state()
        incoming = f".incoming-{site.short_id}"
        self._remote(
            "mkdir -p releases archive\n"
            f"for d in releases/.incoming-*; do [ -e \"$d\" ] || continue;"
            f" [ \"$d\" = releases/{incoming} ] || rm -rf -- \"$d\"; done\n"
            "rm -f -- archive/.incoming-*\n",
            "preparing the release folder")
        link = [f"--link-dest=../{live}"] if live in names else []
        self._rsync(f"{site.path}/", f"releases/{incoming}/",
                    f"uploading {self.mission} release {name}", link)
        commit = f"mv -T releases/{incoming} releases/{shlex.quote(name)}\n"
        if archive is not None:
            self._rsync(str(archive), f"archive/.incoming-{name}.tar.gz",
                        f"uploading the archive of {name}", [])
            commit += f"mv -f archive/.incoming-{name}.tar.gz archive/{name}.tar.gz\n"
        doomed = _prune(names + [name], keep=self.keep, live=name)
        commit += _switch(name) + "".join(
            f"rm -rf -- releases/{n} || echo 'warning: could not remove old release {n}' >&2\n"
            for n in doomed)
        self._remote(commit, f"switching {self.mission} to release {name}")

    def activate(self, release: Release) -> None:
        self._remote(f"test -d releases/{release.name}\n" + _switch(release.name),
                     f"switching {self.mission} to release {release.name}")


def _safe_path(path: str) -> str:
    """The target path, refused if it is not absolute or climbs out with ``..``."""
    if not path.startswith("/") or ".." in path.split("/") or path.rstrip("/") == "":
        raise PublishError(f"ssh path '{path}' refused: it must be an absolute folder without "
                           "'..' (python3 build.py check shows why)")
    return path


def _switch(name: str) -> str:
    """Shell lines replacing ``current`` atomically by a symlink to ``releases/<name>``."""
    if not is_release_name(name):
        raise PublishError(f"'{name}' is not a release name")
    return (
        'if [ -e current ] && [ ! -L current ]; then echo "current exists and is not a symlink;'
        ' move it away once (e.g. mv current current.old) so releases can be switched" >&2;'
        " exit 1; fi\n"
        f"ln -sfn releases/{name} .current.$$\n"
        "mv -T .current.$$ current\n"
    )


def _prune(names: list[str], keep: int, live: str) -> list[str]:
    """Release names beyond the newest ``keep``, never the live one."""
    ordered = sorted(set(names))  # release names start with their UTC time
    return [n for n in ordered[:-keep] if n != live] if len(ordered) > keep else []
