"""Writes council_minutes.pdf, the PDF fixture of the loader tests (run once; needs reportlab).

Three pages of invented German council minutes with a running header, a running footer and
page numbers "- N -", a word hyphenated across a line break, umlauts, sharp s and German
quotation marks: everything the PDF loader has to clean up or keep.
"""
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

PAGES = [
    [
        "Niederschrift der Sitzung des Hauptausschusses",
        "",
        "Tagesordnungspunkt 4: Delegationsreise nach Kyoto",
        "Die Oberbürgermeisterin berichtete über die geplante Reise einer Wirtschafts- und",
        "Wissenschaftsdelegation in die japanische Partnerstadt. Ziel ist die engere Zusammen-",
        "arbeit in den Bereichen Klimaschutz und Hochschulen.",
    ],
    [
        "Die Reise findet vom 3. bis 7. Juni 2024 statt. Die Kosten von rund 24.000 Euro",
        "trägt die Stadt. Ratsfrau Demir fragte nach dem Nutzen für die Bürgerinnen und Bürger.",
        "„Persönliche Begegnungen sind durch nichts zu ersetzen“, antwortete die Oberbürgermeisterin.",
    ],
    [
        "Beschluss: Der Hauptausschuss stimmt der Reise mit großer Mehrheit zu.",
        "Abstimmung: 14 Ja-Stimmen, 3 Nein-Stimmen, 1 Enthaltung.",
    ],
]


def main() -> None:
    c = canvas.Canvas("council_minutes.pdf", pagesize=A4, pageCompression=1)
    c.setTitle("Niederschrift Hauptausschuss")
    width, height = A4
    for n, lines in enumerate(PAGES, start=1):
        c.setFont("Helvetica", 9)
        c.drawString(60, height - 40, "Stadt Musterstadt · Hauptausschuss · Niederschrift vom 14.05.2024")
        c.setFont("Helvetica", 11)
        y = height - 90
        for line in lines:
            c.drawString(60, y, line)
            y -= 16
        c.setFont("Helvetica", 9)
        c.drawString(60, 50, "Öffentliche Sitzung")
        c.drawCentredString(width / 2, 35, f"- {n} -")
        c.showPage()
    c.save()


if __name__ == "__main__":
    main()
