# SPDX-License-Identifier: EUPL-1.2
import numpy as np
import pytest

from goedebuur.core.partners.features import Features


def make(n=3, **extra):
    values = dict(
        codes=[f"GM{i:04d}" for i in range(n)],
        names=[f"Gemeente {i}" for i in range(n)],
        lat=np.linspace(51.5, 52.5, n),
        lon=np.linspace(4.5, 6.0, n),
        population=np.full(n, 20_000.0),
        regions={"provincie": np.zeros(n, dtype=int)},
        neighbours=[frozenset({(i + 1) % n, (i - 1) % n} - {i}) for i in range(n)],
    )
    values.update(extra)
    return Features(**values)


def test_it_finds_indices_by_code_case_insensitively():
    features = make()
    assert features.index_of("GM0002") == 2
    assert features.index_of("gm0001") == 1
    assert features.index_of(0) == 0
    with pytest.raises(KeyError):
        features.index_of("GM9999")
    with pytest.raises(KeyError):
        features.index_of(3)


def test_it_rejects_arrays_of_the_wrong_length():
    with pytest.raises(ValueError):
        make(population=np.zeros(2))
    with pytest.raises(ValueError):
        make(codes=["GM0001", "GM0001", "GM0002"])


def test_it_fills_point_contacts_when_not_given():
    assert make().point_contacts == [frozenset()] * 3


def test_it_makes_a_reindexed_subset():
    features = make(4, cooperating=[frozenset({1}), frozenset({0}), frozenset(), frozenset()])
    sub = features.subset([1, 0])
    assert sub.codes == ["GM0001", "GM0000"]
    assert sub.neighbours == [frozenset({1}), frozenset({0})]
    assert sub.cooperating == [frozenset({1}), frozenset({0})]
