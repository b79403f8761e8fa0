#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a large, valid Dossier case file (format 1) for benchmarks.

    python3 build-aux/generate-large-case.py --notes 100000 OUT.case.xml

The output is deterministic for a given --seed and set of counts. Every
section of the format is filled: entities, sources, a breach with exposed
items and hypotheses, a threat screen, reactions, a release history, a
timeline and N notes with varied inline text. Every source is cited and
every entity mentioned at least once, and every note is about something,
so loading it raises no warnings. The people, groups and quotations are
made up; the file says so in its subtitle.

Pure Python 3 standard library.
"""

import argparse
import datetime
import os
import random
import sys
import time
from xml.sax.saxutils import escape, quoteattr

NS = "urn:dossier:case"

FIRST_NAMES = [
    "Amelia", "Arjun", "Beatriz", "Bogdan", "Chen", "Claire", "Dae-jung",
    "Dmitri", "Elif", "Emeka", "Farah", "Felix", "Grace", "Gustavo", "Hana",
    "Hiroshi", "Ingrid", "Isaac", "Jae-won", "Jasmine", "Kofi", "Lars",
    "Leila", "Lucía", "Malik", "Margot", "Mateo", "Min-seo", "Nadia",
    "Noah", "Olga", "Omar", "Priya", "Rafael", "Renée", "Sakura", "Samuel",
    "Sofia", "Tariq", "Thandiwe", "Tomás", "Ursula", "Viktor", "Wen",
    "Yara", "Yusuf", "Zoë", "Zhang",
]

LAST_NAMES = [
    "Abe", "Alvarez", "Andersen", "Baptiste", "Becker", "Choi", "Costa",
    "Dubois", "Eriksson", "Fischer", "García", "Haddad", "Hughes", "Ito",
    "Jensen", "Kang", "Kowalski", "Kumar", "Larsen", "Lee", "Lindqvist",
    "Moreau", "Mwangi", "Nakamura", "Novak", "O'Brien", "Okafor", "Park",
    "Petrov", "Quinn", "Rossi", "Santos", "Schmidt", "Silva", "Tanaka",
    "Torres", "Van Dijk", "Wagner", "Walsh", "Yamamoto", "Yilmaz", "Zhou",
]

ROLES = [
    "co-chair", "chief executive", "security researcher", "spokesperson",
    "incident responder", "ambassador", "journalist", "general counsel",
    "systems administrator", "analyst", "director", "producer",
    "forensic examiner", "press officer", "special agent",
]

ORG_WORDS_A = [
    "Pacific", "Meridian", "Northgate", "Silverline", "Bluewater", "Crescent",
    "Summit", "Harbor", "Ironwood", "Lantern", "Redwood", "Granite",
    "Halcyon", "Keystone", "Polaris", "Sable",
]
ORG_WORDS_B = [
    "Pictures", "Studios", "Security", "Networks", "Analytics", "Holdings",
    "Media Group", "Forensics", "Labs", "Systems", "Consulting", "Partners",
]

GROUP_WORDS_A = ["Silent", "Crimson", "Hidden", "Lazarus", "Iron", "Shadow",
                 "Winter", "Black", "Paper", "Glass"]
GROUP_WORDS_B = ["Chollima", "Brigade", "Collective", "Syndicate", "Team",
                 "Circle", "Guardians", "Order", "Cell", "Front"]

STATES = [
    "Republic of Arland", "Kingdom of Belmora", "Federation of Corvia",
    "People's Republic of Dastan", "State of Elvaria", "Republic of Fennmark",
    "Union of Galdor", "Commonwealth of Hestia", "Republic of Istria Nova",
    "Democratic Republic of Jorvik",
]

MEDIA_WORDS_A = ["Daily", "Evening", "Global", "Trade", "Morning", "Weekly",
                 "Capital", "Metro", "National", "Central"]
MEDIA_WORDS_B = ["Ledger", "Courier", "Wire", "Herald", "Dispatch", "Tribune",
                 "Observer", "Gazette", "Post", "Review"]

WORK_TITLES = [
    "The Interview Room", "Night Over Pyongdo", "A Comedy of Envoys",
    "The Last Broadcast", "Red Skull Rising", "Borderline", "Paper Tigers",
    "The Ambassador's Dinner", "Deadline at Dawn", "Cold Open",
]

PUBLISHERS = [
    "Trade Daily", "Global Wire", "Evening Ledger", "Capital Courier",
    "Security Weekly", "Metro Herald", "Central News Agency",
    "National Observer", "The Dispatch", "Tech Review",
]

SOURCE_TOPICS = [
    "studio network shut down after intrusion",
    "investigators examine wiper malware",
    "leaked spreadsheets list employee salaries",
    "threat screen shown on office computers",
    "hackers publish unreleased films online",
    "state media calls film an act of war",
    "security firm links code to earlier attacks",
    "studio postpones premiere after threats",
    "cinema chains pull release",
    "executives apologize for leaked emails",
    "bureau names suspect in studio hack",
    "experts doubt attribution to state actor",
    "former employee questioned over breach",
    "social security numbers of staff exposed",
    "hackers demand film be withdrawn",
    "forum posts claim responsibility",
    "letter to the United Nations condemns film",
    "studio releases film online after all",
    "sanctions announced in response to attack",
    "analysis of the attackers' language",
]

TAGS = [
    "attribution", "malware", "wiper", "ransom", "leak", "email", "salaries",
    "passports", "credentials", "source-code", "film", "premiere", "release",
    "threat", "deadline", "forum", "pastebin", "torrent", "infrastructure",
    "proxy", "ip-address", "language", "timezone", "insider", "timeline",
    "press", "state-media", "letter", "sanctions", "diplomacy", "fbi",
    "forensics", "indicator", "hash", "c2", "phishing", "lateral-movement",
    "exfiltration", "backup", "legal", "hr", "finance", "executive",
    "apology", "cinema", "streaming", "rumor", "follow-up", "verified",
    "disputed", "open-question",
]

AUTHORS = [
    "A. Moreau", "K. Okafor", "J. Park", "L. Lindqvist", "S. Tanaka",
    "R. Alvarez", "M. Haddad", "T. Novak",
]

CERTAINTIES = ["confirmed", "reported", "alleged", "disputed", "unverified"]

SUBJECT_PHRASES = [
    "the intruders", "the attackers", "investigators", "the studio",
    "staff at the studio", "outside researchers", "the security team",
    "a spokesperson", "the bureau", "analysts",
]

VERB_PHRASES = [
    "copied several terabytes of files before the screen appeared",
    "reused a wiper component seen in earlier attacks",
    "moved laterally through the network for weeks",
    "published archives of internal documents on file-sharing sites",
    "posted the links on a paste site",
    "demanded that the film be withdrawn",
    "denied any involvement in the attack",
    "traced the command servers to leased hosting",
    "found hard-coded credentials in the malware",
    "compared the language of the messages with earlier posts",
    "noted that the compile times fit a working day in one time zone",
    "asked staff to disconnect their computers",
    "restored email service after several days",
    "warned cinemas of possible attacks",
    "questioned whether the evidence was strong enough",
    "described the intrusion as unprecedented",
    "linked the proxy addresses to earlier campaigns",
    "recovered fragments of the deleted logs",
    "received a second message with new demands",
    "called the film an act of war",
]

CLAUSES = [
    "according to people familiar with the investigation",
    "although the evidence remains circumstantial",
    "a claim the group later repeated",
    "which several experts disputed",
    "as first reported in the trade press",
    "before the deadline on the screen had passed",
    "while the network was still offline",
    "in a statement carried by a news agency",
    "without naming a suspect",
    "two days after the first leak",
]

QUOTES = [
    "We've already warned you, and this is just a beginning.",
    "We continue till our request be met.",
    "The world will be full of fear.",
    "This is not the work of a single person.",
    "We have obtained all your internal data.",
    "Remember the 11th of September.",
    "We will not be intimidated.",
    "The evidence points in more than one direction.",
    "It is an act of war.",
    "We made a mistake.",
]

CHANNELS = [
    "a letter to the Secretary-General of the United Nations",
    "a statement carried by the state news agency",
    "a press conference",
    "a post on a paste site",
    "an email to journalists",
    "a televised interview",
    "a memo to staff",
    "a statement on the company's website",
    "a message on a social network",
    "remarks to reporters",
]

MARKETS = ["theatrical, North America", "theatrical, worldwide", "online rental",
           "streaming", "limited theatrical", "home video"]

NOTE_TITLES = [
    "Follow-up on {e}", "Open question: {t}", "Checked {s}", "{e} and the timeline",
    "Why {t} matters", "Cross-check with {s}", "Notes on {e}", "Gap in the {t} evidence",
    "Second look at {e}", "Summary of {t}",
]

LINK_HOSTS = ["https://news.example", "https://research.example",
              "https://archive.example", "http://forum.example"]


class Case:
    def __init__(self, rng, args):
        self.rng = rng
        self.args = args
        self.entities = []   # (id, kind, name)
        self.sources = []    # (id, title)
        self.other_ids = []  # ids of hypotheses, reactions, events
        self.used_ids = set()

    # -- helpers ---------------------------------------------------------

    def new_id(self, base):
        ident = base
        n = 2
        while ident in self.used_ids:
            ident = "%s-%d" % (base, n)
            n += 1
        self.used_ids.add(ident)
        return ident

    def pick_entity(self, kind=None):
        rng = self.rng
        if kind is not None:
            pool = [e for e in self.entities if e[1] == kind]
            return rng.choice(pool)
        # A few entities are mentioned far more often than the rest.
        if rng.random() < 0.4:
            return self.entities[int(rng.paretovariate(1.2)) % min(12, len(self.entities))]
        return rng.choice(self.entities)

    def pick_source(self):
        rng = self.rng
        if rng.random() < 0.3:
            return self.sources[int(rng.paretovariate(1.2)) % min(20, len(self.sources))]
        return rng.choice(self.sources)

    def date(self, kinds="any"):
        """An EDTF date between 2013 and 2015 in one of the forms the
        format allows."""
        rng = self.rng
        year = rng.choice([2013, 2014, 2014, 2014, 2015])
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        roll = rng.random()
        if kinds == "instant":
            roll = 0.05
        elif kinds == "day":
            roll = 0.5
        if roll < 0.10:
            hour, minute = rng.randint(0, 23), rng.randint(0, 59)
            if rng.random() < 0.5:
                return "%04d-%02d-%02dT%02d:%02dZ" % (year, month, day, hour, minute)
            offset = rng.choice(["-08:00", "-05:00", "+09:00", "+01:00", "+00:00"])
            if rng.random() < 0.3:
                return "%04d-%02d-%02dT%02d:%02d:%02d%s" % (
                    year, month, day, hour, minute, rng.randint(0, 59), offset)
            return "%04d-%02d-%02dT%02d:%02d%s" % (year, month, day, hour, minute, offset)
        if roll < 0.70:
            return "%04d-%02d-%02d" % (year, month, day)
        if roll < 0.80:
            return "%04d-%02d" % (year, month)
        if roll < 0.84:
            return "%04d-%d" % (year, rng.randint(21, 24))
        if roll < 0.88:
            return "%04d-%02d?" % (year, month)
        if roll < 0.92:
            return "%04d-%02d-%02d~" % (year, month, day)
        if roll < 0.94:
            return "%04d" % year
        if roll < 0.96:
            return "%04d-%d~" % (year, rng.randint(21, 24))
        start = datetime.date(year, month, day)
        end = start + datetime.timedelta(days=rng.randint(1, 90))
        return "%s/%s" % (start.isoformat(), end.isoformat())

    def certainty_attr(self, p=0.5):
        if self.rng.random() < p:
            return ' certainty="%s"' % self.rng.choice(CERTAINTIES)
        return ""

    def mention(self, entity=None):
        if entity is None:
            entity = self.pick_entity()
        ident, kind, name = entity
        shown = name
        if kind == "person" and self.rng.random() < 0.4:
            shown = name.split(" ")[-1]
        return '<mention ref="%s">%s</mention>' % (ident, escape(shown))

    def cite(self, source=None):
        if source is None:
            source = self.pick_source()
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:
            return '<cite ref="%s" at="p. %d"/>' % (source[0], rng.randint(1, 40))
        if roll < 0.32:
            return '<cite ref="%s" at="para. %d"/>' % (source[0], rng.randint(1, 30))
        if roll < 0.36:
            return '<cite ref="%s" at="%02d:%02d"/>' % (source[0], rng.randint(0, 59), rng.randint(0, 59))
        return '<cite ref="%s"/>' % source[0]

    def sentence(self, entity=None, source=None, cite_p=0.6):
        """One sentence of inline text. @entity and @source, when given,
        are always mentioned and cited."""
        rng = self.rng
        parts = []
        if entity is not None or rng.random() < 0.6:
            subject = self.mention(entity)
        else:
            subject = rng.choice(SUBJECT_PHRASES)
            subject = subject[0].upper() + subject[1:]
        verb = rng.choice(VERB_PHRASES)
        roll = rng.random()
        if roll < 0.12:
            words = verb.split(" ")
            k = rng.randint(0, len(words) - 1)
            words[k] = "<em>%s</em>" % words[k]
            verb = " ".join(words)
        elif roll < 0.18:
            words = verb.split(" ")
            k = rng.randint(0, len(words) - 1)
            words[k] = "<strong>%s</strong>" % words[k]
            verb = " ".join(words)
        parts.append("%s %s" % (subject, verb))
        if rng.random() < 0.35:
            parts.append(", %s" % rng.choice(CLAUSES))
        if rng.random() < 0.15:
            parts.append(", saying <q>%s</q>" % escape(rng.choice(QUOTES).rstrip(".")))
        if rng.random() < 0.05:
            host = rng.choice(LINK_HOSTS)
            parts.append(' (see <link href="%s/%d">the archived post</link>)' % (host, rng.randint(1, 99999)))
        text = "".join(parts) + "."
        if source is not None or rng.random() < cite_p:
            text += self.cite(source)
            if rng.random() < 0.15:
                text += self.cite()
        return text

    def paragraph(self, n_sentences, entity=None, source=None, cite_p=0.6, certainty_p=0.3):
        sentences = [self.sentence(entity if i == 0 else None,
                                   source if i == 0 else None,
                                   cite_p)
                     for i in range(n_sentences)]
        return "<p%s>%s</p>" % (self.certainty_attr(certainty_p), " ".join(sentences))

    def blocks(self, n_paragraphs, sentences=(1, 3), entity=None, source=None, cite_p=0.6):
        rng = self.rng
        return "".join(self.paragraph(rng.randint(*sentences),
                                      entity if i == 0 else None,
                                      source if i == 0 else None,
                                      cite_p)
                       for i in range(n_paragraphs))

    # -- sections --------------------------------------------------------

    def make_entities(self, count):
        rng = self.rng
        kinds = (["person"] * 55 + ["organization"] * 18 + ["group"] * 8 +
                 ["state"] * 5 + ["media"] * 8 + ["work"] * 4 + ["other"] * 2)
        # The fixed cast first: the victim, the claimant, a state, the film.
        fixed = [
            ("organization", "Meridian Pictures Entertainment", "meridian"),
            ("group", "Guardians of Peace", "gop"),
            ("state", "Republic of Arland", "arland"),
            ("work", "The Interview Room", "interview-room"),
            ("organization", "Federal Bureau of Inquiry", "fbi"),
        ]
        names = set()
        misses = 0
        for kind, name, ident in fixed:
            names.add(name)
            self.entities.append((self.new_id(ident), kind, name))
        while len(self.entities) < count:
            kind = rng.choice(kinds)
            if kind == "person":
                name = "%s %s" % (rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES))
            elif kind == "organization":
                name = "%s %s" % (rng.choice(ORG_WORDS_A), rng.choice(ORG_WORDS_B))
            elif kind == "group":
                name = "%s %s" % (rng.choice(GROUP_WORDS_A), rng.choice(GROUP_WORDS_B))
            elif kind == "state":
                name = rng.choice(STATES)
            elif kind == "media":
                name = "The %s %s" % (rng.choice(MEDIA_WORDS_A), rng.choice(MEDIA_WORDS_B))
            elif kind == "work":
                name = rng.choice(WORK_TITLES)
            else:
                name = "Anonymous account %d" % rng.randint(100, 999)
            if name in names:
                # The pools are finite: a second person of the same name
                # gets a middle initial; other kinds draw again, and only
                # when the pools run dry does a name get a number.
                if kind == "person":
                    name = "%s %s. %s" % (name.split(" ")[0], rng.choice("ABCDEFGHJKLMNPRSTW"),
                                          " ".join(name.split(" ")[1:]))
                misses += 1
                if name in names and misses < 100:
                    continue
                if name in names:
                    name = "%s %d" % (name, len(self.entities))
            misses = 0
            names.add(name)
            slug = "".join(c if c.isascii() and c.isalnum() else "-" for c in name.lower())
            slug = "-".join(filter(None, slug.split("-")))
            if not slug or not slug[0].isalpha():
                slug = "e-" + slug
            self.entities.append((self.new_id(slug), kind, name))

    def write_entities(self, out):
        rng = self.rng
        out.write("  <entities>\n")
        for ident, kind, name in self.entities:
            out.write('    <entity id="%s" kind="%s">\n      <name>%s</name>\n' % (ident, kind, escape(name)))
            if kind == "person" and rng.random() < 0.3:
                out.write("      <alias>%s</alias>\n" % escape(name.split(" ")[-1].upper()))
            if kind == "group" and rng.random() < 0.7:
                out.write("      <alias>#%s</alias>\n" % "".join(w[0] for w in name.split(" ")).upper())
            if kind == "person":
                out.write("      <role>%s</role>\n" % rng.choice(ROLES))
            if rng.random() < 0.6:
                out.write("      <description>%s</description>\n" % self.blocks(rng.randint(1, 2), (1, 2), cite_p=0.4))
            out.write("    </entity>\n")
        out.write("  </entities>\n")

    def make_sources(self, count):
        for i in range(count):
            ident = self.new_id("src-%04d" % (i + 1))
            self.sources.append((ident, None))

    def write_sources(self, out):
        rng = self.rng
        kinds = (["press"] * 10 + ["state-media"] * 2 + ["official"] * 2 + ["letter"] +
                 ["social"] * 2 + ["forum"] + ["report"] * 2 + ["interview"] + ["other"])
        out.write("  <sources>\n")
        for ident, _ in self.sources:
            kind = rng.choice(kinds)
            attrs = ' id="%s" kind="%s"' % (ident, kind)
            if rng.random() < 0.8:
                attrs += ' reliability="%s"' % rng.choice("ABCDEF")
            if rng.random() < 0.8:
                attrs += ' credibility="%d"' % rng.randint(1, 6)
            topic = rng.choice(SOURCE_TOPICS)
            title = topic[0].upper() + topic[1:]
            if rng.random() < 0.3:
                title = "%s: %s" % (self.mention(), topic)
            out.write("    <source%s>\n      <title>%s</title>\n" % (attrs, title))
            publisher = rng.choice(PUBLISHERS)
            out.write("      <publisher>%s</publisher>\n" % escape(publisher))
            for _ in range(rng.choice([0, 1, 1, 1, 2])):
                out.write("      <author>%s %s</author>\n" % (rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)))
            published = self.date("day")
            out.write("      <published>%s</published>\n" % published)
            if rng.random() < 0.7:
                out.write("      <accessed>%s</accessed>\n" % self.date("day"))
            slug = "-".join(topic.split(" ")[:6]).replace("'", "")
            url = "https://%s.example/%s/%s" % (publisher.lower().replace(" ", ""), ident, slug)
            out.write("      <url>%s</url>\n" % escape(url))
            if rng.random() < 0.4:
                out.write("      <archived-url>https://archive.example/web/2015/%s</archived-url>\n" % escape(url))
            if rng.random() < 0.5:
                out.write("      <excerpt>%s</excerpt>\n" % self.blocks(rng.randint(1, 2), (1, 3), cite_p=0.0))
            out.write("    </source>\n")
        out.write("  </sources>\n")

    def write_breach(self, out):
        rng = self.rng
        victim = self.entities[0]
        claimant = self.entities[1]
        out.write("  <breach>\n")
        out.write('    <victim ref="%s"/>\n    <claimed-by ref="%s"/>\n' % (victim[0], claimant[0]))
        out.write("    <began>2014-09~</began>\n")
        out.write("    <discovered>2014-11-24T08:00-08:00</discovered>\n")
        out.write("    <disclosed>2014-11-25</disclosed>\n")
        out.write("    <method>Wiper malware with a <em>ransom</em> screen%s</method>\n" % self.cite())
        out.write("    <summary>%s</summary>\n" % self.blocks(3, (2, 3), entity=victim, cite_p=1.0))
        out.write("    <impact>%s</impact>\n" % self.blocks(2, (2, 3), cite_p=1.0))
        categories = ["personal", "credentials", "documents", "email", "media", "source-code", "other", None]
        items = [
            "Passport and visa scans of cast and crew",
            "Salaries of more than 6,000 employees",
            "Plain-text password files",
            "Executives' mailboxes",
            "Unreleased films in high definition",
            "Scripts of films in production",
            "Network diagrams and IT audits",
            "Medical records of staff",
            "Contracts and budgets",
            "Source code of internal tools",
            "Private keys and certificates",
            "Performance reviews",
        ]
        out.write("    <exposed>\n")
        for i, text in enumerate(items):
            cat = categories[i % len(categories)]
            attr = ' category="%s"' % cat if cat else ""
            out.write("      <item%s%s>%s%s</item>\n" % (attr, self.certainty_attr(0.7), escape(text), self.cite()))
        out.write("    </exposed>\n")
        out.write("    <attribution>\n")
        actors = [(self.entities[2], "The attack was carried out for the state of"),
                  (self.entities[1], "A group acting alone, calling itself"),
                  (self.pick_entity("person"), "A former insider, helped by outsiders, such as")]
        stances = ["for", "against", "neutral"]
        for n, (actor, words) in enumerate(actors):
            hid = self.new_id("hyp-%d" % (n + 1))
            self.other_ids.append(hid)
            out.write('      <hypothesis id="%s" actor="%s"%s>\n' % (hid, actor[0], self.certainty_attr(1.0)))
            out.write("        <statement>%s %s.</statement>\n" % (words, self.mention(actor)))
            for _ in range(rng.randint(4, 8)):
                out.write('        <evidence stance="%s"%s>%s</evidence>\n' % (
                    rng.choice(stances), self.certainty_attr(0.6), self.sentence(cite_p=1.0)))
            out.write("      </hypothesis>\n")
        out.write("    </attribution>\n")
        out.write("  </breach>\n")

    def write_threat_screen(self, out):
        out.write("  <threat-screen>\n")
        out.write("    <shown>2014-11-24T08:00-08:00</shown>\n")
        out.write("    <shown-on>Office computers of %s%s</shown-on>\n" % (self.mention(self.entities[0]), self.cite()))
        out.write('    <sender ref="%s"/>\n' % self.entities[1][0])
        out.write("    <headline>Hacked By #GOP</headline>\n")
        out.write('    <image description="A red skeleton over a black background, with links underneath"/>\n')
        out.write("    <message>\n")
        out.write("      <p>Warning : We've already warned you, and this is just a beginning.</p>\n")
        out.write("      <p>We continue till our request be met.</p>\n")
        out.write("      <p>We've obtained all your internal data including your secrets and top secrets.</p>\n")
        out.write("      <p>If you don't obey us, we'll release data shown below to the world.</p>\n")
        out.write("    </message>\n")
        out.write("    <demand>Meet our request <q>by the deadline</q>.</demand>\n")
        out.write("    <deadline>2014-11-24T23:00Z</deadline>\n")
        for i in range(5):
            out.write('    <shown-link href="http://files.example/SPE_LEAKED_%d.zip">files.example/SPE_LEAKED_%d.zip</shown-link>\n' % (i, i))
        out.write("  </threat-screen>\n")

    def write_reactions(self, out, count):
        rng = self.rng
        stances = ["condemn", "threaten", "demand", "deny", "support", "neutral"]
        out.write("  <reactions>\n")
        for i in range(count):
            rid = self.new_id("r-%04d" % (i + 1))
            self.other_ids.append(rid)
            actor = self.pick_entity()
            attrs = ' id="%s" date="%s" actor="%s"' % (rid, self.date(), actor[0])
            if rng.random() < 0.2:
                attrs += ' on-behalf-of="%s"' % self.pick_entity()[0]
            attrs += ' stance="%s"%s' % (rng.choice(stances), self.certainty_attr(0.5))
            out.write("    <reaction%s>\n" % attrs)
            if rng.random() < 0.85:
                out.write("      <channel>%s</channel>\n" % escape(rng.choice(CHANNELS)))
            if rng.random() < 0.6:
                out.write("      <quote>%s</quote>\n" % escape(rng.choice(QUOTES)))
            out.write("      <summary>%s</summary>\n" % self.blocks(rng.randint(1, 2), (1, 2), entity=actor, cite_p=1.0))
            out.write("    </reaction>\n")
        out.write("  </reactions>\n")

    def write_release_history(self, out):
        work = self.entities[3]
        releases = [
            ("2014-10-10", "planned", "2014-03", "theatrical, North America"),
            ("2014-12-25", "postponed", "2014-08-06", "theatrical, North America"),
            ("2014-11-27~", "leaked", "2014-11-27", "file-sharing sites"),
            ("2014-12-25", "cancelled", "2014-12-17T14:00-08:00", "theatrical, North America"),
            ("2014-12-24T10:00-08:00", "released", "2014-12-23", "online rental"),
            ("2014-12-25", "released", "2014-12-23", "limited theatrical"),
            ("2015-21", "planned", "2015-01?", "theatrical, worldwide"),
        ]
        out.write('  <release-history work="%s">\n' % work[0])
        for date, status, announced, market in releases:
            out.write('    <release date="%s" status="%s" announced="%s"%s>\n' % (
                date, status, announced, self.certainty_attr(0.5)))
            out.write("      <market>%s</market>\n" % escape(market))
            out.write("      <summary>%s</summary>\n" % self.blocks(1, (1, 2), entity=work, cite_p=1.0))
            out.write("    </release>\n")
        out.write("  </release-history>\n")

    def write_timeline(self, out, count):
        rng = self.rng
        out.write("  <timeline>\n")
        for i in range(count):
            eid = self.new_id("ev-%04d" % (i + 1))
            self.other_ids.append(eid)
            # Walk the entity and source lists in order so that every one
            # is mentioned and cited at least once.
            entity = self.entities[i % len(self.entities)]
            source = self.sources[i % len(self.sources)]
            out.write('    <event id="%s" date="%s"%s>\n' % (eid, self.date(), self.certainty_attr(0.5)))
            title = "%s %s" % (self.mention(entity), rng.choice(VERB_PHRASES))
            if rng.random() < 0.9:
                summary = self.blocks(rng.randint(1, 2), (1, 2), source=source, cite_p=0.7)
            else:
                # No summary: the title cites the source instead.
                title += self.cite(source)
                summary = None
            out.write("      <title>%s</title>\n" % title)
            if summary is not None:
                out.write("      <summary>%s</summary>\n" % summary)
            out.write("    </event>\n")
        out.write("  </timeline>\n")

    def note_title(self):
        rng = self.rng
        pattern = rng.choice(NOTE_TITLES)
        return pattern.format(e=self.mention(), t=escape(rng.choice(TAGS)),
                              s=escape(rng.choice(PUBLISHERS)))

    def write_notes(self, out, count):
        rng = self.rng
        note_ids = []
        out.write("  <notes>\n")
        for i in range(count):
            nid = "n-%06d" % (i + 1)
            attrs = ' id="%s"' % nid
            if rng.random() < 0.95:
                attrs += ' created="%s"' % self.date()
            if rng.random() < 0.9:
                attrs += ' author="%s"' % escape(rng.choice(AUTHORS))
            tags = rng.sample(TAGS, rng.choice([1, 1, 2, 2, 2, 3, 3, 4]))
            attrs += ' tags="%s"' % " ".join(tags)
            about = set()
            for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
                roll = rng.random()
                if roll < 0.45:
                    about.add(self.pick_entity()[0])
                elif roll < 0.65:
                    about.add(self.pick_source()[0])
                elif roll < 0.9 or not note_ids:
                    about.add(rng.choice(self.other_ids))
                else:
                    about.add(rng.choice(note_ids))
            attrs += ' about="%s"' % " ".join(sorted(about))
            out.write("    <note%s>\n      <title>%s</title>\n" % (attrs, self.note_title()))
            for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
                out.write("      %s\n" % self.paragraph(rng.randint(1, 2), cite_p=0.5, certainty_p=0.15))
            out.write("    </note>\n")
            note_ids.append(nid)
        out.write("  </notes>\n")

    def write(self, out):
        args = self.args
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write('<case xmlns="%s" format="1" id="large-case" xml:lang="en" status="open">\n' % NS)
        self.make_entities(args.entities)
        self.make_sources(args.sources)
        out.write("  <title>The Meridian Pictures breach: a large synthetic case</title>\n")
        out.write("  <subtitle>Generated for benchmarks by generate-large-case.py (seed %d, %d notes); "
                  "people, groups and quotations are made up</subtitle>\n" % (args.seed, args.notes))
        out.write("  <summary>%s</summary>\n" % self.blocks(2, (2, 3), entity=self.entities[0], cite_p=1.0))
        out.write("  <updated>2015-02-10</updated>\n")
        self.write_entities(out)
        self.write_sources(out)
        self.write_breach(out)
        self.write_threat_screen(out)
        self.write_reactions(out, args.reactions)
        self.write_release_history(out)
        self.write_timeline(out, args.events)
        self.write_notes(out, args.notes)
        out.write("</case>\n")


def main():
    parser = argparse.ArgumentParser(description="Write a large, valid Dossier case file (format 1).")
    parser.add_argument("output", help="the .case.xml file to write ('-' for standard output)")
    parser.add_argument("--notes", type=int, default=100000, help="number of notes (default 100000)")
    parser.add_argument("--seed", type=int, default=2014, help="random seed (default 2014)")
    parser.add_argument("--entities", type=int, default=200, help="number of entities (default 200, at least 6)")
    parser.add_argument("--sources", type=int, default=500, help="number of sources (default 500, at least 1)")
    parser.add_argument("--reactions", type=int, default=300, help="number of reactions (default 300)")
    parser.add_argument("--events", type=int, default=2000,
                        help="number of timeline events (default 2000, at least as many as entities and sources)")
    args = parser.parse_args()

    if args.notes < 0 or args.reactions < 0:
        parser.error("counts must not be negative")
    if args.entities < 6:
        parser.error("--entities must be at least 6")
    if args.sources < 1:
        parser.error("--sources must be at least 1")
    if args.events < max(args.entities, args.sources):
        parser.error("--events must be at least the number of entities and of sources, "
                     "so that each is mentioned and cited")

    start = time.monotonic()
    rng = random.Random(args.seed)
    case = Case(rng, args)

    if args.output == "-":
        case.write(sys.stdout)
        return 0

    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        case.write(out)
    os.replace(tmp, args.output)

    size = os.path.getsize(args.output)
    print("%s: %d notes, %.1f MB in %.1f s" % (args.output, args.notes, size / 1e6,
                                               time.monotonic() - start), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
