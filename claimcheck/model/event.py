"""Events: what a set of reports is about (one earthquake, one strike, one trial). Documents reporting the same
event are grouped, and figures from different sources are compared within an event, not across events."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Event:
    """Documents that report one happening: ``label`` names it by what they share (names, then words), and
    ``dates`` spans their publication dates where known."""

    id: str
    documents: list[str] = field(default_factory=list)  # document ids
    label: str = ""
    first_date: str | None = None
    last_date: str | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "documents": self.documents, "first_date": self.first_date,
                "last_date": self.last_date}
