"""An alert as the banner shows it in one language (falling back to English, then Vietnamese)."""

from __future__ import annotations

from dataclasses import dataclass

from chancery.content.i18n.catalog import ui_strings
from chancery.content.model.fields import Localized
from chancery.content.model.languages import DEFAULT_LANGUAGE, language
from chancery.features.alerts.alerts import ScheduledAlert
from chancery.features.consular.views import paragraphs


@dataclass(frozen=True)
class AlertView:
    id: str
    severity: str
    label: str  # what kind of notice this is, for screen readers
    title: str
    body: list[str]
    lang: str  # language of title and body
    dir: str
    link: str | None
    link_label: str


def _pick(title: Localized, body: Localized, lang: str) -> str:
    for code in (lang, "en", DEFAULT_LANGUAGE):
        if code in title.root and code in body.root:
            return code
    return DEFAULT_LANGUAGE


def alert_view(scheduled: ScheduledAlert, lang: str) -> AlertView:
    _ = ui_strings(lang).gettext
    alert = scheduled.alert
    code = _pick(alert.title, alert.body, lang)
    label = {"info": _("Notice"), "warning": _("Warning"), "critical": _("Urgent warning")}
    return AlertView(
        alert.id,
        alert.severity,
        label[alert.severity],
        alert.title.get(code),
        paragraphs(alert.body.get(code)),
        code,
        language(code).direction,
        alert.link,
        _("Read more"),
    )
