"""Wiring shared by the faces: open the store, the index and the advisor from a Config."""

from __future__ import annotations

from bot.advice import Advisor
from bot.config import Config
from corpus.store import Store
from index.embedder import get_embedder
from index.search import Searcher


def open_advisor(config: Config) -> Advisor:
    """The ready advisor, or StoreError / IndexProblem naming the command that fixes it."""
    store = Store.open(config.database, create=False)
    embedder = get_embedder(config.model, cache_dir=config.index_path)
    searcher = Searcher.open(store, config.index_path, embedder)
    return Advisor.open(searcher, config.index_path)
