"""tally.py — what the receivers' Python checks (calendar.py, spreadsheet.py) share: each
check counted, a failure printed with the first lines of its detail, and the closing line
"PART: N passed, M failed" that tests/receivers/run.sh expects of every part."""


class Tally:
    def __init__(self, part):
        self.part = part
        self.passed = 0
        self.failed = 0

    def result(self, ok, what, detail=()):
        if ok:
            self.passed += 1
            return
        self.failed += 1
        print(f"FAIL {self.part}: {what}")
        for line in list(detail)[:10]:
            print(f"    {line}")

    def summary(self):
        """Prints the closing line; returns the exit status, 1 when a check failed."""
        print(f"{self.part}: {self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0
