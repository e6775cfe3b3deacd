"""``python -m newsnorm`` is the ``newsnorm`` command."""

from newsnorm.cli import main

raise SystemExit(main())
