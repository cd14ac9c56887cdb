#!/usr/bin/env python3
"""Writes a deterministic corpus of N council reports in build-site's content format, for the benchmark.

The same --count and --seed always give byte-identical files. A third of the documents are risk deep-dives with
`risks:` appendices, a third annual reports (long: numbered paragraphs, lists, tables, footnotes), a third committee
minutes, half of which `discusses:` an earlier report. Councils and people are invented; no real report is copied.

    python3 bench/generate_corpus.py --count 1000 --out /tmp/corpus-1000
"""

import argparse
import json
import os
import random
import shutil
import sys
from datetime import date, timedelta

PLACES = ["Northbridge", "Eastmoor", "Wexcombe", "Holloway Vale", "Redbank", "Ashford Green", "Kingsmere",
          "Harrowfield", "Southwick", "Marlow Heath", "Tamworth Cross", "Greyfriars", "Westerleigh", "Oakhampton"]
COMMITTEES = ["Audit and Corporate Governance Committee", "Children's Scrutiny Committee",
              "Health and Wellbeing Board", "Corporate Parenting Board", "Housing Scrutiny Committee",
              "Resources and Performance Committee", "Adult Social Care Committee"]
ROLES = ["Director of Safeguarding", "Executive Director Children and Learning", "Head of Internal Audit",
         "Corporate Director of Resources", "Director of Adult Social Services", "Head of Housing Needs",
         "Chief Finance Officer", "Head of Quality Assurance"]
NAMES = ["Amara Okafor", "Tim Aldridge", "Laura Eden", "Priya Shah", "Declan Byrne", "Sofia Marchetti",
         "Graham Teller", "Yusuf Demir", "Hannah Price", "Owen Griffiths", "Mei Lin", "Rachel Adeyemi"]
TOPICS = ["safeguarding", "children", "workforce", "finance", "housing", "adult-social-care", "audit",
          "quality-assurance", "exploitation", "youth-justice", "budget", "partnership", "ofsted", "risk"]
RISK_TITLES = ["Safeguarding Children", "Workforce Recruitment and Retention", "Financial Sustainability",
               "Cyber Security", "Temporary Accommodation Demand", "Adult Social Care Market", "Data Protection",
               "Climate Resilience", "Contract Management", "Health and Safety", "Information Governance"]
SECTION_TITLES = ["Synopsis", "Recommendations", "Background", "Governance Arrangements", "Performance",
                  "Quality Assurance", "Workforce", "Partnership Working", "Financial Implications",
                  "Legal Implications", "Equalities Impact", "Environmental Implications", "Conclusion"]
SUBJECTS = ["The service", "The committee", "The partnership", "Our social workers", "The audit team",
            "The council", "Senior leaders", "The board", "Front-line staff", "The quality assurance team",
            "Commissioners", "The independent scrutineer"]
VERBS = ["reviewed", "strengthened", "monitored", "reported on", "improved", "audited", "commissioned",
         "considered", "agreed", "scrutinised", "completed", "introduced", "extended", "evaluated"]
OBJECTS = ["the arrangements for children looked after", "the quality of case supervision",
           "the multi-agency front door", "the recruitment of permanent social workers", "the budget position",
           "the timeliness of assessments", "the risk register", "the care leavers' offer",
           "the response to exploitation", "placement sufficiency", "the audit programme",
           "the training offer for managers", "the learning from case reviews", "the use of agency staff"]
CLAUSES = ["in line with the statutory guidance", "over the last twelve months", "with partners across the borough",
           "despite continued pressure on budgets", "as reported to the previous meeting",
           "following the inspection in the spring", "within existing resources", "at every quarterly review",
           "to ensure the right help is provided at the right time", "so that families receive a consistent service"]
CAUSES = ["Reporting or monitoring oversight", "Staff non-adherence to policy", "Cost of living pressures on families",
          "National shortage of qualified staff", "Rising demand for placements", "Reduced government grant",
          "Ageing IT systems", "Supplier failure", "Increased complexity of need"]
CONSEQUENCES = ["Safeguarding breach", "Significant harm to a resident", "Reputational damage",
                "Financial loss", "Regulatory intervention", "Service disruption", "Legal challenge"]
STATUSES = ["Not started", "In progress", "Complete", "Overdue", "Ongoing"]
TREATMENTS = ["treat", "tolerate", "transfer", "terminate"]


