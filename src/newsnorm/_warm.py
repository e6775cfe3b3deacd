"""Imported by the ``--jobs`` forkserver before it forks workers: see :func:`warm_up`."""

from newsnorm.parallel import warm_up

warm_up()
