"""Real servers on 127.0.0.1 for the publishing tests, started in temporary folders.

* ``sshd``: OpenSSH with a generated host key and an authorized key made here;
* ``nginx_for``: nginx serving ``<path>/current`` of an ssh target;
* ``s3``: moto's S3 server, behind a gate that can hold uploads mid-transfer;
* bare git repositories are plain folders (see ``test_git.py``).

A server whose program is missing is skipped with the reason; CI installs them all
(``.ci/apt-packages.txt`` and the ``test`` extras) so nothing is skipped there.
"""

from __future__ import annotations

import getpass
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from chancery.pipeline.digest import tree_digest

ROOT = Path(__file__).resolve().parents[2]
SBIN = ("/usr/sbin", "/usr/local/sbin", "/sbin")

MISSION_TEMPLATE = """\
id: {id}
kind: consulate-general
host_country: FR
languages: [vi, fr]
name:
  vi: Tổng Lãnh sự quán Việt Nam ({id})
  fr: Consulat général du Viet Nam ({id})
site_url: https://{id}.test.example/
address:
  street: 1 rue de la République
  city: Lyon
  country: FR
hotline: "+33 6 12 34 56 78"
phones:
  - number: "+33 4 72 00 00 00"
    label: {{vi: Tổng đài, fr: Standard}}
emails:
  - address: office@{id}.test.example
    label: {{vi: Văn phòng, fr: Secrétariat}}
jurisdiction:
  vi: Vùng Auvergne-Rhône-Alpes
  fr: Région Auvergne-Rhône-Alpes
"""


# -- helpers ------------------------------------------------------------------------------

