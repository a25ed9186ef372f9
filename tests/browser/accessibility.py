"""Accessibility checks of the admin's pages with axe-core (the npm package, pinned in
tests/browser/package-lock.json; `make install-browser-tools` installs it): the page is checked
as it is shown, and any serious or critical violation fails the test, listed with the elements
it was found on.

axe.min.js is injected as a script of the page, which our Content Security Policy refuses
(inline scripts): the page must be opened in a context with `bypass_csp=True`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")

# Django admin's own markup that our templates cannot change, left out with the reason. Keep this
# short: what is left out hides every later violation in it.
EXCLUDED_ELEMENTS = {
    # select2, the autocomplete widget Django's admin ships (admin/js/vendor/select2): its combobox
    # is named by the selected value (no name while empty: aria-input-field-name), its search box
    # of a many-to-many field has no label (label), and its list of chosen values holds a <span>
    # (list). The <select> it stands for keeps its <label>; select2 is built by Django's script.
    ".select2-container": "select2's markup (Django's vendored autocomplete widget)",
}


def axe_violations(page) -> list[dict]:
    """The serious and critical violations axe-core finds on the page as it is now."""
    if not AXE.is_file():
        pytest.fail(
            f"axe-core is not installed at {AXE}: run `make install-browser-tools` "
            "(npm ci --prefix tests/browser; Debian/Ubuntu: sudo apt-get install nodejs npm).",
            pytrace=False,
        )
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
        # The pages this context opens next get it as they load, before their own scripts.
        page.context.add_init_script(path=str(AXE))
    context = {"include": [["html"]], "exclude": [[selector] for selector in EXCLUDED_ELEMENTS]}
    result = page.evaluate(
        "async (context) => await axe.run(context, {resultTypes: ['violations']})",
        context,
    )
    return [violation for violation in result["violations"] if violation["impact"] in SERIOUS]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['impact']}: {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:8]:
            target = json.dumps(node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {target}: {node['html'][:160]}  {summary[:300]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


def expect_accessible(page, what: str) -> None:
    """Fail, printing every serious or critical violation, when axe-core finds any on `page`."""
    violations = axe_violations(page)
    if violations:
        print(f"\naxe-core on {what} ({page.url}):\n{describe(violations)}")
    assert not violations, f"axe-core found serious or critical violations on {what}:\n{describe(violations)}"
