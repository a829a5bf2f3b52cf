"""Settings that headquarters (HQ) keeps once for every mission: ``content/_hq/hq.yml``."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from chancery.content.model.cms import CmsSettings
from chancery.content.model.crisis import HqCrisis
from chancery.content.model.fields import HttpsUrl, Localized, Phone, Slug, Strict
from chancery.content.model.host_patterns import allowed, host_pattern
from chancery.content.model.html_policy import HtmlPolicy


class MinistryLink(Strict):
    """A link to a ministry service shown in every mission's footer."""

    label: Localized
    url: HttpsUrl


class Ministry(Strict):
    """The ministry that runs the network."""

    name: Localized
    url: HttpsUrl
    country_name: Localized
    citizen_protection_hotline: Phone
    links: list[MinistryLink] = Field(default_factory=list)


class NewsCategory(Strict):
    """A news category that every mission may use, named in every language."""

    id: Slug
    name: Localized


class NewsSettings(Strict):
    """HQ-wide news settings."""

    page_size: int = Field(10, ge=1, le=100)
    categories: list[NewsCategory] = Field(min_length=1)


class Navigation(Strict):
    """How every mission's navigation is ordered."""

    sections: list[str] = Field(
        default_factory=list, description="top-level folders in this order; others follow"
    )
    hidden: list[str] = Field(
        default_factory=list, description="pages kept out of the navigation (e.g. footer pages)"
    )


class TranslationPolicy(Strict):
    """What readers see when a page is not (or no longer) translated."""

    fallback_sections: list[str] = Field(
        default_factory=list,
        description="top-level folders whose untranslated pages show the Vietnamese text "
        "with a notice; pages of other folders (news) are simply absent",
    )
    strict_sections: list[str] = Field(
        default_factory=list,
        description="folders where an outdated translation fails `check --strict` (CI)",
    )


HostPattern = Annotated[str, AfterValidator(host_pattern)]


class Publishing(Strict):
    """Which publish targets missions may declare: kinds, and the hosts they may name."""

    local_git: bool = Field(
        False,
        description="allow git remotes that are folders on the build machine (a test "
        "network's bare repositories); leave it false in production",
    )
    hosts: list[HostPattern] = Field(
        default_factory=list,
        description="the only hosts a git remote, SSH host or S3 endpoint may name (the "
        "publisher sends them credentials): names, *.domain patterns, IP addresses or "
        "networks; empty allows none",
    )

    def allows_host(self, host: str) -> bool:
        """True when credentials may be sent to ``host`` (see :mod:`host_patterns`)."""
        return allowed(host, self.hosts)


class HQ(Strict):
    """Everything in ``content/_hq/hq.yml``."""

    navigation: Navigation = Field(default_factory=Navigation)
    translation: TranslationPolicy = Field(default_factory=TranslationPolicy)

    ministry: Ministry
    news: NewsSettings
    html: HtmlPolicy = Field(
        default_factory=HtmlPolicy, description="what HTML pages may contain (the sanitiser)"
    )
    locked_pages: list[str] = Field(
        default_factory=list,
        description="HQ pages (paths under content/_hq/pages/<lang>/) missions may not override",
    )
    publishing: Publishing = Field(default_factory=Publishing)
    crisis: list[HqCrisis] = Field(
        default_factory=list,
        description="crises HQ declares for some missions or all (chancery/features/crisis)")
    cms: CmsSettings = Field(
        default_factory=CmsSettings, description="the web editor at /admin/ (Decap CMS)"
    )
