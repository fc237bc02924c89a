"""Hostile input for the taalcheck engine, shared by test_hostile_input.py and the benchmark.

The editor endpoint accepts 20,000 characters from anyone. Most inputs below made a regular
expression backtrack before the fix (time per analyse() of 20,000 characters, measured on the
development machine, where real text takes about 0.045 s); the others (". ", newlines, random
characters) complete the list the security review asked for.

- "[" 9.9 s, "[[" 9.7 s, "![" 5.4 s, "{a=" 2.7 s, "[a](" 2.0 s, "](" 1.3 s: links and markers
  rescanned the rest of the line from every "[", "](" or "{".
- "a@" about an hour (cubic: 8,000 characters took 281 s), "@" and "a×100@" over 30 s, "a" or
  any 20,000 characters without a space 0.8–1.7 s: the e-mail pattern `\\S+@\\S+\\.\\w+` was
  tried from every position of a run of non-space characters, and from every "@" in it.
- "..." 12.6 s, "!" 11.1 s: the sentence splitter tried a run of end punctuation from every dot.
- "<!--" 1.8 s, "<script " 0.5 s, "<p" 1.0 s, "<a " 0.2 s: comments, scripts and tags without
  an end rescanned the rest of the text from every start.
- blanks then "x" 7.2 s, "---" and blanks then "x" 2.7 s: the table separator pattern split a
  run of blanks between two adjacent `[ \\t]*`.
"""

from __future__ import annotations

import random
import string
from functools import cache

LENGTH = 20_000  # the most the editor endpoint accepts

# name -> repeated unit; every input is cut to the requested length.
_REPEATED = {
    "[": "[",
    "(": "(",
    "a": "a",
    "a@": "a@",
    "*": "*",
    "_": "_",
    "#": "#",
    "-": "-",
    "1.": "1.",
    ". ": ". ",
    "<": "<",
    "<a ": "<a ",
    "[a](": "[a](",
    "newline": "\n",
    "é": "é",
    # more input that was quadratic or worse before the fix
    "[[": "[[",
    "![": "![",
    "{a=": "{a=",
    "](": "](",
    "@": "@",
    "a×100@": "a" * 100 + "@",
    "...": ".",
    "!": "!",
    ".)": ".)",
    "<!--": "<!--",
    "<script ": "<script ",
    "<p": "<p",
    "&a": "&a",
    "`": "`",
    # every line a one-word sentence with a mark: marking up the result was quadratic (3.8 s
    # for 5,000 lines) before app/editor/marking.py walked sentences and marks together
    "one-word lines": "Doch\n",
    # the densest sentences there are: 10,000 one-letter headings in 20,000 characters
    "one-letter lines": "A\n",
}


@cache
def hostile_inputs(length: int = LENGTH) -> dict[str, str]:
    """Return {name: text of exactly `length` characters}; the random ones are seeded."""
    inputs = {name: (unit * (length // len(unit) + 1))[:length] for name, unit in _REPEATED.items()}
    inputs["http://aaa…"] = ("http://" + "a" * length)[:length]
    inputs["blanks then x"] = " " * (length - 1) + "x"
    inputs["--- blanks x"] = ("---" + " " * length)[: length - 1] + "x"
    rng = random.Random(20_000)
    inputs["random printable"] = "".join(rng.choice(string.printable) for _ in range(length))
    markup = "ab.@-[](){}<>*_!#|&;:=\n "
    inputs["random markup"] = "".join(rng.choice(markup) for _ in range(length))
    return inputs
