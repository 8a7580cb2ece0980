"""Servers the fault tests make real on loopback: a Redis of their own, a server that
accepts connections and never answers (a hung SMTP or Redis), and an SMTP server that
records what it receives."""

import email
import os
import signal
import socket
import socketserver
import subprocess
import threading
import time
from contextlib import contextmanager

import redis


def spare_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def own_redis():
    """A redis-server of its own, without persistence: its port, process and a client."""
    port = spare_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    server = subprocess.Popen([*command, "--appendonly", "no"], stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port, socket_timeout=1)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.exceptions.ConnectionError:
            time.sleep(0.05)
    try:
        yield port, server, client
    finally:
        if server.poll() is None:
            os.kill(server.pid, signal.SIGCONT)
            server.terminate()
            server.wait(timeout=10)


@contextmanager
def silent_server(port=0):
    """A port that accepts connections and never answers."""
    listener = socket.create_server(("127.0.0.1", port))
    held = []

    def hold():
        while True:
            try:
                held.append(listener.accept())
            except OSError:
                return

    threading.Thread(target=hold, daemon=True).start()
    try:
        yield listener.getsockname()[1]
    finally:
        listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() above, frees the port
        listener.close()
        for connection, _address in held:
            connection.close()


class SmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Python's smtplib: each message is parsed and recorded."""

    def reply(self, line):
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        self.reply("220 sink ready")
        while line := self.rfile.readline():
            verb = line.decode().strip().split(" ")[0].upper()
            if verb == "DATA":
                self.reply("354 go on")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data[1:] if data.startswith(b"..") else data)
                self.server.messages.append(email.message_from_bytes(b"".join(lines)))
                self.reply("250 kept")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


class SmtpSink(socketserver.ThreadingTCPServer):
    daemon_threads = allow_reuse_address = True

    def __init__(self, port=0):
        super().__init__(("127.0.0.1", port), SmtpHandler)
        self.messages = []


@contextmanager
def smtp_sink(port=0):
    """An SMTP server on `port` (a spare one by default) that records every message."""
    sink = SmtpSink(port)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    try:
        yield sink
    finally:
        sink.shutdown()
        sink.server_close()


def production_env(database, **variables):
    """Production settings behind a TLS proxy (docs/deployment.md), on the test database:
    the variables of a gunicorn or a worker of the fault tests."""
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    return {
        **{k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "VIRTUAL_ENV")},
        "DJANGO_ENV": "production",
        "SECRET_KEY": "fault-tests-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": url,
        "BEHIND_TLS_PROXY": "true",
        "EMAIL_USE_TLS": "false",
        "GUNICORN_WORKERS": "2",
        **variables,
    }


@contextmanager
def processes(*commands, env, log):
    """Processes of manage.py's folder (gunicorn, a worker), their output in the file
    `log`, stopped at the end."""
    from django.conf import settings

    output = open(log, "a")  # noqa: SIM115 (closed below)
    started = [
        subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        for command in commands
    ]
    try:
        yield started
    finally:
        for process in started:
            process.terminate()
        for process in started:
            process.wait(timeout=20)
        output.close()
