"""How contact details look in the corpus: UK phone numbers and e-mail addresses.

One definition for retrieval (chunks that give contact details), the composer (questions that ask
for a number) and the chat's contact checks, so that all of them recognise the same numbers
("01905 844440", "020 8227 2151", "01629 532 817").
"""

import re

PHONE = re.compile(r"\b0\d{2,4}\s?\d{3,4}\s?\d{3,4}\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
CONTACT_DETAIL = re.compile(f"{EMAIL.pattern}|{PHONE.pattern}")
