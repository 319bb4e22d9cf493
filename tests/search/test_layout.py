"""Runs of terms cut again only around the terms that changed are the runs a fresh cut gives."""

import random
import string

from generator.search.layout import Cutter, recut


def test_cutting_again_around_changes_gives_the_runs_of_a_fresh_cut():
    rng = random.Random(7)
    for trial in range(200):
        costs = {"".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 8))): rng.choice([5, 20, 90, 400, 1500])
                 for _ in range(rng.randint(0, 300))}

        cutter = Cutter(costs.__getitem__, 2000, 1000)
        before = sorted(costs)
        runs = cutter.runs(before)
        touched = set()
        for _ in range(rng.randint(0, 6)):
            change = rng.random()
            if change < 0.4 or not costs:  # a new term
                term = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 8)))
                costs.setdefault(term, rng.choice([5, 20, 90, 400, 1500]))
            elif change < 0.7:  # one removed
                term = rng.choice(sorted(costs))
                del costs[term]
            else:  # one grown past a cut, or not
                term = rng.choice(sorted(costs))
                costs[term] *= rng.choice([1, 2, 10])
            touched.add(term)
        after = sorted(costs)
        made = recut(after, [run[0] for run in runs], touched, cutter)
        assert [runs[r] if isinstance(r, int) else r for r in made] == cutter.runs(after), trial
        # A run kept from before holds no changed term.
        assert all(touched.isdisjoint(runs[r]) for r in made if isinstance(r, int))
