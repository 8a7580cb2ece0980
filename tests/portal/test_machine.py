"""Machine translation against a small local server that speaks LibreTranslate's (and
DeepL's) API: only empty texts are filled, marked as machine-made, none counted as
checked; without configuration the action is not offered."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from portal.tracking import State
from practices.models import Practice
from tests.conftest import run_worker

CHANGELIST = "/admin/practices/practice/"


class Service(BaseHTTPRequestHandler):
    """LibreTranslate's POST /translate, or DeepL's POST /v2/translate: each text comes
    back as "[target] text"; `asked` keeps each question; `down` answers 503."""

    asked, down = [], False

    def do_POST(self):  # noqa: N802 - the handler's name
        question = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).asked.append((self.path, dict(self.headers), question))
        if self.down:
            self.send_response(503)
            self.end_headers()
            return
        if self.path == "/v2/translate":
            target = question["target_lang"].lower()
            answer = {"translations": [{"text": f"[{target}] {t}"} for t in question["text"]]}
        else:
            answer = {"translatedText": [f"[{question['target']}] {t}" for t in question["q"]]}
        body = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def service():
    Service.asked, Service.down = [], False
    server = ThreadingHTTPServer(("127.0.0.1", 0), Service)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def libretranslate(settings, service):
    settings.MACHINE_TRANSLATION_URL = service
    settings.MACHINE_TRANSLATION_KEY = "sleutel"
    return service


def fill_by_machine(client, *practices):
    data = {"action": "fill_by_machine", "_selected_action": [p.pk for p in practices]}
    return client.post(CHANGELIST, data)


def test_without_configuration_there_is_no_machine_translation(editor_client, make_practice):
    practice = make_practice()
    assert "fill_by_machine" not in editor_client.get(CHANGELIST).content.decode()
    fill_by_machine(editor_client, practice)
    run_worker()
    assert Practice.objects.get(pk=practice.pk).title_fr is None


def test_machine_translation_fills_only_empty_texts_and_checks_nothing(
    editor_client, make_practice, libretranslate
):
    practice = make_practice(title_nl="Onthaal", summary_nl="Kort", title_fr="Accueil")
    assert "fill_by_machine" in editor_client.get(CHANGELIST).content.decode()
    response = fill_by_machine(editor_client, practice)
    assert response.status_code == 302
    assert Practice.objects.get(pk=practice.pk).summary_fr is None  # queued, not done yet
    run_worker()
    practice = Practice.objects.get(pk=practice.pk)
    assert practice.title_fr == "Accueil"  # a person's, kept
    assert practice.summary_fr == "[fr] Kort"
    assert (practice.title_sv, practice.summary_sv) == ("[sv] Onthaal", "[sv] Kort")
    states = practice.translation_states()
    assert states == {"nl": State.ORIGINAL} | dict.fromkeys(["fr", "de", "en", "sv"], State.MACHINE)
    assert practice.languages == "nl"  # nothing counted as checked
    french = [q for _path, _h, q in Service.asked if q["target"] == "fr"]
    assert french == [
        {"q": ["Kort"], "source": "nl", "target": "fr", "format": "text", "api_key": "sleutel"}
    ]


def test_a_text_written_meanwhile_is_kept(editor_client, make_practice, libretranslate):
    practice = make_practice(title_nl="Onthaal", summary_nl="Kort")
    fill_by_machine(editor_client, practice)
    Practice.objects.filter(pk=practice.pk).update(title_de="Empfang", summary_de="Kurz")
    run_worker()
    practice = Practice.objects.get(pk=practice.pk)
    assert (practice.title_de, practice.summary_de) == ("Empfang", "Kurz")
    assert practice.translation_states()["de"] == State.TRANSLATED  # not the machine's


def test_a_translator_fills_their_languages_only(german_translator, make_practice, libretranslate):
    practice = make_practice(title_nl="Onthaal", summary_nl="Kort")
    assert fill_by_machine(german_translator, practice).status_code == 302
    run_worker()
    practice = Practice.objects.get(pk=practice.pk)
    assert practice.title_de == "[de] Onthaal" and practice.title_fr is None
    assert {q["target"] for _path, _h, q in Service.asked} == {"de"}


def test_deepl_is_asked_with_its_key(settings, service, editor_client, make_practice):
    settings.DEEPL_API_KEY, settings.DEEPL_URL = "geheim:fx", service
    practice = make_practice(title_nl="Onthaal", summary_nl="Kort")
    fill_by_machine(editor_client, practice)
    run_worker()
    practice = Practice.objects.get(pk=practice.pk)
    assert practice.title_en == "[en-gb] Onthaal"
    path, headers, question = Service.asked[0]
    assert path == "/v2/translate" and headers["Authorization"] == "DeepL-Auth-Key geheim:fx"
    assert question["source_lang"] == "NL"


def test_a_service_that_fails_changes_nothing(editor_client, make_practice, libretranslate, caplog):
    practice = make_practice(title_nl="Onthaal", summary_nl="Kort")
    Service.down = True
    fill_by_machine(editor_client, practice)
    run_worker()
    practice = Practice.objects.get(pk=practice.pk)
    assert practice.title_fr is None and practice.translation_states()["fr"] == State.MISSING
    assert "Machine translation of" in caplog.text and "503" in caplog.text
