"""Writes the encrypted PDF fixtures of the loader tests (run once; needs reportlab).

- encrypted_owner.pdf: encrypted with an owner password only, as many publishers' PDFs are
  (printing or copying restricted); anyone may open it, so delegraph reads it.
- encrypted_user.pdf: needs a password to open; delegraph refuses it with a clear message.
"""
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

TEXT = [
    "Pressemitteilung der Stadt Musterstadt",
    "",
    "Oberbürgermeisterin Jolanda Vierbrück reist im Mai nach Kyoto.",
]


def write(name: str, user_password: str) -> None:
    enc = StandardEncryption(user_password, ownerPassword="geheim-owner", canPrint=1, canCopy=0, strength=128)
    c = canvas.Canvas(name, pagesize=A4, encrypt=enc)
    y = A4[1] - 90
    c.setFont("Helvetica", 11)
    for line in TEXT:
        c.drawString(60, y, line)
        y -= 16
    c.showPage()
    c.save()


if __name__ == "__main__":
    write("encrypted_owner.pdf", "")
    write("encrypted_user.pdf", "geheim")
