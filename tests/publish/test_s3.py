"""``method: s3`` against moto's S3 server on 127.0.0.1, read the way the edge reads it."""

from __future__ import annotations

import json
import uuid

import pytest

from chancery.publish.archive import list_archives
from chancery.publish.s3_layout import object_key, pointer_key
from tests.publish.conftest import (
    http_get,
    kill_group,
    run_cli,
    site_version,
    start_cli,
    wait_until,
    write_build,
    write_network,
)

MISSION = "fr-lyon"
PREFIX = "sites/fr-lyon/"


class Setup:
    def __init__(self, tmp_path, s3, keep: int = 2, others: dict | None = None) -> None:
        self.s3, self.bucket = s3, f"chancery-{uuid.uuid4().hex[:12]}"
        self.client = s3.client()
        self.client.create_bucket(Bucket=self.bucket)
        self.content = write_network(tmp_path, {MISSION: self.yaml(PREFIX, keep),
                                                **(others or {})})
        self.out, self.archive = tmp_path / "site", tmp_path / "archive"

    def yaml(self, prefix: str, keep: int = 2) -> str:
        return (f"method: s3\nbucket: {self.bucket}\nprefix: {prefix}\n"
                f"endpoint: {self.s3.endpoint}\nkeep: {keep}\n")

    def args(self, command: str, *extra: str, mission: str = MISSION) -> list[str]:
        more = ["--out", str(self.out)] if command == "publish" else []
        if command in ("publish", "releases"):
            more += ["--archive", str(self.archive)]
        return [command, "--mission", mission, "--content", str(self.content), *more, *extra]

    def run(self, command: str, *extra: str, mission: str = MISSION) -> str:
        result = run_cli(self.args(command, *extra, mission=mission), self.s3.env())
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def get(self, key: str) -> tuple[int, bytes]:
        """An HTTP GET of ``key``, signed as the edge's origin access signs it."""
        signed = self.client.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=300)
        return http_get(signed)

    def read(self, path: str, prefix: str = PREFIX) -> tuple[int, bytes]:
        """What a reader gets for ``path``: the edge reads the pointer, then the object."""
        status, body = self.get(pointer_key(prefix))
        if status != 200:
            return status, b""
        return self.get(object_key(prefix, json.loads(body)["release"], path))

    def seen(self, path: str) -> tuple[int, bytes]:
        """:meth:`read`, with the body of an error dropped (it holds a request id)."""
        status, body = self.read(path)
        return status, body if status == 200 else b""

    def pointer(self) -> bytes:
        return self.get(pointer_key(PREFIX))[1]

    def object_keys(self, under: str = PREFIX) -> list[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=under)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def complete(self) -> list[str]:
        keys = self.object_keys(PREFIX + "releases/")
        return [k.rsplit("/", 1)[-1].removesuffix(".json") for k in keys
                if k.endswith(".json") and k.count("/") == PREFIX.count("/") + 1]


def url(rel: str) -> str:
    return "/" + rel.removesuffix("index.html")


def test_publish_writes_the_pointer_last_and_keeps_releases(tmp_path, s3):
    s = Setup(tmp_path, s3, keep=2)
    v1_files = site_version("v1")
    v1 = write_build(s.out, MISSION, v1_files)
    s.run("publish")
    for rel, data in v1_files.items():
        assert s.read(url(rel)) == (200, data.encode())
    head = s.client.head_object(Bucket=s.bucket,
                                   Key=object_key(PREFIX, s.complete()[0], "/index.html"))
    assert head["ContentType"] == "text/html; charset=utf-8"

    keys, pointer = s.object_keys(), s.pointer()
    assert "already live" in s.run("publish")
    assert (s.object_keys(), s.pointer()) == (keys, pointer), "the same build was published twice"

    v2 = write_build(s.out, MISSION, site_version("v2"))
    s.run("publish")
    assert s.read("/")[1] == b"<h1>home v2</h1>"
    s.run("rollback")
    assert s.read("/")[1] == b"<h1>home v1</h1>"
    assert json.loads(s.pointer())["build_id"] == v1
    s.run("rollback", "--to", v2[:10])
    assert s.read("/fr/")[1] == b"<h1>accueil v2</h1>"

    for tag in ("v3", "v4"):
        write_build(s.out, MISSION, site_version(tag))
        s.run("publish")
    assert s.read("/")[1] == b"<h1>home v4</h1>"
    assert len(s.complete()) == 2, "keep: 2 was not applied"
    archived = list_archives(s.archive, MISSION)
    assert len(archived) == 4
    assert [k.rsplit("/", 1)[-1] for k in s.object_keys(PREFIX + "archive/")] == \
        [a.path.name for a in archived]
    remote = s.run("releases", "--remote")
    assert remote.strip().endswith("live")


def test_publish_killed_mid_upload_leaves_readers_on_the_old_release(tmp_path, s3):
    s = Setup(tmp_path, s3)
    v1_files = site_version("v1")
    write_build(s.out, MISSION, v1_files)
    s.run("publish")
    paths = [url(rel) for rel in site_version("v2", extra=80, size=1_000)]
    before = {path: s.seen(path) for path in paths}
    pointer, complete = s.pointer(), s.complete()

    write_build(s.out, MISSION, site_version("v2", extra=80, size=1_000))
    s3.gate.arm(after=20)  # the server holds the 21st upload and every one after it
    try:
        proc = start_cli(s.args("publish"), s3.env())
        wait_until(lambda: s3.gate.held.is_set() or proc.poll() is not None,
                   "the upload to be under way")
        assert proc.poll() is None, "the publish ended before it could be killed: " + \
            proc.stdout.read()
        kill_group(proc)
    finally:
        s3.gate.open()

    assert s.pointer() == pointer
    assert s.complete() == complete
    assert {path: s.seen(path) for path in paths} == before
    assert len(list_archives(s.archive, MISSION)) == 1
    assert any("/releases/" in k and complete[0] not in k for k in s.object_keys()), \
        "the killed upload left nothing: it was not under way"

    s.run("publish")
    assert s.read("/")[1] == b"<h1>home v2</h1>"
    live = json.loads(s.pointer())["release"]
    folders = {k[len(PREFIX + "releases/"):].split("/")[0].removesuffix(".json")
               for k in s.object_keys(PREFIX + "releases/")}
    assert folders == set(complete) | {live}, "the partial upload was not cleaned up"


@pytest.mark.parametrize("prefix, refused", [("sites/fr-nice/", False), ("sites/", True),
                                             ("sites/fr-lyon/", True)])
def test_a_prefix_another_mission_declares_is_refused(tmp_path, s3, prefix, refused):
    s = Setup(tmp_path, s3)
    s.content = write_network(tmp_path / "again", {MISSION: s.yaml(PREFIX),
                                                   "fr-nice": s.yaml(prefix)})
    write_build(s.out, "fr-nice", site_version("nice"))
    result = run_cli(s.args("publish", mission="fr-nice"), s3.env())
    if refused:
        assert result.returncode == 1 and "refused" in result.stderr
        assert f"mission {MISSION} declares" in result.stderr
        assert s.object_keys("") == [], "the refused publish wrote to the bucket"
    else:
        assert result.returncode == 0, result.stderr
        assert s.read("/", prefix)[1] == b"<h1>home nice</h1>"
