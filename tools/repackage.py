#!/usr/bin/env python3
"""Moves Java types between packages by the rules of tools/repackage.map, across a whole checkout.

Usage: tools/repackage.py [ROOT]   (ROOT defaults to the current directory; run it on a clean work tree)

For every .java file under */src/{main,test}/java: the file moves (git mv) to its new package's directory, its
package line changes, every fully qualified reference to a moved type is rewritten (imports, static imports,
code, strings, and also in docs/ and *.md), and a type that used a former package-mate without an import gets
one. Test classes follow the type they are named after (FooTest follows Foo), else their package's rule.
Idempotent: a second run finds nothing to move. Type access (package-private members used across the new
line) is left to the compiler to report.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
MAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "repackage.map")

class_rules, package_rules, renames = {}, {}, {}
for line in open(MAP, encoding="utf-8"):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    old, new = [s.strip() for s in line.split("->")]
    if old.endswith(".*"):
        package_rules[old[:-2]] = new
    elif new.rsplit(".", 1)[-1][:1].isupper():
        renames[old] = new  # a type renamed in its own package: `old.pkg.Name -> old.pkg.NewName`
    else:
        class_rules[old] = new

def rename_types(root):
    """Renames types in place (before any move): the file, its declaration, and every use of the old name in files
    that import it or share its package without importing another type of that name."""
    for old, new in renames.items():
        pkg, name = old.rsplit(".", 1)
        new_name = new.rsplit(".", 1)[1]
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in (".git", "target", "node_modules")]
            for fname in filenames:
                if not fname.endswith(".java"):
                    continue
                path = os.path.join(dirpath, fname)
                text = open(path, encoding="utf-8").read()
                mine = re.search(r"^package\s+" + re.escape(pkg) + r"\s*;", text, re.M) is not None
                imports_it = re.search(r"^import\s+" + re.escape(old) + r"\s*;", text, re.M) is not None
                other = re.search(r"^import\s+[\w.]+\." + re.escape(name) + r"\s*;", text, re.M) is not None
                updated = re.sub(r"(?<![\w.])" + re.escape(old) + r"\b", new, text)
                if imports_it or (mine and not other):
                    updated = re.sub(r"(?<![\w.])" + re.escape(name) + r"\b", new_name, updated)
                if updated != text:
                    open(path, "w", encoding="utf-8").write(updated)
                if mine and fname == name + ".java":
                    subprocess.call(["git", "mv", "-k", path, os.path.join(dirpath, new_name + ".java")], cwd=root)
                    if os.path.exists(path):
                        os.replace(path, os.path.join(dirpath, new_name + ".java"))


rename_types(ROOT)

java_files = []
for dirpath, dirnames, filenames in os.walk(ROOT):
    dirnames[:] = [d for d in dirnames if d not in (".git", "target", "node_modules")]
    for name in filenames:
        if name.endswith(".java") and re.search(r"/src/(main|test)/java(/|$)", dirpath):
            java_files.append(os.path.join(dirpath, name))

PACKAGE = re.compile(r"^package\s+([\w.]+)\s*;", re.M)


def source_root(path):
    m = re.search(r"^(.*/src/(?:main|test)/java)/", path)
    return m.group(1)


files = {}  # path -> (old package, simple name, new package)
for path in java_files:
    text = open(path, encoding="utf-8").read()
    m = PACKAGE.search(text)
    if not m:
        continue
    pkg, name = m.group(1), os.path.basename(path)[:-5]
    fqn = pkg + "." + name
    new = class_rules.get(fqn)
    if new is None and "/src/test/" in path:
        for suffix in ("Test", "Tests", "IT"):
            if name.endswith(suffix) and pkg + "." + name[: -len(suffix)] in class_rules:
                new = class_rules[pkg + "." + name[: -len(suffix)]]
                break
    if new is None:
        new = package_rules.get(pkg, pkg)
    files[path] = (pkg, name, new)

# Every top-level type's move, old FQN -> new FQN (only those that move).
moves = {}
for path, (pkg, name, new) in files.items():
    if name != "package-info" and pkg != new:
        moves[pkg + "." + name] = new + "." + name
by_package = {}
for path, (pkg, name, new) in files.items():
    if name != "package-info":
        by_package.setdefault(pkg, []).append((name, new, "/src/test/" in path))

fqn_pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(k) for k in sorted(moves, key=len, reverse=True))
                         + r")(?![\w])") if moves else None


def rewrite_fqns(text):
    return fqn_pattern.sub(lambda m: moves[m.group(1)], text) if fqn_pattern else text


IMPORT = re.compile(r"^import\s+(static\s+)?([\w.]+)\s*;", re.M)
changed = 0
for path, (pkg, name, new) in sorted(files.items()):
    text = open(path, encoding="utf-8").read()
    original = text
    text = rewrite_fqns(text)
    if pkg != new:
        text = PACKAGE.sub("package " + new + ";", text, count=1)
    # Former package-mates that now live elsewhere need an import.
    imported = {m.group(2).rsplit(".", 1)[-1] for m in IMPORT.finditer(text) if not m.group(1)}
    body = IMPORT.sub("", PACKAGE.sub("", text))
    body = re.sub(r"//[^\n]*|/\*.*?\*/", "", body, flags=re.S)
    needed = []
    for mate, mate_new, mate_is_test in by_package.get(pkg, []):
        if mate == name or mate_new == new or mate in imported or (mate_is_test and "/src/test/" not in path):
            continue
        if re.search(r"(?<![\w.])" + re.escape(mate) + r"\b", body):
            needed.append("import " + mate_new + "." + mate + ";")
    if needed:
        anchor = IMPORT.search(text)
        block = "\n".join(sorted(needed)) + "\n"
        if anchor:
            text = text[: anchor.start()] + block + text[anchor.start():]
        else:
            pm = PACKAGE.search(text)
            text = text[: pm.end()] + "\n\n" + block + text[pm.end():]
    if text != original:
        open(path, "w", encoding="utf-8").write(text)
        changed += 1
    if pkg != new:
        target_dir = os.path.join(source_root(path), *new.split("."))
        os.makedirs(target_dir, exist_ok=True)
        target = os.path.join(target_dir, os.path.basename(path))
        if subprocess.call(["git", "mv", "-k", path, target], cwd=ROOT) != 0 or os.path.exists(path):
            os.replace(path, target)

# Documentation and resources that name types.
for dirpath, dirnames, filenames in os.walk(ROOT):
    dirnames[:] = [d for d in dirnames if d not in (".git", "target", "node_modules")]
    for fname in filenames:
        if fname.endswith((".md", ".imports", ".factories", ".properties", ".json", ".yaml", ".yml", ".txt")):
            p = os.path.join(dirpath, fname)
            try:
                t = open(p, encoding="utf-8").read()
            except (UnicodeDecodeError, OSError):
                continue
            r = rewrite_fqns(t)
            if r != t:
                open(p, "w", encoding="utf-8").write(r)
                changed += 1

# Remove source directories the move emptied.
for dirpath, dirnames, filenames in os.walk(ROOT, topdown=False):
    if "/src/" in dirpath and "/java/" in dirpath and "target" not in dirpath.split(os.sep):
        try:
            os.rmdir(dirpath)
        except OSError:
            pass
print(f"repackage: {sum(1 for f in files.values() if f[0] != f[2])} files moved, {changed} files rewritten")
