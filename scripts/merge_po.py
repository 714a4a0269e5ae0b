"""Git merge driver for gettext catalogues: the union of both sides' entries, by msgid and context.

Two branches that each add strings to one catalogue would otherwise conflict on every
header date and neighbouring entry. Set it up once per clone:
    git config merge.po.driver "python3 scripts/merge_po.py %O %A %B"
(.gitattributes names the driver; without this config git falls back to its text merge.)
"""

import sys

import polib


def key(entry):
    return (entry.msgctxt, entry.msgid)


def main(base_path, ours_path, theirs_path):
    base = {key(e): e for e in polib.pofile(base_path)}
    ours = polib.pofile(ours_path)
    theirs = polib.pofile(theirs_path)
    ours_by_key = {key(e): e for e in ours}
    theirs_keys = {key(e) for e in theirs}
    # Entries removed on their side (still in base, unchanged on ours) go.
    for k, entry in list(ours_by_key.items()):
        if k in base and k not in theirs_keys and entry.msgstr == base[k].msgstr:
            ours.remove(entry)
            del ours_by_key[k]
    for entry in theirs:
        mine = ours_by_key.get(key(entry))
        if mine is None:
            if key(entry) not in base:
                ours.append(entry)
        elif mine.msgstr != entry.msgstr or mine.msgstr_plural != entry.msgstr_plural:
            base_entry = base.get(key(entry))
            # Take their translation where ours kept the base's (they changed it) or ours is empty.
            if (base_entry is not None and mine.msgstr == base_entry.msgstr) or not (mine.msgstr or mine.msgstr_plural):
                mine.msgstr = entry.msgstr
                mine.msgstr_plural = entry.msgstr_plural
                mine.flags = entry.flags
    ours.save(ours_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
