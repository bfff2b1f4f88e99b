"""Start the workbench: `python main.py` is the same as the `workbench` command."""

from workbench.app import main

if __name__ == "__main__":
    raise SystemExit(main())
