"""Letters: the letter as data (document.py) and its print-ready PDF (pdf.py)."""
