"""``python -m newsnorm`` is the ``newsnorm`` command."""

if __name__ == "__main__":
    from newsnorm.cli import main

    raise SystemExit(main())
