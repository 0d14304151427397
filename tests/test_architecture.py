"""The shape of the code: the rules, content, session and export packages never need pygame."""

import subprocess
import sys


def test_importing_the_rules_content_session_and_export_loads_no_pygame():
    code = ("import sys, game.core, game.content, game.session, game.export; "
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_rules_core_uses_the_standard_library_only():
    code = ("import sys; before = set(sys.modules); import game.core; "
            "new = {m.split('.')[0] for m in set(sys.modules) - before}; "
            "print(sorted(new - set(sys.stdlib_module_names) - {'game'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
