"""`--set name=value` against a frozen parameters dataclass (`sitegen.params`)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sitegen.params import digest, with_settings


@dataclass(frozen=True)
class _Params:
    share: float = 0.6
    window: int = 12
    strict: bool = False


def test_settings_are_parsed_by_field_type() -> None:
    changed = with_settings(_Params(), ["share=0.5", "window=3", "strict=yes"])
    assert changed == _Params(share=0.5, window=3, strict=True)
    assert with_settings(_Params(), []) == _Params()


@pytest.mark.parametrize("setting", ["shares=0.5", "window", "window=0.5", "strict=maybe"])
def test_a_bad_setting_is_an_error(setting: str) -> None:
    with pytest.raises(ValueError):
        with_settings(_Params(), [setting])


def test_digest_changes_with_a_value() -> None:
    assert digest(_Params()) == digest(_Params())
    assert digest(_Params()) != digest(_Params(window=13))
