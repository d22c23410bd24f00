"""Entity mentions of a whole corpus, kept on disk while entities are merged.

Mentions grow with the corpus; a temporary SQLite table holds them so that merging
entities needs memory only for the distinct entities, however many articles a run has.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from extractor.models import Mention
from extractor.store.scratch import Scratch


class MentionSpill:
    """Append mentions by entity id; read them back per entity."""

    def __init__(self, folder: Path):
        self._scratch = Scratch(folder, "mentions")
        self._db = self._scratch.db
        self._db.execute('CREATE TABLE mention (entity TEXT, article TEXT, start INT, "end" INT, text TEXT)')
        self._indexed = False

    def add(self, entity_id: str, mentions: Iterable[Mention]) -> None:
        self._db.executemany("INSERT INTO mention VALUES (?, ?, ?, ?, ?)",
                             ((entity_id, m.article_id, m.start, m.end, m.text) for m in mentions))

    def mentions_of(self, entity_id: str) -> Iterator[Mention]:
        if not self._indexed:
            self._db.execute("CREATE INDEX mention_entity ON mention (entity)")
            self._indexed = True
        rows = self._db.execute('SELECT article, start, "end", text FROM mention WHERE entity = ? ORDER BY article, start',
                                (entity_id,))
        for article, start, end, text in rows:
            yield Mention(article_id=article, start=start, end=end, text=text)

    def close(self) -> None:
        self._scratch.close()
