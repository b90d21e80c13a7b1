"""Ingest: turn reference files into ``SourceDocument`` + ``Passage`` records and put them in the store."""
