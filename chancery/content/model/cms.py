"""HQ's settings of the web editor: ``cms:`` in ``content/_hq/hq.yml``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from chancery.content.model.fields import HttpsUrl, Strict


class CmsSettings(Strict):
    """Whether every mission's site gets the web editor at ``/admin/``, and its backend."""

    enabled: bool = Field(
        False, description="publish the web editor (Decap CMS) at /admin/ of every mission")
    backend: Literal["github", "gitlab"] = Field(
        "github", description="where the repository is hosted")
    repo: str | None = Field(
        None, pattern=r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$",
        description="owner/name of the repository, e.g. vn-mofa/chancery")
    branch: str = Field("main", pattern=r"^[A-Za-z0-9._/-]+$",
                        description="the branch the sites are built from")
    base_url: HttpsUrl | None = Field(
        None, description="the OAuth service that signs editors in (GitHub needs one)")
    auth_endpoint: str | None = Field(
        None, pattern=r"^[A-Za-z0-9._/-]+$", description="its path, e.g. api/auth")
    editorial_workflow: bool = Field(
        True, description="drafts, review and publishing as pull requests")
    local_backend: bool = Field(
        True, description="let an editor who runs decap-server on their own machine edit "
        "their checkout (the editor opened at http://localhost:.../admin/)")
    local_backend_port: int = Field(
        8081, ge=1024, le=65535, description="decap-server's port (its PORT; 8081 unless set)")
    content_path: str = Field(
        "content", pattern=r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$",
        description="the content folder's path in the repository")

    @model_validator(mode="after")
    def _repo_when_enabled(self) -> CmsSettings:
        if self.enabled and not self.repo:
            raise ValueError("cms.enabled needs cms.repo (owner/name of the repository), "
                             "e.g. repo: vn-mofa/chancery")
        return self
