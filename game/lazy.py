"""Package names that load their module on first use (PEP 562).

Opening the window must not wait for the rules, the deck checker or the PDF writer; with this a
package can still offer `from game.export import save_pdf`.
"""

from __future__ import annotations

from importlib import import_module
from typing import Callable


def lazy_names(package: str, where: dict[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` that imports `package.<where[name]>` when `name` is first asked for."""
    clashes = set(where) & set(where.values())
    if clashes:  # importing the module would replace the name by the module itself
        raise ValueError(f"{package}: names that are also module names: {sorted(clashes)}")
    namespace = import_module(package).__dict__

    def __getattr__(name: str):
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{where[name]}"), name)
        namespace[name] = value
        return value

    return __getattr__
