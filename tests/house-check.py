#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The rules of the house, checked on the source tree and the build.

    /usr/bin/python3 tests/house-check.py BUILD-DIR [SOURCE-ROOT]

BUILD-DIR is a configured and built meson folder (the static libraries
dossier-core, dossier-cli and dossier-gui must be built: meson's test()
depends on them). SOURCE-ROOT defaults to the folder above this script.

Fails (exit 1), naming the files, when
- two or more .c files of src/ call each other in a cycle: from `nm` on
  the object files of the static libraries, file A -> file B when a symbol
  A leaves undefined is defined in B; every strongly connected component
  of more than one file is a cycle;
- a *-private.h header is included from outside its own folder;
- a file in src/core or src/cli includes a GTK, GDK, GSK or Adwaita
  header;
- a .c file in src/ holds CSS (gtk_css_provider_load_from_data, _string
  or _bytes: CSS belongs in ui/style.css, loaded from the resources);
- a folder includes a header of a folder after it in the order
  base < date < model < load < search < chart < export < interchange < library < cli < gui;
- a .c file in src/ is over 1,500 lines, or a function in one is over
  150 lines (from the line of its name to its closing brace).
Prints one line per problem and a summary line.
"""

import json
import os
import re
import subprocess
import sys

MAX_FILE_LINES = 1500
MAX_FUNCTION_LINES = 150
LIBRARIES = ("dossier-core", "dossier-cli", "dossier-gui")
# A folder may include the headers of the folders before it, never after.
LAYERS = ("core/base", "core/date", "core/model", "core/load", "core/search",
          "core/chart", "core/export", "core/interchange", "core/library", "cli", "gui")

INCLUDE_RE = re.compile(r'^[ \t]*#[ \t]*include\s*([<"])([^>"]+)[>"]', re.M)
GTK_INCLUDE_RE = re.compile(r"^(gtk|gdk|gsk)/|^(gtk|gdk|adwaita)\.h$")
CSS_CALL_RE = re.compile(r"\bgtk_css_provider_load_from_(data|string|bytes)\s*\(")


class Report:
    def __init__(self):
        self.problems = 0

    def section(self, title, problems):
        if problems:
            print(f"FAIL {title}: {len(problems)}")
            for line in problems:
                print(f"  {line}")
        else:
            print(f"ok   {title}")
        self.problems += len(problems)


def layer_of(rel):
    """The layer index of a path relative to src/, or None."""
    for index, layer in enumerate(LAYERS):
        if rel == layer or rel.startswith(layer + "/"):
            return index
    return None


def source_files(src, suffixes):
    found = []
    for folder, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(suffixes):
                found.append(os.path.join(folder, name))
    return found


def strip_code(text):
    """Comments, string and character literals and preprocessor lines
    blanked out, newlines kept, so that braces can be counted."""
    out = []
    i = 0
    n = len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c == "#":
            # A preprocessor line, with its continuations.
            while i < n and text[i] != "\n":
                if text[i] == "\\" and i + 1 < n and text[i + 1] == "\n":
                    out.append("\n")
                    i += 2
                    continue
                i += 1
            continue
        if c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
            continue
        if c == "/" and text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
            continue
        if c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + re.sub(r"[^\n]", " ", text[i + 1:j]) + c)
            i = j + 1
            continue
        if c == "\n":
            at_line_start = True
        elif not c.isspace():
            at_line_start = False
        out.append(c)
        i += 1
    return "".join(out)


def functions(text):
    """(name, first line, last line) of every function defined at top
    level: a brace at depth 0 right after a closing parenthesis."""
    code = strip_code(text)
    found = []
    i = 0
    n = len(code)
    while i < n:
        if code[i] != "{":
            i += 1
            continue
        # The matching closing brace.
        depth = 0
        j = i
        while j < n:
            if code[j] == "{":
                depth += 1
            elif code[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        k = i - 1
        while k >= 0 and code[k].isspace():
            k -= 1
        if k >= 0 and code[k] == ")":
            # Back to the opening parenthesis, then the name before it.
            parens = 0
            while k >= 0:
                if code[k] == ")":
                    parens += 1
                elif code[k] == "(":
                    parens -= 1
                    if parens == 0:
                        break
                k -= 1
            match = re.search(r"([A-Za-z_]\w*)\s*$", code[:k])
            if match:
                first = code.count("\n", 0, match.start(1)) + 1
                last = code.count("\n", 0, j) + 1
                found.append((match.group(1), first, last))
        i = j + 1
    return found


def check_sizes(src, root):
    files = []
    funcs = []
    for path in source_files(src, (".c",)):
        rel = os.path.relpath(path, root)
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        lines = text.count("\n")
        if lines > MAX_FILE_LINES:
            files.append(f"{rel}: {lines} lines (at most {MAX_FILE_LINES})")
        for name, first, last in functions(text):
            length = last - first + 1
            if length > MAX_FUNCTION_LINES:
                funcs.append((length, f"{rel}:{first}: {name}: {length} lines "
                                      f"(at most {MAX_FUNCTION_LINES})"))
    funcs.sort(key=lambda item: (-item[0], item[1]))
    return files, [line for _, line in funcs]


def check_includes(src, root):
    headers = {}
    for path in source_files(src, (".h",)):
        headers.setdefault(os.path.basename(path), []).append(path)

    private, gtk, layers, css = [], [], [], []
    for path in source_files(src, (".c", ".h")):
        rel = os.path.relpath(path, root)
        rel_src = os.path.relpath(path, src)
        folder = os.path.dirname(path)
        own_layer = layer_of(rel_src)
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for match in INCLUDE_RE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            bracket, name = match.groups()
            where = f"{rel}:{line}"
            base = os.path.basename(name)
            if bracket == "<" and GTK_INCLUDE_RE.search(name) and own_layer is not None \
                    and LAYERS[own_layer] != "gui":
                gtk.append(f"{where}: includes <{name}> (no GTK in src/core or src/cli)")
            targets = headers.get(base, []) if bracket == '"' else []
            if not targets:
                continue
            target = targets[0]
            target_rel = os.path.relpath(target, root)
            if base.endswith("-private.h") and os.path.dirname(target) != folder:
                private.append(f"{where}: includes {base} of {os.path.dirname(target_rel)}/")
            target_layer = layer_of(os.path.relpath(target, src))
            if own_layer is not None and target_layer is not None and target_layer > own_layer:
                layers.append(f"{where}: {LAYERS[own_layer]} includes {base} of "
                              f"{LAYERS[target_layer]}, a later folder")
        if path.endswith(".c"):
            for match in CSS_CALL_RE.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                css.append(f"{rel}:{line}: CSS in code (gtk_css_provider_load_from_"
                           f"{match.group(1)}): it belongs in ui/style.css")
    return private, gtk, css, layers


def object_files(build):
    """{object path: source path} of the static libraries' objects."""
    outputs = {}
    commands = os.path.join(build, "compile_commands.json")
    if os.path.exists(commands):
        with open(commands, encoding="utf-8") as f:
            for entry in json.load(f):
                directory = entry.get("directory", build)
                out = os.path.normpath(os.path.join(directory, entry["output"]))
                outputs[out] = os.path.normpath(os.path.join(directory, entry["file"]))
    objects = {}
    for folder, dirs, files in os.walk(build):
        dirs.sort()
        base = os.path.basename(folder)
        if not any(base == f"lib{lib}.a.p" for lib in LIBRARIES):
            continue
        for name in sorted(files):
            if name.endswith(".o"):
                path = os.path.normpath(os.path.join(folder, name))
                objects[path] = outputs.get(path, name[:-2])
    return objects


