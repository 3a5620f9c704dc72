"""The analyse layer: dyad timelines, relations index and phases, panels, partners, contexts, briefs, exports.

    from detente.analyse import dyad_timeline, dyad_phases, partners, write_brief, export_events
"""
from __future__ import annotations

from typing import Any

_PUBLIC = {
    "load_events": "frames", "EventFilter": "query", "open_db": "query",
    "dyad_timeline": "dyad", "DyadTimeline": "dyad", "Period": "dyad",
    "dyad_phases": "phases", "Phase": "phases", "partners": "partners", "Partner": "partners",
    "dyad_contexts": "contexts", "write_brief": "brief", "export_events": "export", "KeyEvent": "records",
    "write_panel": "panel",  # the panel function: detente.panel (detente.analyse.panel is its module)
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    # Lazy: `import detente.analyse` stays light until a function is used.
    if name in _PUBLIC:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_PUBLIC[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
