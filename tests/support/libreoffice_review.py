#!/usr/bin/python3
"""Edits a Minuta review copy in LibreOffice, as a reviewer would, through UNO.

Run by tests/support/libreofficeReview.ts, which starts soffice (headless, listening on a pipe, with a
throwaway profile), runs this script with one JSON argument, and always kills soffice afterwards:

  {"pipe": "...", "input": "/abs/review.docx", "docx": "/abs/out.docx", "fodt": "/abs/out.fodt" (optional),
   "accepted": "/abs/accepted.txt" (optional: the text once LibreOffice accepts every change),
   "user": {"given": "Malee", "family": "Sirikul", "initials": "MS"}, "track": true,
   "edits": [{"op": "replace", "find": "two-day", "text": "three-day"},
             {"op": "insert", "after": "Siem Reap", "text": " (Cambodia)"},
             {"op": "delete", "find": " in full"},
             {"op": "bold", "find": "H.E San Arun"},
             {"op": "deleteParagraph", "find": "Mrs. Sarah Knibbs"}]}

Each edit finds the first occurrence of its text (case-sensitive) and fails loudly when there is none.
LibreOffice records who made a change from its user profile (org.openoffice.UserProfile/Data), so the
name is set there before the document is opened. Prints one JSON line: {"ok": true} or {"error": "..."}.
"""
import json
import os
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, seconds=60):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + seconds
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def set_user(ctx, user):
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", (prop("nodepath", "/org.openoffice.UserProfile/Data"),))
    access.setPropertyValue("givenname", user["given"])
    access.setPropertyValue("sn", user["family"])
    access.setPropertyValue("initials", user.get("initials", ""))
    access.commitChanges()


def find(doc, text):
    search = doc.createSearchDescriptor()
    search.SearchString = text
    search.SearchCaseSensitive = True
    found = doc.findFirst(search)
    if found is None:
        raise RuntimeError("text not found: %r" % text)
    return found


def apply(doc, edit):
    op = edit["op"]
    if op == "replace":
        find(doc, edit["find"]).setString(edit["text"])
    elif op == "insert":
        at = find(doc, edit["after"])
        at.getText().insertString(at.getEnd(), edit["text"], False)
    elif op == "delete":
        find(doc, edit["find"]).setString("")
    elif op == "bold":
        at = find(doc, edit["find"])
        bold = 150.0  # com.sun.star.awt.FontWeight.BOLD
        at.CharWeight = 100.0 if at.CharWeight >= bold else bold
    elif op == "deleteParagraph":
        at = find(doc, edit["find"])
        cursor = at.getText().createTextCursorByRange(at)
        cursor.gotoStartOfParagraph(False)
        cursor.gotoEndOfParagraph(True)
        cursor.goRight(1, True)  # and its paragraph mark: the paragraph goes, not only its text
        cursor.setString("")
    else:
        raise RuntimeError("unknown edit %r" % op)


def main():
    job = json.loads(sys.argv[1])
    ctx = connect(job["pipe"])
    set_user(ctx, job["user"])
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["input"]), "_blank", 0, (prop("Hidden", True),))
    if doc is None:
        raise RuntimeError("LibreOffice could not open %s" % job["input"])
    try:
        doc.RecordChanges = bool(job["track"])
        for edit in job["edits"]:
            apply(doc, edit)
        doc.storeToURL(uno.systemPathToFileUrl(job["docx"]), (prop("FilterName", "MS Word 2007 XML"),))
        if job.get("fodt"):
            doc.storeToURL(uno.systemPathToFileUrl(job["fodt"]), (prop("FilterName", "OpenDocument Text Flat XML"),))
        if job.get("accepted"):
            # LibreOffice's own "accept all": the text every later reading must reproduce.
            dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
            dispatcher.executeDispatch(doc.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, ())
            with open(job["accepted"], "w", encoding="utf-8") as out:
                out.write(doc.getText().getString())
    finally:
        doc.close(True)
    print(json.dumps({"ok": True}))


def leave(code):
    # The UNO bridge sometimes crashes the interpreter while it is torn down (seen once in CI: the
    # script printed {"ok": true} and exited non-zero). Everything is written by now, so skip teardown.
    sys.stdout.flush()
    os._exit(code)


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # one line for the TS wrapper, whatever went wrong
        print(json.dumps({"error": "%s: %s" % (type(e).__name__, e)}))
        leave(1)
    leave(0)
