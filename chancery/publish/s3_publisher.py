"""``method: s3``: upload a release beside the live one, then write the pointer last.

Every object of a release goes under ``releases/<name>/`` (see :mod:`s3_layout`); then a
marker says the release is complete, then ``current.json`` is overwritten to name it. A
single PUT is atomic and S3 reads are strongly consistent, so readers, who are served
through the pointer, switch from the old release to the new one at that PUT and never see
a mix. A publish killed before it leaves the pointer, and so the live site, unchanged; its
partial upload is invisible and removed by the next publish. ``keep`` releases are kept.

The build's ``.gz`` and ``.br`` copies (:mod:`chancery.pipeline.precompress`) are not uploaded:
a bucket cannot choose between them by the reader's ``Accept-Encoding``; the edge (CDN)
compresses the text files it serves.
"""

from __future__ import annotations

import json
import mimetypes
import sys
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from chancery.content.model.mission import S3Target
from chancery.core.clock import wall_now
from chancery.pipeline.digest import site_files
from chancery.pipeline.precompress import is_precompressed
from chancery.publish import s3_layout as layout
from chancery.publish.base import Publisher
from chancery.publish.built import BuiltSite
from chancery.publish.credentials import (
    S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY,
    S3_SESSION_TOKEN,
    env_value,
    require,
)
from chancery.publish.errors import PublishError
from chancery.publish.releases import Release, is_release_name

_TEXT = ("text/", "application/javascript", "application/json", "image/svg+xml",
         "application/xml", "application/rss+xml", "application/atom+xml")
_WORKERS = 8


def content_type(path: str) -> str:
    """The ``Content-Type`` to store for a file, with ``charset=utf-8`` for text."""
    kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith(_TEXT) else kind


