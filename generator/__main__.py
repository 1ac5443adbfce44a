"""`python -m generator`: see generator/cli.py."""

from generator.cli import main

raise SystemExit(main())
