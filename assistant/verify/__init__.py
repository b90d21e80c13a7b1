"""Verify: from a claim and evidence passages to a verdict. Pure functions where possible."""
