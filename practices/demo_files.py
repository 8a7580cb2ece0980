"""The demo's documents and images: drawn by the project from its own texts (nothing is
downloaded), one document and one image per seed municipality's practice, checked and
stored like any file an editor attaches."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from portal import files

from .models import Document, Practice

FILES = {
    "hasselt-customer-friendly-services": {
        "language": "nl",
        "title": "Programma van het vormingstraject",
        "lines": [
            "Vormingstraject klantvriendelijke dienstverlening",
            "Stad Hasselt, voor alle eerstelijnsmedewerkers",
            "",
            "Dag 1  Klare taal: schrijven en spreken zoals de burger het begrijpt",
            "Dag 2  Laaggeletterdheid: drempels herkennen aan de balie",
            "Dag 3  Armoede: de leefwereld van mensen in armoede",
            "Dag 4  Fysieke toegankelijkheid: het gebouw en de balie",
            "Dag 5  Discriminatie en racisme: reageren en voorkomen",
            "",
            "Telkens een halve dag, met oefeningen, rollenspelen",
            "en gesprekken met ervaringsdeskundigen.",
        ],
        "poster": ["Vijf halve dagen", "voor een balie", "waar iedereen", "welkom is"],
        "alt": "Affiche van het traject: vijf halve dagen voor een balie waar iedereen welkom is.",
    },
    "mechelen-diversity-vision-mission": {
        "language": "nl",
        "title": "Van brainstorm tot goedgekeurde visie: de stappen",
        "lines": [
            "Visie en missie diversiteit, Stad Mechelen",
            "",
            "1  Brainstorm in het departement Samenleving,",
            "   met een externe procesbegeleider",
            "2  De tekst schrijven en voorleggen voor advies",
            "3  Een ronde langs burgemeester en schepenen,",
            "   met een link naar het bestuursakkoord",
            "4  Goedkeuring door het college",
            "",
            "Daarna: de tekst levend houden, met een stuurgroep",
            "over de departementen heen.",
        ],
        "poster": ["Brainstorm", "Tekst", "Politieke ronde", "Goedkeuring"],
        "alt": "Schema in vier stappen: brainstorm, tekst, politieke ronde, goedkeuring "
        "door het college.",
    },
    "lidkoping-hospitality-programme": {
        "language": "sv",
        "title": "Värdskap i Lidköping: så går det till",
        "lines": [
            "Värdskap i Lidköpings kommun",
            "",
            "Alla chefer: en halvdags grundutbildning",
            "Medarbetare med många kundkontakter stöttar cheferna",
            "Alla anställda: arbetsplatsträffar med verktygslådan",
            "på intranätet (filmer, övningar, handledarmaterial)",
            "",
            "Varje arbetsgrupp stärker det som redan är bra",
            "och hittar det som kan bli bättre.",
        ],
        "poster": ["Vi finns", "till för dig"],
        "alt": "Affisch med kommunens värdegrund: Vi finns till för dig.",
    },
}


def drawn(lines, size, font_size, background="white"):
    image = Image.new("RGB", size, background)
    draw, font = ImageDraw.Draw(image), ImageFont.load_default(size=font_size)
    for number, line in enumerate(lines):
        draw.text((48, 48 + number * font_size * 1.5), line, fill=(20, 30, 45), font=font)
    return image


def as_file(image, format):
    out = io.BytesIO()
    image.save(out, format=format, resolution=72)
    return ContentFile(out.getvalue())


def add_demo_files():
    """Each seed practice's document (a one-page PDF) and image (a PNG), once."""
    for slug, sheet in FILES.items():
        practice = Practice.objects.filter(slug=slug).first()
        if practice is None or practice.documents.exists():
            continue
        pdf = as_file(drawn(sheet["lines"], (595, 842), 15), "PDF")
        poster = as_file(drawn(sheet["poster"], (900, 600), 64, "#e8f1f8"), "PNG")
        made = [
            (pdf, {"title": sheet["title"], "language": sheet["language"]}),
            (poster, {"alt_text": sheet["alt"]}),
        ]
        for position, (content, fields) in enumerate(made):
            document = Document(practice=practice, position=position, **fields)
            document.store(files.check(content))
            document.save()
