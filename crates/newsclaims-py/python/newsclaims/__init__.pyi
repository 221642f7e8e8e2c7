"""Type stubs of the newsclaims package (see the module docstring for the contract)."""

from collections.abc import Iterable, Iterator
from typing import Any, Optional, Union

__version__: str
SCHEMA: dict[str, Any]

def analyze(text: str, id: Optional[str] = None) -> dict[str, Any]: ...
def analyze_many(
    docs: Iterable[Union[str, dict[str, Any]]], threads: Optional[int] = None
) -> Iterator[dict[str, Any]]: ...
