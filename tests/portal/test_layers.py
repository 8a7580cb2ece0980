"""Dependencies point one way (docs/architecture.md): the shared catalogue layer in
portal/ imports neither content app, and practices never imports trainings."""

import ast

import pytest
from django.conf import settings

SHARED_LAYER = [
    "portal/content.py",
    "portal/facets.py",
    "portal/listing.py",
    "portal/version.py",
    "portal/caching.py",
    "portal/api.py",
    "portal/admin.py",
    "portal/desk.py",
    "portal/sites.py",
    "portal/translation.py",
    "portal/templatetags/portal.py",
]


def imported(path):
    """The top-level packages a module imports."""
    tree = ast.parse((settings.BASE_DIR / path).read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("path", SHARED_LAYER)
def test_the_shared_layer_imports_no_content_app(path):
    assert not imported(path) & {"practices", "trainings"}


def test_trainings_take_only_the_practices_models():
    """The link to practices and the vocabulary they share; all machinery from portal."""
    modules = sorted((settings.BASE_DIR / "trainings").glob("*.py"))
    for module in modules:
        tree = ast.parse(module.read_text())
        named = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("practices")
        }
        assert named <= {"practices.models"}, module


def test_practices_never_import_trainings():
    modules = sorted((settings.BASE_DIR / "practices").rglob("*.py"))
    assert len(modules) > 10
    found = [m for m in modules if "trainings" in imported(m.relative_to(settings.BASE_DIR))]
    assert found == []
