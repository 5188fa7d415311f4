"""``python -m recapkit``."""

from recapkit.cli import main

raise SystemExit(main())
