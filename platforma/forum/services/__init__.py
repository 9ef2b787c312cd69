"""The Forum's writes: every one a service with its audit record (ARCHITECTURE.md, rule 1)."""
