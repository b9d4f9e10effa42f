"""The fact base: content/'s YAML files, their schema, and everything that reads or
writes them.

- `schema.py`: how a field is declared (`fact`), and what the declarations give
  (`fields_of`, `policies`); `model.py`: the dataclasses, each field declared once.
- `records.py`: objects to file records and back; `files.py`: content/ parsed;
  `check.py`: validation (`sitegen check`); `store.py`: the fact base read for the
  build and the render, written through `journal.py` (snapshot, write journal,
  corrections); `yamledit.py` rewrites a hand-edited file keeping its comments.
- `reconcile.py`: the three-way merge of hand edits with a new build.

Nothing here imports extraction or merging (or spaCy): a site renders from content/.
"""