def q(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


class Writer:
    def __init__(self, rng):
        self.r = rng

    def sentence(self):
        r = self.r
        text = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(CLAUSES)}"
        roll = r.random()
        if roll < 0.08:
            text += f", and {r.randint(2, 98)}% of cases met the standard"
        elif roll < 0.12:
            text += " (see the **performance table** below)"
        elif roll < 0.15:
            text += ", as set out at www.example.gov.uk/reports"
        elif roll < 0.17:
            text += ", a ~~provisional~~ confirmed figure"
        elif roll < 0.20:
            text += f" with *{r.choice(NAMES)}* as the lead officer"
        return text + "."

    def paragraph(self, lo=2, hi=5):
        return " ".join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    def bullets(self, lo=3, hi=6):
        return "\n".join(f"- {self.sentence()}" for _ in range(self.r.randint(lo, hi)))

    def table(self):
        r = self.r
        years = r.randint(3, 5)
        first = r.randint(2008, 2019)
        header = "| Measure | " + " | ".join(f"{y}/{(y + 1) % 100:02d}" for y in range(first, first + years)) + " |"
        rule = "|---|" + "---:|" * years
        rows = []
        for _ in range(r.randint(4, 8)):
            measure = r.choice(["Children in need", "Child protection plans", "Children looked after",
                                "Care leavers in touch", "Assessments in 45 days", "Agency staff rate",
                                "Households in temporary accommodation", "Overspend (£000)"])
            rows.append(f"| {measure} | " + " | ".join(str(r.randint(12, 950)) for _ in range(years)) + " |")
        return "\n".join([header, rule] + rows)

    def numbered_section(self, number, title, paragraphs, sub=False):
        r = self.r
        parts = [f"## {number}. {title}", ""]
        for p in range(1, paragraphs + 1):
            parts += [f"{number}.{p}. {self.paragraph()}", ""]
            roll = r.random()
            if roll < 0.18:
                parts += [self.bullets(), ""]
            elif roll < 0.25:
                parts += [self.table(), ""]
        if sub:
            parts += [f"### {number}.{paragraphs + 1} {r.choice(['Progress', 'Next steps', 'Learning'])}", "",
                      f"{number}.{paragraphs + 1}.1. {self.paragraph()}", ""]
        return parts


def front_matter(w, kind, title, day, place, extra=()):
    r = w.r
    lines = ["---", f"type: {kind}", f"title: {q(title)}", f"date: {day.isoformat()}",
             f"council: {q('Borough of ' + place)}", f"committee: {q(r.choice(COMMITTEES))}",
             f"author: {q(r.choice(NAMES) + ', ' + r.choice(ROLES))}",
             f"summary: {q(w.sentence() + ' ' + w.sentence())}",
             "tags: [" + ", ".join(sorted(set(r.sample(TOPICS, r.randint(2, 5))))) + "]"]
    lines += list(extra)
    lines.append("---")
    return lines


def risk_yaml(w, number, day):
    r = w.r
    lines = [f"  - id: {q('R' + str(number))}", f"    title: {q(r.choice(RISK_TITLES))}",
             f"    statement: {q('There is a risk that ' + r.choice(OBJECTS) + ' fails ' + r.choice(CLAUSES))}",
             "    causes:"] + [f"      - {q(c)}" for c in r.sample(CAUSES, r.randint(2, 5))]
    lines += ["    consequences:"] + [f"      - {q(c)}" for c in r.sample(CONSEQUENCES, r.randint(2, 4))]
    current_l, current_i = r.randint(2, 5), r.randint(2, 5)
    lines += [f"    owner: {q(r.choice(ROLES))}", f"    category: {q(r.choice(['Children', 'Finance', 'People', 'Technology']))}",
              f"    inherent: {{likelihood: {min(5, current_l + 1)}, impact: {current_i}}}",
              f"    current: {{likelihood: {current_l}, impact: {current_i}}}",
              f"    target: {{likelihood: {r.randint(1, current_l)}, impact: {r.randint(1, current_i)}}}",
              f"    review_date: {(day + timedelta(days=r.randint(60, 200))).isoformat()}",
              f"    treatment: {r.choice(TREATMENTS)}",
              "    update: |"]
    for k in range(r.randint(2, 3)):
        if k:
            lines.append("")
        lines.append("      " + w.paragraph(2, 4))
    lines.append("    controls:")
    lines += [f"      - {q(w.sentence())}" for _ in range(r.randint(3, 10))]
    lines.append("    actions:")
    for _ in range(r.randint(2, 6)):
        due = "Ongoing" if r.random() < 0.3 else (day + timedelta(days=r.randint(-120, 300))).isoformat()
        lines += [f"      - action: {q(w.sentence())}",
                  f"        impact: {q(r.choice(['Reduce likelihood', 'Reduce impact', 'Stable workforce', 'Better outcomes']))}",
                  f"        resources: {q(r.choice(['Within budget', 'Staff time', 'Financial and staff', '£40,000 one-off']))}",
                  f"        owner: {q(r.choice(NAMES))}",
                  f"        due: {due}",
                  f"        status: {r.choice(STATUSES)}"]
    return lines