def symbols(obj):
    """(defined, undefined) global symbol names of one object file."""
    out = subprocess.run(["nm", "-P", obj], check=True, capture_output=True,
                         text=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        name, kind = parts[0], parts[1]
        if kind == "U":
            undefined.add(name)
        elif kind.isupper():
            # Lower case is a local symbol, or a weak one left undefined.
            defined.add(name)
    return defined, undefined


def strongly_connected(graph):
    """Tarjan's algorithm; components in a stable order."""
    index, low, on_stack, stack, result = {}, {}, set(), [], []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(graph.get(node, ())):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                succ = stack.pop()
                on_stack.discard(succ)
                component.append(succ)
                if succ == node:
                    break
            result.append(sorted(component))

    sys.setrecursionlimit(10000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(result)


def check_cycles(build, root):
    objects = object_files(build)
    if not objects:
        return None, [f"no object file of {', '.join(LIBRARIES)} under {build}: build it first"]
    sources = {}
    defined_by = {}
    undefined = {}
    for obj, source in objects.items():
        name = os.path.relpath(source, root) if os.path.isabs(source) else source
        sources[obj] = name
        defs, undefs = symbols(obj)
        undefined[name] = undefs
        for sym in defs:
            defined_by.setdefault(sym, set()).add(name)
    graph = {name: {} for name in sources.values()}
    for name, undefs in undefined.items():
        for sym in undefs:
            for target in defined_by.get(sym, ()):
                if target != name:
                    graph[name].setdefault(target, []).append(sym)
    problems = []
    for component in strongly_connected(graph):
        if len(component) < 2:
            continue
        lines = [f"cycle of {len(component)} files: {', '.join(component)}"]
        members = set(component)
        for a in component:
            for b in sorted(graph[a]):
                if b in members:
                    syms = sorted(graph[a][b])
                    more = f" and {len(syms) - 4} more" if len(syms) > 4 else ""
                    lines.append(f"  {os.path.basename(a)} -> {os.path.basename(b)}: "
                                 f"{len(syms)} symbol{'s' if len(syms) > 1 else ''}: {', '.join(syms[:4])}{more}")
        problems.append("\n  ".join(lines))
    return len(objects), problems


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    build = os.path.abspath(argv[1])
    root = os.path.abspath(argv[2] if len(argv) > 2
                           else os.path.join(os.path.dirname(__file__), ".."))
    src = os.path.join(root, "src")

    report = Report()
    n_objects, cycles = check_cycles(build, root)
    report.section(f"no cycle of calls between .c files ({n_objects or 0} object files)",
                   cycles)
    private, gtk, css, layers = check_includes(src, root)
    report.section("*-private.h included only in its own folder", private)
    report.section("no GTK or Adwaita header in src/core or src/cli", gtk)
    report.section("no CSS in .c files", css)
    report.section("folders include only headers of folders before them "
                   f"({' < '.join(layer.split('/')[-1] for layer in LAYERS)})", layers)
    files, funcs = check_sizes(src, root)
    report.section(f"no .c file over {MAX_FILE_LINES} lines", files)
    report.section(f"no function over {MAX_FUNCTION_LINES} lines", funcs)

    if report.problems:
        print(f"house-check: FAILED, {report.problems} problems")
        return 1
    print("house-check: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
