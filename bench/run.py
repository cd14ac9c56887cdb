#!/usr/bin/env python3
"""The build-site benchmark: the same generated reports built by build-site, by Hugo, and rendered by cmark-gfm.

For each corpus size N it prints wall and CPU seconds, peak memory (RSS) and pages per second, each the median of
--runs rounds, and the ratios the performance issue sets targets for. Tools take turns within a round, and each round
runs every size in turn, so a change in the machine's load or speed falls on all of them alike; the load average is
printed beside the numbers. (Until stop 14 every round of the smaller size ran first: one run's 1,000-report rounds
fell in a fast spell and its 10,000-report rounds in a slow one, and the growth read 11.8× against 8.5× in the run
before, with no change to build-site between them that could account for it.)

    python3 bench/run.py --build-site .build/release/build-site --counts 1000 10000 --runs 5 --record BENCHMARKS.md

What is measured:
  build-site full     `build-site build` into an output folder that does not exist yet (and no cache beside it)
  build-site no-op    the same command again, nothing changed
  build-site one edit the same command after a paragraph is added to one report
  hugo                `hugo` with bench/hugo's equivalent templates, into a fresh folder
  cmark-gfm           Debian's `cmark-gfm` with build-site's extensions, run once over every body concatenated
                      (front matter stripped): the floor of parsing and rendering the text at all, single-threaded,
                      with no per-process start-up cost per file.
Each command is timed from spawn to exit; CPU is user + system time and peak RSS is the child's maximum resident set,
both from wait4(2).

Every full build writes into a folder of its own that does not exist yet; no output is removed while the benchmark
runs. The outputs of a run are removed when it ends (and any left by an interrupted run when the next starts), and the
next run waits until --settle seconds (361 by default) have passed since then, with the disk synced. On ext4 without a
journal, as here, a new inode skips every free inode deleted in the last 60 seconds, or in the last 360 while that
inode's table block is unwritten (`find_inode_bit` → `recently_deleted`, RECENTCY_MIN and RECENTCY_DIRTY in
fs/ext4/ialloc.c), and each inode the build makes dirties its block. A build soon after the removal of a 24,000-file
site spent many seconds in the kernel on that scan alone, growing with both counts: it measured the removal, not the
tool. Waiting 31 s after each removal (stop 10) left part of it in.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CMARK_ARGS = ["--validate-utf8", "--github-pre-lang", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]
MARK_BEGIN = "<!-- bench:results:begin -->"
MARK_END = "<!-- bench:results:end -->"


def run(command, cwd, stdout=None):
    """Runs one command; returns (wall seconds, CPU seconds, peak RSS in MiB). Stops the benchmark if it fails.

    The disk is synced first, outside the timing (from stop 23): what the command before wrote (Hugo's 10,000 pages,
    cmark-gfm's 70 MB of HTML) is otherwise written back by the kernel's threads while the next command runs, on the
    same two cores, and is charged to whichever tool comes next. Every tool's own writing is still in its time."""
    os.sync()
    err_path = os.path.join(cwd, ".last-stderr")
    with open(err_path, "wb") as err, open(stdout or os.devnull, "wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
    if status != 0:
        with open(err_path, encoding="utf-8", errors="replace") as err:
            sys.exit(f"benchmark: {' '.join(command)} failed:\n{err.read()[-4000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def count_pages(folder):
    return sum(1 for _, _, files in os.walk(folder) for name in files if name.endswith(".html"))


def remove_outputs(work):
    """Removes every output folder of a run (and what build-site keeps beside each) and notes when, for `settle`."""
    outputs = os.path.join(work, "outputs")
    legacy = [os.path.join(work, name) for name in os.listdir(work) if name.startswith(("site-", ".site-"))]
    if not os.path.isdir(outputs) and not legacy:
        return
    shutil.rmtree(outputs, ignore_errors=True)
    for path in legacy:  # the single output folders of runs before stop 11
        shutil.rmtree(path) if os.path.isdir(path) and not os.path.islink(path) else os.remove(path)
    os.sync()
    with open(os.path.join(work, "outputs-removed-at"), "w") as f:
        f.write(f"{time.time()}\n")


def settle(work, seconds):
    """Waits until `seconds` have passed since outputs were last removed (see the module's comment)."""
    try:
        with open(os.path.join(work, "outputs-removed-at")) as f:
            removed_at = float(f.read())
    except (OSError, ValueError):
        return
    wait = removed_at + seconds - time.time()
    if wait > 0:
        print(f"waiting {wait:.0f} s for the file system to settle after the last outputs were removed …", flush=True)
        time.sleep(wait)


def prepare_corpus(work, count, seed):
    """Generates the corpus once per (generator, N, seed); later runs reuse it."""
    corpus = os.path.join(work, f"corpus-{count}")
    generator = os.path.join(HERE, "generate_corpus.py")
    with open(generator, "rb") as f:
        stamp = hashlib.sha256(f.read() + f"{count}/{seed}".encode()).hexdigest()
    stamp_path = corpus + ".stamp"
    if not (os.path.isdir(corpus) and os.path.exists(stamp_path) and open(stamp_path).read() == stamp):
        print(f"generating {count} reports (seed {seed}) …", flush=True)
        subprocess.run([sys.executable, generator, "--count", str(count), "--seed", str(seed), "--out", corpus], check=True)
        with open(stamp_path, "w") as f:
            f.write(stamp)
    documents = []
    for folder, _, files in os.walk(corpus):
        documents += [os.path.join(folder, name) for name in files if name.endswith(".md")]
    documents.sort()
    bodies = os.path.join(work, f"bodies-{count}.md")
    size = 0
    with open(bodies, "w", encoding="utf-8") as out:
        for path in documents:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            size += len(text.encode())
            body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
            out.write(body.rstrip("\n") + "\n\n")
    return corpus, documents, bodies, size


def prepare_size(args, count):
    """One corpus size's corpus, commands and (empty) samples."""
    work = args.work
    corpus, documents, bodies, size = prepare_corpus(work, count, args.seed)
    return {"count": count, "corpus": corpus, "bytes": size, "bodies": bodies,
            "edited": next(p for p in documents if "/annual-reports/" in p),  # deterministic: the oldest annual report
            "samples": {name: [] for name in ["full", "noop", "edit", "hugo", "cmark"]}, "pages": {}}


def bench_round(args, state, round_number):
    """One round at one size: build-site's full build, no-op and one-edit rebuilds, Hugo, cmark-gfm, in turn."""
    work, count, corpus, edited = args.work, state["count"], state["corpus"], state["edited"]
    samples, pages = state["samples"], state["pages"]
    templates = os.path.abspath(args.templates)
    cmark_out = os.path.join(work, "cmark.html")
    cmark = ["cmark-gfm"] + CMARK_ARGS + [state["bodies"]]
    site = os.path.join(work, "outputs", f"build-site-{count}-{round_number}", "Site")
    hugo_out = os.path.join(work, "outputs", f"hugo-{count}-{round_number}")
    os.makedirs(os.path.dirname(site))
    build = [os.path.abspath(args.build_site), "build", "--content", corpus, "--templates", templates, "--output", site, "--no-search"]
    hugo = ["hugo", "--source", os.path.join(HERE, "hugo"), "--contentDir", corpus, "--destination", hugo_out, "--quiet", "--noBuildLock"]
    print(f"  N={count} round {round_number}/{args.runs} (load {os.getloadavg()[0]:.2f})", flush=True)
    samples["full"].append(run(build, work))
    pages["build-site"] = count_pages(site)
    samples["noop"].append(run(build, work))
    with open(edited, encoding="utf-8") as f:
        original = f.read()
    try:
        with open(edited, "a", encoding="utf-8") as f:
            f.write(f"\n99.1. A paragraph added for rebuild round {round_number}.\n")
        samples["edit"].append(run(build, work))
        # A rebuild that keeps pages must publish every page a full build does: a fast rebuild that lost some
        # would measure nothing.
        if count_pages(site) != pages["build-site"]:
            sys.exit(f"the rebuild after an edit published {count_pages(site)} pages, the full build {pages['build-site']}")
    finally:
        with open(edited, "w", encoding="utf-8") as f:
            f.write(original)
    samples["hugo"].append(run(hugo, work))
    pages["hugo"] = count_pages(hugo_out)
    samples["cmark"].append(run(cmark, work, stdout=cmark_out))


def summarize(state, args, load):
    result = {"count": state["count"], "bytes": state["bytes"], "pages": state["pages"], "load": load, "runs": args.runs}
    for name, runs in state["samples"].items():
        walls, cpus, rsss = zip(*runs)
        result[name] = {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "rss": statistics.median(rsss),
                        "walls": list(walls)}
    return result


def bench(args):
    """Every round runs every size in turn (1,000 reports, then 10,000), so that the machine's speed, which drifts
    by a fifth over minutes here, falls on both sizes alike: their ratio is the growth target."""
    sizes = [prepare_size(args, count) for count in args.counts]
    load_before = os.getloadavg()
    for round_number in range(1, args.runs + 1):
        for state in sizes:
            bench_round(args, state, round_number)
    load = [load_before, os.getloadavg()]
    return [summarize(state, args, load) for state in sizes]


def tool_version(command):
    try:
        return subprocess.run(command, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def source_state():
    """The commit build-site was built from, and whether the working tree had changes (e.g. patches applied)."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "Sources"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return f"commit {commit}" + (" with uncommitted changes in Sources/" if dirty else "")
    except OSError:
        return "unknown commit"


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            model = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} {platform.release()}"


def report(results, args):
    lines = []
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines += [f"Run {now} on {machine()}.",
              f"Tools: build-site ({os.path.relpath(os.path.abspath(args.build_site), ROOT)}, {source_state()}), {tool_version(['hugo', 'version'])}, "
              f"{tool_version(['cmark-gfm', '--version'])}. Medians of {args.runs} runs per tool, tools taking turns in each round; each full build into a new folder, {args.settle:g} s or more after the last outputs were removed.", ""]
    lines += ["| N | corpus | tool | wall s | CPU s | peak RSS MiB | pages | pages/s | load avg (1 min) before → after |",
              "|---:|---:|---|---:|---:|---:|---:|---:|---|"]
    for r in results:
        load = f"{r['load'][0][0]:.2f} → {r['load'][1][0]:.2f}"
        rows = [("build-site, full build", "full", r["pages"]["build-site"]),
                ("build-site, rebuild, nothing changed", "noop", r["pages"]["build-site"]),
                ("build-site, rebuild, one report edited", "edit", r["pages"]["build-site"]),
                ("Hugo, full build", "hugo", r["pages"]["hugo"]),
                ("cmark-gfm alone (bodies, one process)", "cmark", r["count"])]
        for label, key, pages in rows:
            m = r[key]
            lines.append(f"| {r['count']:,} | {r['bytes'] / 2**20:.1f} MiB | {label} | {m['wall']:.2f} | {m['cpu']:.2f} | "
                         f"{m['rss']:.0f} | {pages:,} | {pages / m['wall']:,.0f} | {load} |")
    lines += ["", "| N | build-site / Hugo (wall) | build-site / cmark-gfm (wall) | no-op rebuild / full | one-edit rebuild / full | peak RSS |",
              "|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        full = r["full"]["wall"]
        lines.append(f"| {r['count']:,} | {full / r['hugo']['wall']:.2f} (target ≤ 0.5) | {full / r['cmark']['wall']:.2f} (target ≤ 2) | "
                     f"{r['noop']['wall'] / full:.0%} (target < 10%) | {r['edit']['wall'] / full:.0%} (target < 15%) | "
                     f"{r['full']['rss']:.0f} MiB (target < 300 at 10,000) |")
    if len(results) > 1:
        small, large = results[0], results[-1]
        growth = large["full"]["wall"] / small["full"]["wall"]
        factor = large["count"] / small["count"]
        lines += ["", f"Growth: {large['count']:,} reports cost {growth:.1f}× the wall time of {small['count']:,} "
                      f"(target ≤ {factor * 1.1:.0f}×); CPU {large['full']['cpu'] / small['full']['cpu']:.1f}×."]
    return "\n".join(lines)


def record(path, text):
    """Replaces the results between the markers in BENCHMARKS.md (or appends them), keeping the prose around them."""
    block = f"{MARK_BEGIN}\n{text}\n{MARK_END}"
    existing = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Benchmarks\n\n"
    if MARK_BEGIN in existing and MARK_END in existing:
        before, rest = existing.split(MARK_BEGIN, 1)
        after = rest.split(MARK_END, 1)[1]
        existing = before + block + after
    else:
        existing = existing.rstrip("\n") + "\n\n" + block + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(existing)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-site", default=os.path.join(ROOT, ".build/release/build-site"))
    parser.add_argument("--templates", default=os.path.join(ROOT, "Templates"))
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--settle", type=float, default=361, help="seconds to wait after the last outputs were removed")
    parser.add_argument("--work", default=os.path.join(ROOT, ".bench"), help="scratch folder (corpora, outputs)")
    parser.add_argument("--record", help="write the results into this Markdown file (e.g. BENCHMARKS.md)")
    parser.add_argument("--json", help="also write the raw results as JSON here")
    args = parser.parse_args()
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    for tool in ["hugo", "cmark-gfm"]:
        if shutil.which(tool) is None:
            sys.exit(f"benchmark: {tool} is not installed; `make bench` installs it")
    remove_outputs(args.work)  # left by an interrupted run
    settle(args.work, args.settle)
    try:
        results = bench(args)
    finally:
        remove_outputs(args.work)
    text = report(results, args)
    print("\n" + text)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    if args.record:
        record(args.record, text)
        print(f"\nrecorded in {args.record}")


if __name__ == "__main__":
    main()
