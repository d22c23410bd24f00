"""Entity mentions and roles of a whole corpus, kept on disk while entities are merged.

Both grow with the corpus (one row per mention, one per role an article states); a
temporary SQLite database holds them so that merging entities needs memory only for
the distinct entities, however many articles a run has.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from extractor.models import EntityRef, Mention, Role
from extractor.store.scratch import Scratch

_SCHEMA = """
CREATE TABLE mention (entity TEXT, article TEXT, start INT, "end" INT, text TEXT, field TEXT);
CREATE TABLE role (entity TEXT, title TEXT, org_id TEXT, org_name TEXT, article TEXT,
                   UNIQUE (entity, title, org_id, article));
"""


class EntitySpill:
    """Append mentions and roles by entity id; read them back per entity.

    A role is kept once per (entity, title, organisation, article), by article id and
    then in the order seen (not in the order of articles, which must not matter). ``folder`` is where the temporary database goes; none keeps it in SQLite's
    private temporary storage.
    """

    def __init__(self, folder: Path | None = None):
        self._scratch = Scratch(folder, "entities")
        self._db = self._scratch.db
        self._db.executescript(_SCHEMA)
        self._indexed = False

    def add(self, entity_id: str, mentions: Iterable[Mention], roles: Iterable[Role]) -> None:
        self._db.executemany("INSERT INTO mention VALUES (?, ?, ?, ?, ?, ?)",
                             ((entity_id, m.article_id, m.start, m.end, m.text, m.field) for m in mentions))
        self._db.executemany("INSERT OR IGNORE INTO role VALUES (?, ?, ?, ?, ?)",
                             ((entity_id, r.title, r.org.id if r.org else "", r.org.name if r.org else None,
                               r.article_id) for r in roles))

    def _index(self) -> None:
        if not self._indexed:
            self._db.execute("CREATE INDEX mention_entity ON mention (entity)")
            self._indexed = True

    def mentions_of(self, entity_id: str) -> Iterator[Mention]:
        self._index()
        rows = self._db.execute('SELECT article, start, "end", text, field FROM mention WHERE entity = ? '
                                "ORDER BY article, field = 'text', start", (entity_id,))  # the headline's first
        for article, start, end, text, field in rows:
            yield Mention(article_id=article, start=start, end=end, text=text, field=field)

    def roles_of(self, entity_id: str) -> list[Role]:
        rows = self._db.execute("SELECT title, org_id, org_name, article FROM role WHERE entity = ? ORDER BY article, rowid",
                                (entity_id,))
        return [Role(title=title, org=EntityRef(id=org_id, name=org_name) if org_id else None, article_id=article)
                for title, org_id, org_name, article in rows]

    def close(self) -> None:
        self._scratch.close()
