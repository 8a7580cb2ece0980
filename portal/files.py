"""Files people attach: what a file is, read from its first bytes, never from its name;
images re-encoded (no metadata, no GPS, a bounded size) with a thumbnail. Anything else
(scripts, web pages, SVG, archives, executables) is refused with a message for the person
who sent it."""

import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

IMAGE_LONGEST_SIDE = 2000  # pixels, after re-encoding
THUMBNAIL_SIDE = 480
IMAGE_MAX_PIXELS = 50_000_000  # larger images are refused before they are decoded


@dataclass(frozen=True)
class Kind:
    label: str  # what readers see: "PDF", "Word", "JPEG" ...
    extension: str
    content_type: str
    is_image: bool = False


PDF = Kind("PDF", "pdf", "application/pdf")
IMAGES = {
    "JPEG": Kind("JPEG", "jpg", "image/jpeg", is_image=True),
    "PNG": Kind("PNG", "png", "image/png", is_image=True),
    "WEBP": Kind("WebP", "webp", "image/webp", is_image=True),
}
ODF, OOXML = "application/vnd.oasis.opendocument.", "application/vnd.openxmlformats-officedocument."
OPEN_DOCUMENT = {
    f"{ODF}{name}": Kind("OpenDocument", extension, f"{ODF}{name}")
    for name, extension in [("text", "odt"), ("presentation", "odp"), ("spreadsheet", "ods")]
}
OFFICE = {
    "word/": Kind("Word", "docx", f"{OOXML}wordprocessingml.document"),
    "ppt/": Kind("PowerPoint", "pptx", f"{OOXML}presentationml.presentation"),
    "xl/": Kind("Excel", "xlsx", f"{OOXML}spreadsheetml.sheet"),
}
OLD_OFFICE = Kind("Office", "doc", "application/msword")
TOO_LARGE = ValidationError(_("This image has too many pixels. Make it smaller first."))
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

NOT_ALLOWED = _(
    "This kind of file cannot be attached. Attach a PDF, an OpenDocument or Office document "
    "or slides, or a JPEG, PNG or WebP image."
)


def kind_of(head, file):
    """The Kind of a file from its content (`head`: its first bytes), or None."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(OLE_SIGNATURE):
        return OLD_OFFICE
    if head.startswith(b"PK\x03\x04"):
        return packaged_kind(file)
    try:
        with Image.open(file) as image:
            return IMAGES.get(image.format)
    except Image.DecompressionBombError:
        raise TOO_LARGE from None
    except (UnidentifiedImageError, OSError):
        return None


def packaged_kind(file):
    """OpenDocument and Office files are zip packages; any other zip is an archive."""
    try:
        with zipfile.ZipFile(file) as package:
            names = package.namelist()
            if names and names[0] == "mimetype":
                return OPEN_DOCUMENT.get(package.read("mimetype").decode(errors="replace"))
            if "[Content_Types].xml" in names:
                return next(
                    (kind for prefix, kind in OFFICE.items()
                     if any(name.startswith(prefix) for name in names)),
                    None,
                )  # fmt: skip
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    return None


@dataclass
class Checked:
    kind: Kind
    content: ContentFile
    thumbnail: ContentFile | None
    size: int
    thumbnail_size: tuple[int, int] | None = None  # (width, height)


def check(upload):
    """A file someone attached, checked: its Kind and the content to store (an image
    re-encoded, with a thumbnail); ValidationError with a message for them otherwise."""
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("This file is %(size)s; a file may be at most %(limit)s.")
            % {
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.ATTACHMENT_MAX_BYTES),
            }
        )
    upload.seek(0)
    data = upload.read()
    kind = kind_of(data[:16], io.BytesIO(data))
    if kind is None:
        raise ValidationError(NOT_ALLOWED)
    if not kind.is_image:
        return Checked(kind, ContentFile(data), None, len(data))
    image, thumbnail, thumbnail_size = reencode(data, kind)
    return Checked(kind, ContentFile(image), ContentFile(thumbnail), len(image), thumbnail_size)


def reencode(data, kind):
    """The image drawn anew from its pixels alone (no metadata, no GPS), at most
    IMAGE_LONGEST_SIDE pixels long, and a thumbnail: (image bytes, thumbnail bytes, the
    thumbnail's width and height)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > IMAGE_MAX_PIXELS:
                raise TOO_LARGE
            image.load()
            pixels = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
    except Image.DecompressionBombError:
        raise TOO_LARGE from None
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise ValidationError(_("This image could not be read. It may be damaged.")) from None
    if kind.label == "JPEG":
        pixels = pixels.convert("RGB")
    pixels.thumbnail((IMAGE_LONGEST_SIDE, IMAGE_LONGEST_SIDE))
    small = pixels.copy()
    small.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    return encoded(pixels, kind), encoded(small, kind), small.size


def encoded(image, kind):
    out = io.BytesIO()
    image.save(out, format="WEBP" if kind.label == "WebP" else kind.label, quality=85)
    return out.getvalue()
