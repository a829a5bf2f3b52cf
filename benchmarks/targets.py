"""The issue's performance targets, checked against measured runs (2-core machine)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from benchmarks.measure import Run


@dataclass(frozen=True)
class Target:
    """One measured figure against its limit."""

    name: str
    measured: float
    limit: float
    unit: str
    at_most: bool = True  # False: at least

    @property
    def met(self) -> bool:
        return self.measured <= self.limit if self.at_most else self.measured >= self.limit

    def as_dict(self) -> dict:
        return {**asdict(self), "met": self.met}

    @staticmethod
    def table(targets: list[Target]) -> str:
        lines = ["target                               measured     limit  result"]
        for t in targets:
            sign = "<=" if t.at_most else ">="
            lines.append(f"{t.name:<36} {t.measured:>8.2f} {sign} {t.limit:>6g} {t.unit:<3} "
                         f"{'ok' if t.met else 'MISSED'}")
        return "\n".join(lines)


def targets_for(missions: int, runs: list[Run], reference: Run | None) -> list[Target]:
    """The targets that apply to this network's size (issue 7); ``runs`` are Chancery's."""
    by_label = {r.label: r for r in runs}
    cold, same, edit = by_label["cold"], by_label["no change"], by_label["one-post edit"]
    found = [
        Target("largest post page", max(r.output.largest_post.bytes for r in runs) / 1024,
               25, "KB"),
        Target("peak memory per worker", max(r.worker_peak_rss_mb for r in runs), 1024, "MB"),
    ]
    if missions == 1:
        found += [
            Target("cold build", cold.wall_s, 8, "s"),
            Target("no-change rebuild", same.wall_s, 1, "s"),
            Target("rebuild after editing one post", edit.wall_s, 2, "s"),
        ]
        if reference is not None:
            found.append(Target("cold: times faster than off the shelf",
                                reference.wall_s / cold.wall_s, 12, "x", at_most=False))
    else:
        found.append(Target("no-change rebuild of the network", same.wall_s, 10, "s"))
    return found
