"""Settings package: ``base`` is shared; ``local`` (the default of manage.py), ``test`` and
``production`` each import it and change only what differs."""
