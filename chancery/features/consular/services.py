"""A mission's consular services: HQ's defaults merged with the mission's changes.

Every field of a merged service remembers the file and line it came from, so a
later check (a missing translation, a ``review_by`` date gone by) points at the
file the editor must change: HQ's or the mission's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chancery.content.data.files import hq_data, mission_data
from chancery.content.data.validation import problem, validate_at
from chancery.content.loaders.yaml_source import Path_, YamlSource
from chancery.content.model.network import MissionEntry, Network
from chancery.core.errors import ContentError, Problem, msg
from chancery.features.consular.model import (
    Fee,
    FeeChange,
    HQServices,
    MissionServices,
    Service,
    ServiceChange,
)

FILE = "consular.yml"
_CONTROL = {"id", "offered"}


@dataclass(frozen=True)
class ServiceRecord:
    """A merged service and, per field, where its value was written."""

    service: Service
    origins: dict[str, tuple[YamlSource, Path_]]
    fee_labels: dict[int, tuple[YamlSource, Path_]] = field(default_factory=dict)

    def where(self, name: str) -> tuple[YamlSource, Path_]:
        return self.origins[name]

    def fee_label(self, index: int) -> tuple[YamlSource, Path_]:
        """Where the label of fee ``index`` is written (HQ's, when the mission gave an id)."""
        if index in self.fee_labels:
            return self.fee_labels[index]
        source, path = self.origins["fees"]
        return source, path + (index, "label")


@dataclass
class Catalog:
    """The services a mission offers, in order, and the problems met loading them."""

    services: list[ServiceRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, service_id: str) -> ServiceRecord | None:
        return next((r for r in self.services if r.service.id == service_id), None)


def _load(source: YamlSource | None, model, problems: list[Problem]):
    if source is None:
        return None, None
    try:
        return validate_at(model, source.data, source), source
    except ContentError as exc:
        problems += exc.problems
        return None, source


def _duplicates(ids: list[str], source: YamlSource, problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for i, service_id in enumerate(ids):
        path = ("services", i, "id")
        if service_id in seen:
            first = source.line_of(("services", seen[service_id], "id"))
            problems.append(
                problem(source, path, msg("service '{service_id}' is listed twice (first on "
                                          "line {first}); keep one entry per service",
                                          service_id=service_id, first=first))
            )
        else:
            seen[service_id] = i


_PARTS = {"fees": msg("fee"), "forms": msg("form")}  # the lists whose items have an id


def _repeated_ids(services: list, source: YamlSource, problems: list[Problem]) -> None:
    """A fee or form id given twice within one service."""
    for i, service in enumerate(services):
        for part in ("fees", "forms"):
            seen: dict[str, int] = {}
            for k, item in enumerate(getattr(service, part) or []):
                if item.id is None:
                    continue
                if item.id in seen:
                    first = source.line_of(("services", i, part, seen[item.id], "id"))
                    problems.append(problem(
                        source, ("services", i, part, k, "id"),
                        msg("{part} id '{id}' is used twice in '{service}' (first on line "
                            "{first}); give each {part} its own id",
                            part=_PARTS[part], id=item.id, service=service.id, first=first)))
                else:
                    seen[item.id] = k


def _origins(source: YamlSource, index: int, names) -> dict[str, tuple[YamlSource, Path_]]:
    return {name: (source, ("services", index, name)) for name in names}


def load_catalog(network: Network, entry: MissionEntry) -> Catalog:
    """HQ's services with the mission's changes and additions, ordered by weight."""
    catalog = Catalog()
    problems = catalog.problems
    hq, hq_source = _load(hq_data(network, FILE), HQServices, problems)
    own, own_source = _load(mission_data(entry, FILE), MissionServices, problems)
    records: dict[str, ServiceRecord] = {}
    if hq is not None:
        _duplicates([s.id for s in hq.services], hq_source, problems)
        _repeated_ids(hq.services, hq_source, problems)
        for i, service in enumerate(hq.services):
            records.setdefault(
                service.id, ServiceRecord(service, _origins(hq_source, i, Service.model_fields))
            )
    if own is not None:
        _duplicates([s.id for s in own.services], own_source, problems)
        _repeated_ids(own.services, own_source, problems)
        for i, change in enumerate(own.services):
            _apply(change, i, own_source, records, problems)
    ordered = sorted(
        enumerate(records.values()), key=lambda pair: (pair[1].service.weight, pair[0])
    )
    catalog.services = [record for _, record in ordered]
    return catalog


def _apply(
    change: ServiceChange,
    index: int,
    source: YamlSource,
    records: dict[str, ServiceRecord],
    problems: list[Problem],
) -> None:
    """Apply one entry of the mission's file to the services known so far."""
    base = records.get(change.id)
    if base is not None and base.origins["id"][0] is source:
        return  # a duplicate of this file, reported already
    if not change.offered:
        if base is None:
            message = _unknown(change.id, records)
            problems.append(problem(source, ("services", index, "id"), message))
        else:
            del records[change.id]
        return
    if base is None:
        raw = {k: v for k, v in source.data["services"][index].items() if k != "offered"}
        missing = [name for name, info in Service.model_fields.items()
                   if info.is_required() and name not in raw]
        if missing:
            problems.append(problem(
                source, ("services", index, "id"),
                msg("{unknown}, or give every field of a new service (missing: {missing})",
                    unknown=_unknown(change.id, records), missing=", ".join(missing))))
            return
        try:
            service = validate_at(Service, raw, source, ("services", index))
        except ContentError as exc:
            problems += exc.problems
            return
        records[change.id] = ServiceRecord(service, _origins(source, index, Service.model_fields))
        return
    given = change.model_fields_set - _CONTROL
    emptied = [
        name for name in given
        if getattr(change, name) is None and Service.model_fields[name].is_required()
    ]
    for name in emptied:
        problems.append(problem(source, ("services", index, name),
                                msg("'{name}' cannot be empty; give a value or delete the line "
                                    "to keep HQ's", name=name)))
    if emptied:
        return
    update = {name: getattr(change, name) for name in given}
    fee_labels: dict[int, tuple[YamlSource, Path_]] = {}
    if change.fees is not None:
        update["fees"], fee_labels = _merge_fees(base, change.fees, source, index, problems)
    merged = base.service.model_copy(update=update)
    origins = dict(base.origins) | _origins(source, index, given)
    records[change.id] = ServiceRecord(merged, origins, fee_labels)


def _merge_fees(base: ServiceRecord, changes: list[FeeChange], source: YamlSource, index: int,
                problems: list[Problem]) -> tuple[list[Fee], dict[int, tuple[YamlSource, Path_]]]:
    """The mission's fees; one with only an ``id`` keeps the label of HQ's fee of that id."""
    hq_source, hq_path = base.origins["fees"]
    known = {fee.id: (j, fee) for j, fee in enumerate(base.service.fees) if fee.id}
    fees, labels = [], {}
    for k, change in enumerate(changes):
        label = change.label
        if label is None and change.id in known:
            j, hq_fee = known[change.id]
            label, labels[k] = hq_fee.label, (hq_source, hq_path + (j, "label"))
        if label is None:
            ids = ", ".join(known) or "none"
            problems.append(problem(source, ("services", index, "fees", k),
                                    msg("this fee needs a 'label', or the 'id' of one of HQ's "
                                        "fees for '{id}' (ids: {ids})",
                                        id=base.service.id, ids=ids)))
            continue
        fees.append(Fee(id=change.id, label=label, amount=change.amount,
                        currency=change.currency, in_force=change.in_force))
    return fees, labels


def _unknown(service_id: str, records: dict[str, ServiceRecord]) -> str:
    known = ", ".join(records) or "none"
    return msg("'{service_id}' is not a known service ({known}); check the id",
               service_id=service_id, known=known)
