"""The Tertial class: dates, navigation, ordering, hashing, pickling and its error paths."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from typing import List

import pytest

import zielsystem as zs


def test_dates_of_2022() -> None:
    t1, t2, t3 = zs.Tertial.of_year(2022)
    assert (t1.start, t1.cut_off, t1.deadline) == (
        dt.date(2022, 1, 1),
        dt.date(2022, 4, 30),
        dt.date(2022, 5, 31),
    )
    assert (t2.start, t2.cut_off, t2.deadline) == (
        dt.date(2022, 5, 1),
        dt.date(2022, 8, 31),
        dt.date(2022, 9, 30),
    )
    assert t3.deadline == dt.date(2023, 1, 31)
    assert isinstance(t3.deadline, dt.date)


def test_attributes_and_text() -> None:
    t = zs.Tertial("2022-T2")
    assert (t.year, t.period, t.code) == (2022, 2, "2022-T2")
    assert str(t) == "2022-T2"
    assert repr(t) == "Tertial('2022-T2')"
    assert t.label_de == "II. Tertial 2022"
    assert t.contains(dt.date(2022, 8, 31))
    assert not t.contains(dt.date(2022, 9, 1))


def test_navigation() -> None:
    t = zs.Tertial("2022-T3")
    assert t.next() == zs.Tertial("2023-T1")
    assert t.next().previous() == t
    assert zs.Tertial("2022-T1").previous() == zs.Tertial("2021-T3")
    assert zs.Tertial.containing(dt.date(2022, 5, 1)) == zs.Tertial("2022-T2")
    assert zs.Tertial.containing(dt.datetime(2022, 12, 31, 23, 59)) == t


def test_ordering_and_hashing() -> None:
    codes = ["2023-T1", "2022-T3", "2022-T1", "2022-T2"]
    ordered = sorted(zs.Tertial(c) for c in codes)
    assert [str(t) for t in ordered] == ["2022-T1", "2022-T2", "2022-T3", "2023-T1"]
    assert zs.Tertial("2022-T1") < zs.Tertial("2022-T2") <= zs.Tertial("2022-T2")
    assert zs.Tertial("2022-T1") != zs.Tertial("2022-T2")
    assert len({zs.Tertial("2022-T1"), zs.Tertial("2022-T1"), zs.Tertial("2022-T2")}) == 2
    # A tertial is its code: equal to, hashed and ordered like the text.
    assert zs.Tertial("2022-T1") == "2022-T1"
    assert "2022-T1" in {zs.Tertial("2022-T1")}
    assert zs.Tertial("2022-T3") < "2023-T1"
    assert isinstance(zs.Tertial("2022-T1"), str)
    assert type(str(zs.Tertial("2022-T1"))) is str
    assert json.dumps({"t": zs.Tertial("2022-T1")}) == '{"t": "2022-T1"}'


def test_tertials_from_the_core_are_the_package_class(system: zs.TargetSystem, sheets: List[zs.ReportSheet]) -> None:
    assert type(system.first_tertial) is zs.Tertial
    assert all(type(t) is zs.Tertial for t in system.reporting_tertials)
    assert all(type(s.tertial) is zs.Tertial for s in sheets)
    assert type(zs.Tertial("2022-T3").next()) is zs.Tertial
    assert all(type(t) is zs.Tertial for t in zs.Tertial.of_year(2022))


def test_pickle_and_immutability() -> None:
    t = zs.Tertial("2022-T1")
    assert pickle.loads(pickle.dumps(t)) == t
    with pytest.raises(AttributeError):
        t.year = 2023  # type: ignore[misc]


@pytest.mark.parametrize("code", ["2022-T4", "2022-t1", "22-T1", "10000-T1", "", "2022-T1 "])
def test_malformed_codes_raise_parse_error(code: str) -> None:
    with pytest.raises(zs.ParseError) as caught:
        zs.Tertial(code)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, zs.ZielsystemError)
    assert [f["code"] for f in caught.value.errors()] == ["SCHEMA_FORMAT"]


def test_year_out_of_range() -> None:
    with pytest.raises(zs.ParseError):
        zs.Tertial.of_year(10000)
    with pytest.raises(zs.ParseError):
        zs.Tertial.of_year(-1)


def test_edges_overflow() -> None:
    with pytest.raises(OverflowError):
        zs.Tertial("9999-T3").next()
    with pytest.raises(OverflowError):
        zs.Tertial("0000-T1").previous()
    # Year 0000 is a tertial, but datetime.date starts at year 1.
    with pytest.raises(ValueError):
        zs.Tertial("0000-T1").start  # noqa: B018
    # The deadline of 9999-T3 lies in the year 10000, which datetime.date cannot hold.
    with pytest.raises(ValueError):
        zs.Tertial("9999-T3").deadline  # noqa: B018


def test_wrong_argument_types() -> None:
    with pytest.raises(TypeError):
        zs.Tertial(2022)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zs.Tertial.containing("2022-05-01")  # type: ignore[arg-type]
