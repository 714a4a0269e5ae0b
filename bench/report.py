"""The one table `make bench` prints, and the same rows as JSON and Markdown under var/bench/."""

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path

MISSING = "n/a (feature missing)"


@dataclass
class Row:
    name: str
    database: str
    ratio: float | None = None
    goal: str = ""
    detail: str = ""
    note: str = ""  # "n/a (feature missing)" and the like, shown instead of a ratio
    extra: dict = field(default_factory=dict)

    @property
    def met(self) -> str:
        # A goal is on the ratio ("≥ 0.25", "< 1"), or on server CPU per request ("≤ 10 ms").
        op, target, *unit = self.goal.split() or ["", ""]
        value = self.extra.get("cpu_ms") if unit == ["ms"] else self.ratio
        if value is None or not self.goal:
            return ""
        ok = value >= float(target) if op == "≥" else value <= float(target) if op == "≤" else value < float(target)
        return "yes" if ok and self.extra.get("goals_met", True) else "NO"

    def ratio_text(self) -> str:
        if self.ratio is None or (isinstance(self.ratio, float) and math.isnan(self.ratio)):
            return self.note or MISSING
        return f"{self.ratio:.2f}"


def missing_row(name: str, database: str, goal: str, reason: str, note: str = MISSING) -> Row:
    return Row(name, database, None, goal, reason, note)


HEADERS = ("row", "db", "ratio", "goal", "met", "detail")


def table_lines(rows: list[Row]) -> list[str]:
    cells = [(r.name, r.database, r.ratio_text(), r.goal, r.met, r.detail) for r in rows]
    widths = [max(len(str(c[i])) for c in [HEADERS, *cells]) for i in range(len(HEADERS))]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    return [line.format(*HEADERS), line.format(*("-" * w for w in widths))] + [line.format(*c) for c in cells]


def markdown(rows: list[Row], header: dict) -> str:
    lines = ["# make bench results", ""]
    lines += [f"- {key}: {value}" for key, value in header.items()]
    lines += ["", "| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for r in rows:
        cells = (r.name, r.database, r.ratio_text(), r.goal, r.met, r.detail)
        lines.append("| " + " | ".join(str(c).replace("|", "/") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def write(rows: list[Row], header: dict, directory: Path) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    json_path, md_path = directory / "results.json", directory / "results.md"
    json_path.write_text(json.dumps({**header, "rows": [asdict(r) for r in rows]}, indent=2, ensure_ascii=False))
    md_path.write_text(markdown(rows, header))
    return json_path, md_path
