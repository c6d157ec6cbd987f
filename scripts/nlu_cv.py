"""`rasa test nlu --cross-validation` with reproducible folds.

Rasa 3.6 splits the folds with ``StratifiedKFold(shuffle=True)`` and no seed, i.e. with
numpy's global random state, so two runs on the same data test different splits. Seeding
that state first makes a change to the data or the pipeline comparable run against run.
The seed is fixed here, not chosen per run.

    .venv-rasa/bin/python scripts/nlu_cv.py test nlu --cross-validation ...
"""

from __future__ import annotations

import numpy

FOLD_SEED = 20261127

if __name__ == "__main__":
    numpy.random.seed(FOLD_SEED)
    from rasa.__main__ import main

    main()