class S3Publisher(Publisher):
    """Publishes to an S3-compatible bucket with boto3, credentials from the environment."""

    method = "s3"

    def __init__(self, mission: str, target: S3Target,
                 env: Mapping[str, str] | None = None) -> None:
        super().__init__(mission, env)
        self.target = target
        self.prefix = target.prefix
        self._client = None

    @property
    def keep(self) -> int:
        return self.target.keep

    def describe(self) -> str:
        where = self.target.endpoint or "AWS"
        return f"s3 bucket {self.target.bucket}/{self.prefix} at {where}"

    def open(self) -> None:
        import boto3
        from botocore.config import Config

        keys = require([S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY],
                       f"publishing {self.mission} to S3", self.env)
        session = boto3.session.Session(
            aws_access_key_id=keys[S3_ACCESS_KEY_ID],
            aws_secret_access_key=keys[S3_SECRET_ACCESS_KEY],
            aws_session_token=env_value(S3_SESSION_TOKEN, self.env),
            region_name=self.target.region,
        )
        config = Config(retries={"max_attempts": 5, "mode": "standard"},
                        max_pool_connections=_WORKERS * 2, ignore_configured_endpoint_urls=True,
                        s3={"addressing_style": "path"} if self.target.endpoint else {})
        self._client = session.client("s3", endpoint_url=self.target.endpoint, config=config)

    # -- bucket helpers -------------------------------------------------------------------

    def _call(self, what: str, method: str, **kwargs: object) -> dict:
        from boto3.exceptions import Boto3Error
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return getattr(self._client, method)(Bucket=self.target.bucket, **kwargs) or {}
        except ClientError as exc:
            error = exc.response.get("Error", {})
            raise PublishError(f"{what} in bucket {self.target.bucket} failed: "
                               f"{error.get('Code')} {error.get('Message', '')}".strip()) from None
        except (BotoCoreError, Boto3Error) as exc:
            raise PublishError(f"{what} in bucket {self.target.bucket} failed: {exc}") from None

    def _put_json(self, key: str, data: dict, what: str) -> None:
        body = json.dumps(data, indent=2).encode("utf-8")
        self._call(what, "put_object", Key=key, Body=body, CacheControl="no-cache",
                   ContentType="application/json")

    def _list(self, prefix: str, delimiter: str = "") -> Iterator[dict]:
        token: dict = {}
        while True:
            extra = {"Delimiter": delimiter} if delimiter else {}
            page = self._call("listing objects", "list_objects_v2", Prefix=prefix,
                              **extra, **token)
            yield page
            if not page.get("IsTruncated"):
                return
            token = {"ContinuationToken": page["NextContinuationToken"]}

    def live_pointer(self) -> dict | None:
        """The pointer object's content, or ``None`` before the first publish."""
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            body = self._client.get_object(Bucket=self.target.bucket,
                                           Key=layout.pointer_key(self.prefix))["Body"].read()
            return json.loads(body)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            problem: Exception = exc
        except (BotoCoreError, ValueError) as exc:
            problem = exc
        raise PublishError(f"reading {layout.pointer_key(self.prefix)} in bucket "
                           f"{self.target.bucket} failed: {problem}")

    def _state(self) -> tuple[dict | None, list[str], list[str]]:
        """The pointer, complete release names and incomplete ones, oldest first."""
        base = f"{self.prefix}releases/"
        folders, markers = set(), set()
        for page in self._list(base, "/"):
            for item in page.get("CommonPrefixes", []):
                folders.add(item["Prefix"][len(base):].rstrip("/"))
            for item in page.get("Contents", []):
                markers.add(item["Key"][len(base):].removesuffix(".json"))
        complete = sorted(n for n in markers if is_release_name(n))
        incomplete = sorted(n for n in folders - markers if is_release_name(n))
        return self.live_pointer(), complete, incomplete

    def _delete_release(self, name: str) -> None:
        keys = [layout.marker_key(self.prefix, name)]
        for page in self._list(layout.release_prefix(self.prefix, name)):
            keys += [item["Key"] for item in page.get("Contents", [])]
        for start in range(0, len(keys), 1000):
            chunk = [{"Key": key} for key in keys[start:start + 1000]]
            self._call(f"pruning release {name}", "delete_objects",
                       Delete={"Objects": chunk, "Quiet": True})

    # -- Publisher ------------------------------------------------------------------------

    def releases(self) -> list[Release]:
        pointer, complete, _ = self._state()
        live = (pointer or {}).get("release")
        return [Release(n, (pointer or {}).get("build_id", "") if n == live
                        else n.rsplit("-", 1)[-1], live=n == live) for n in complete]

    def publish(self, site: BuiltSite, name: str, archive: Path | None) -> None:
        pointer, complete, incomplete = self._state()
        folder = layout.release_prefix(self.prefix, name)

        def upload(rel: str) -> None:
            self._call(f"uploading {rel}", "upload_file", Filename=str(site.path / rel),
                       Key=folder + rel, ExtraArgs={"ContentType": content_type(rel)})

        with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
            every = site_files(site.path)
            files = set(every)
            for _ in pool.map(upload, [rel for rel in every if not (
                    is_precompressed(rel) and rel.rpartition(".")[0] in files)]):
                pass
        if archive is not None:
            self._call("uploading the archive", "upload_file", Filename=str(archive),
                       Key=layout.archive_key(self.prefix, name),
                       ExtraArgs={"ContentType": "application/gzip"})
        now = wall_now().isoformat(timespec="seconds")
        record = {"mission": self.mission, "release": name, "build_id": site.build_id,
                  "built_at": site.built_at, "uploaded_at": now}
        self._put_json(layout.marker_key(self.prefix, name), record, "marking the release")
        self._switch(name, site.build_id)
        live = (pointer or {}).get("release")
        ordered = sorted(set(complete) | {name})
        doomed = [n for n in ordered[:-self.keep] if n not in (name, live)]
        for old in doomed + [n for n in incomplete if n != name]:
            try:
                self._delete_release(old)
            except PublishError as exc:  # the new release is live already: only warn
                print(f"warning: {exc}", file=sys.stderr)

    def activate(self, release: Release) -> None:
        _, complete, _ = self._state()
        if release.name not in complete:
            raise PublishError(f"release {release.name} is not complete in the bucket")
        marker = self._call(f"reading release {release.name}", "get_object",
                            Key=layout.marker_key(self.prefix, release.name))
        self._switch(release.name, json.loads(marker["Body"].read())["build_id"])

    def _switch(self, name: str, build_id: str) -> None:
        pointer = {"mission": self.mission, "release": name, "build_id": build_id,
                   "switched_at": wall_now().isoformat(timespec="seconds")}
        self._put_json(layout.pointer_key(self.prefix), pointer, f"switching to release {name}")
