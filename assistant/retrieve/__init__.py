"""Retrieve: passages for a claim (dense + BM25, fused), then sentence-level evidence with context."""
