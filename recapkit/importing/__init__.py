"""Read an existing post back into recap data (``recapkit import``); see docs/importing.md."""