def deep_dive(w, index, day, place):
    r = w.r
    title = f"Risk deep-dive: {r.choice(RISK_TITLES)} ({place}, {index})"
    risks = []
    for n in range(1, r.randint(1, 3) + 1):
        risks += risk_yaml(w, n, day)
    lines = front_matter(w, "deep-dive", title, day, place, ["risks:"] + risks)
    lines += ["", f"{place} Council, Town Hall", ""]
    for number, section in enumerate(["Purpose of the report", "Recommendations", "Background", "Risk update",
                                      "Financial Implications"][: r.randint(3, 5)], start=1):
        lines += w.numbered_section(number, section, r.randint(2, 4))
    return lines


def annual_report(w, index, day, place):
    r = w.r
    title = f"{r.choice(['Child Protection', 'Corporate Parenting', 'Safeguarding Adults', 'Internal Audit', 'Housing'])} Annual Report {day.year} ({place}, {index})"
    lines = front_matter(w, "annual-report", title, day, place)
    lines += ["", f"- **Report of:** {r.choice(ROLES)}", f"- **Meeting of:** {r.choice(COMMITTEES)}",
              f"- **Date:** {day.strftime('%B %Y')}", "- **Ward(s):** All", ""]
    sections = r.sample(SECTION_TITLES, r.randint(4, 8))
    for number, section in enumerate(sections, start=1):
        lines += w.numbered_section(number, section, r.randint(2, 5), sub=r.random() < 0.4)
    if r.random() < 0.5:
        lines[-2] = lines[-2] + "[^1]"
        lines += ["[^1]: " + w.sentence(), ""]
    if r.random() < 0.2:
        lines += ["## Actions agreed", "", "- [x] " + w.sentence(), "- [ ] " + w.sentence(), ""]
    return lines


def minutes(w, index, day, place, reports):
    r = w.r
    extra = []
    if reports and r.random() < 0.5:
        extra = [f"discusses: {r.choice(reports)}"]
    title = f"Minutes of the {r.choice(COMMITTEES)} ({place}, {index})"
    lines = front_matter(w, "minutes", title, day, place, extra)
    lines += ["", "## Present", "", "\n".join(f"- {n}" for n in r.sample(NAMES, r.randint(3, 6))), ""]
    for number in range(1, r.randint(3, 6) + 1):
        lines += [f"## {number}. {r.choice(['Apologies', 'Declarations of interest', 'Minutes of the last meeting', 'Risk deep-dive', 'Annual report', 'Work programme'])}", "",
                  f"{number}.1. {w.paragraph(1, 3)}", ""]
        if r.random() < 0.4:
            lines += [f"{number}.2. RESOLVED: {w.sentence()}", ""]
    return lines


def generate(count, seed, out):
    rng = random.Random(seed)
    w = Writer(rng)
    if os.path.exists(out):
        shutil.rmtree(out)
    for folder in ["deep-dives", "annual-reports", "minutes"]:
        os.makedirs(os.path.join(out, folder))
    with open(os.path.join(out, "site.yml"), "w", encoding="utf-8") as f:
        f.write("title: Council reports (benchmark corpus)\npublisher: build-site benchmark\n"
                "base_url: https://example.org/reports/\nlanguage: en-GB\n")
    with open(os.path.join(out, "glossary.yml"), "w", encoding="utf-8") as f:
        f.write("CLA: Children looked after\nCIN: Children in need\nLSCP: Local Safeguarding Children Partnership\n")
    reports = []  # content paths of reports written so far, for minutes to discuss
    start = date(2004, 1, 1)
    for index in range(count):
        day = start + timedelta(days=(index * 7304) // max(count, 1) + rng.randint(0, 6))
        place = rng.choice(PLACES)
        slug = place.lower().replace(" ", "-")
        kind = index % 3
        if kind == 0:
            folder, lines = "deep-dives", deep_dive(w, index, day, place)
        elif kind == 1:
            folder, lines = "annual-reports", annual_report(w, index, day, place)
        else:
            folder, lines = "minutes", minutes(w, index, day, place, reports[-200:])
        name = f"{day.isoformat()}-{slug}-{index:05d}"
        if kind != 2:
            reports.append(f"{folder}/{name}")
        with open(os.path.join(out, folder, name + ".md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines).rstrip("\n") + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True, help="number of documents")
    parser.add_argument("--seed", type=int, default=6, help="random seed (same seed, same corpus)")
    parser.add_argument("--out", required=True, help="folder to (re)create")
    args = parser.parse_args()
    generate(args.count, args.seed, args.out)


if __name__ == "__main__":
    sys.exit(main())