def program(name: str) -> str:
    """Absolute path of ``name`` (also looked for in sbin folders), or skip the test."""
    found = shutil.which(name) or next(
        (f"{d}/{name}" for d in SBIN if os.access(f"{d}/{name}", os.X_OK)), None)
    if found is None:
        pytest.skip(f"'{name}' is not installed (CI installs it from .ci/apt-packages.txt)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            detail = log.read_text(errors="replace") if log and log.exists() else ""
            pytest.skip(f"{what} could not start (exit {proc.returncode}): {detail[-500:]}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    proc.kill()
    pytest.skip(f"{what} did not listen on 127.0.0.1:{port} within 15 s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def write_network(root: Path, publish: dict[str, str]) -> Path:
    """A content folder with HQ settings and one mission per ``{id: publish YAML}``."""
    content = root / "content"
    shutil.copytree(ROOT / "content" / "_hq", content / "_hq")
    for mission, block in publish.items():
        text = MISSION_TEMPLATE.format(id=mission)
        if block:
            text += "publish:\n" + textwrap.indent(textwrap.dedent(block).strip(), "  ") + "\n"
        (content / mission).mkdir(parents=True)
        (content / mission / "mission.yml").write_text(text, encoding="utf-8")
    return content


def write_build(out: Path, mission: str, files: dict[str, bytes | str]) -> str:
    """A finished build as the builder leaves it: ``<out>/<id>/`` plus its manifest."""
    site = out / mission
    if site.exists():
        shutil.rmtree(site)
    for rel, data in files.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    build_id = tree_digest(site)
    manifest = {"mission": mission, "build_id": build_id, "built_at": "2025-03-01T10:00:00+00:00",
                "languages": ["vi", "fr"], "pages": len(files)}
    (out / f"{mission}.manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return build_id


def site_version(tag: str, extra: int = 0, size: int = 0) -> dict[str, bytes | str]:
    """A small site whose every page names ``tag``; ``extra`` more files of ``size`` bytes."""
    files: dict[str, bytes | str] = {
        "index.html": f"<h1>home {tag}</h1>",
        "fr/index.html": f"<h1>accueil {tag}</h1>",
        "assets/site.css": f"/* {tag} */ body {{ color: #333 }}",
        "shared.txt": "same in every version",
    }
    for i in range(extra):
        files[f"bulk/{i:04d}.bin"] = tag.encode() + os.urandom(size)
    return files


def run_cli(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    """``build.py ARGS`` in a fresh interpreter, as CI runs it."""
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args],
                          env={**env, "CHANCERY_NO_BOOTSTRAP": "1"}, cwd=ROOT,
                          capture_output=True, text=True, timeout=300, **kwargs)


def start_cli(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    """``build.py ARGS`` in its own process group, so a test can kill it and its children."""
    return subprocess.Popen([sys.executable, str(ROOT / "build.py"), *args],
                            env={**env, "CHANCERY_NO_BOOTSTRAP": "1"}, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)


def kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL the publisher and every process it started (ssh, rsync, git), at once."""
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(10)


def wait_until(check: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def http_get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def base_env() -> dict[str, str]:
    """The environment without any CHANCERY_* or AWS_* variable of the caller."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("CHANCERY_", "AWS_"))}


# -- sshd ---------------------------------------------------------------------------------

@dataclass
class SshServer:
    port: int
    user: str
    key: Path
    known_hosts: str
    home: Path

    def env(self, key_as_text: bool = True) -> dict[str, str]:
        """Credentials as CI passes them: key text (or path) and the known_hosts line."""
        key = self.key.read_text() if key_as_text else str(self.key)
        return {**base_env(), "CHANCERY_SSH_KEY": key, "CHANCERY_SSH_KNOWN_HOSTS": self.known_hosts}

    def publish_yaml(self, path: Path, keep: int = 3) -> str:
        return (f"method: ssh\nhost: 127.0.0.1\nport: {self.port}\nuser: {self.user}\n"
                f"path: {path}\nkeep: {keep}\n")


@pytest.fixture(scope="session")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    """OpenSSH on 127.0.0.1 accepting one key generated here, for the current user."""
    sshd_bin, keygen = program("sshd"), program("ssh-keygen")
    program("ssh")
    program("rsync")
    folder = tmp_path_factory.mktemp("sshd")
    for name in ("host", "client"):
        subprocess.run([keygen, "-q", "-t", "ed25519", "-N", "", "-C", name, "-f",
                        str(folder / name)], check=True)
    shutil.copy(folder / "client.pub", folder / "authorized_keys")
    port = free_port()
    user = getpass.getuser()
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # privilege separation folder
    (folder / "sshd_config").write_text(textwrap.dedent(f"""\
        ListenAddress 127.0.0.1
        HostKey {folder}/host
        PidFile {folder}/sshd.pid
        AuthorizedKeysFile {folder}/authorized_keys
        StrictModes no
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PermitRootLogin prohibit-password
        UsePAM no
        MaxStartups 50
        MaxSessions 50
        LogLevel ERROR
        """))
    log = folder / "sshd.log"
    with log.open("w") as handle:
        proc = subprocess.Popen([sshd_bin, "-D", "-e", "-f", str(folder / "sshd_config"),
                                 "-p", str(port)], stdout=handle, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, proc, "sshd", log)
        known = f"[127.0.0.1]:{port} {(folder / 'host.pub').read_text().split(' ')[0]} " \
                f"{(folder / 'host.pub').read_text().split(' ')[1]}\n"
        server = SshServer(port, user, folder / "client", known, Path.home())
        probe = subprocess.run(
            ["ssh", "-F", "/dev/null", "-i", str(server.key), "-o", "BatchMode=yes",
             "-o", "IdentitiesOnly=yes", "-o", f"UserKnownHostsFile={folder}/probe_known",
             "-o", "StrictHostKeyChecking=no", "-p", str(port), f"{user}@127.0.0.1", "true"],
            capture_output=True, text=True, timeout=30)
        if probe.returncode != 0:
            pytest.skip(f"sshd started but refused the test key: {probe.stderr.strip()[-300:]} "
                        f"{log.read_text()[-300:]}")
        yield server
    finally:
        stop(proc)


# -- nginx --------------------------------------------------------------------------------

@pytest.fixture
def nginx_for(tmp_path: Path) -> Iterator[Callable[[Path], str]]:
    """Start nginx serving ``<path>/current``; returns its base URL."""
    procs: list[subprocess.Popen] = []

    def start(target_path: Path) -> str:
        nginx = program("nginx")
        folder = tmp_path / f"nginx{len(procs)}"
        folder.mkdir()
        port = free_port()
        mime = "include /etc/nginx/mime.types;" if Path("/etc/nginx/mime.types").exists() else ""
        user = "user root;" if os.geteuid() == 0 else ""
        temps = "\n".join(f"{kind}_temp_path {folder}/{kind};"
                          for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (folder / "nginx.conf").write_text(textwrap.dedent(f"""\
            {user}
            daemon off;
            master_process off;
            worker_processes 1;
            pid {folder}/nginx.pid;
            error_log {folder}/error.log warn;
            events {{ worker_connections 128; }}
            http {{
                {mime}
                access_log off;
                {temps}
                open_file_cache off;
                server {{
                    listen 127.0.0.1:{port};
                    root {target_path}/current;
                    location / {{ try_files $uri $uri/ =404; }}
                }}
            }}
            """))
        log = folder / "error.log"
        proc = subprocess.Popen([nginx, "-e", str(log), "-p", str(folder), "-c",
                                 str(folder / "nginx.conf")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        procs.append(proc)
        wait_for_port(port, proc, "nginx", log)
        return f"http://127.0.0.1:{port}"

    yield start
    for proc in procs:
        stop(proc)


# -- S3 (moto server) ----------------------------------------------------------------------

@dataclass
class UploadGate:
    """Holds release uploads after ``after`` of them, until ``release`` is set."""

    after: int | None = None
    count: int = 0
    held: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def arm(self, after: int) -> None:
        with self.lock:
            self.after, self.count = after, 0
        self.held.clear()
        self.release.clear()

    def open(self) -> None:
        self.after = None
        self.release.set()

    def wrap(self, app: Callable) -> Callable:
        def gated(environ: dict, start_response: Callable):
            if (self.after is not None and environ.get("REQUEST_METHOD") == "PUT"
                    and "/releases/" in environ.get("PATH_INFO", "")):
                with self.lock:
                    self.count += 1
                    hold = self.count > self.after
                if hold:
                    self.held.set()
                    self.release.wait(60)
            return app(environ, start_response)
        return gated


@dataclass
class S3Server:
    endpoint: str
    gate: UploadGate

    def client(self):
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id="test-key", aws_secret_access_key="test-secret")

    def env(self) -> dict[str, str]:
        return {**base_env(), "CHANCERY_S3_ACCESS_KEY_ID": "test-key",
                "CHANCERY_S3_SECRET_ACCESS_KEY": "test-secret"}


@pytest.fixture(scope="session")
def s3() -> Iterator[S3Server]:
    """moto's S3 server on 127.0.0.1 (a real HTTP server), with an upload gate."""
    try:
        from moto.moto_server.werkzeug_app import (
            DomainDispatcherApplication,
            MotoRequestHandler,
            create_backend_app,
        )
        from werkzeug.serving import make_server
    except ImportError as exc:
        pytest.skip(f"moto[server] is not installed ({exc}); install the test extras")
    class QuietHandler(MotoRequestHandler):
        def log_request(self, *args: object, **kwargs: object) -> None:
            pass

    gate = UploadGate()
    app = gate.wrap(DomainDispatcherApplication(create_backend_app))
    server = make_server("127.0.0.1", free_port(), app, threaded=True,
                         request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield S3Server(f"http://127.0.0.1:{server.server_port}", gate)
    finally:
        gate.open()
        server.shutdown()
        thread.join(10)
