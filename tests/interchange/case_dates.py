# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a Dossier case file with Python's own XML parser, independently of
Dossier, for the interchange checks: its sources and every date in it."""
import xml.etree.ElementTree as ET

NS = "{urn:dossier:case}"

# (parent path, element or @attribute) of every date the format has.
DATE_PLACES = [
    ("updated", None),
    ("sources/source", "published"),
    ("sources/source", "accessed"),
    ("breach", "began"),
    ("breach", "discovered"),
    ("breach", "disclosed"),
    ("threat-screen", "shown"),
    ("threat-screen", "deadline"),
    ("reactions/reaction", "@date"),
    ("release-history/release", "@date"),
    ("release-history/release", "@announced"),
    ("timeline/event", "@date"),
    ("notes/note", "@created"),
]


def _path(path):
    return "/".join(NS + part for part in path.split("/"))


def read_case(filename):
    return ET.parse(filename).getroot()


def text_of(element):
    """The words of an inline text, white space collapsed as the format says."""
    return " ".join("".join(element.itertext()).split())


def dates(root):
    """Every date of the case as its EDTF text."""
    found = []
    for parent, what in DATE_PLACES:
        if what is None:
            element = root.find(_path(parent))
            if element is not None:
                found.append(element.text.strip())
            continue
        for element in root.findall(_path(parent)):
            if what.startswith("@"):
                if element.get(what[1:]) is not None:
                    found.append(element.get(what[1:]))
            else:
                child = element.find(NS + what)
                if child is not None:
                    found.append(child.text.strip())
    return found


def sources(root):
    """(id, title words) of every source."""
    return [(s.get("id"), text_of(s.find(NS + "title")))
            for s in root.findall(_path("sources/source"))]
