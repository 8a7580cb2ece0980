"""The e-mail backend of a first run: each e-mail printed with its body as it reads, not
quoted-printable as Django's console backend prints it, whose wrapping splits a long
link (a private token) so that a copied link gives 404."""

from django.core.mail.backends import console


class EmailBackend(console.EmailBackend):
    def write_message(self, message):
        mail = message.message()
        headers = "".join(f"{name}: {value}\n" for name, value in mail.items())
        texts = [
            part.get_content() for part in mail.walk() if part.get_content_maintype() == "text"
        ]
        self.stream.write(f"{headers}\n{''.join(texts)}\n{'-' * 79}\n")
