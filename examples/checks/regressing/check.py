"""A regressing check: on its first run it builds a lookup table and keeps it for the life of the
process, `factor` times the size of the baseline's (1.2 by default: 20% more memory). Later runs only
read it. So there is no leak (nothing is retained after the first run, which warm-up drops), but the
Python heap (pymem in-use) is 20% of the table larger in every run: a regression, not a leak."""
from datadog_checks.base import AgentCheck


def fake_queue_report(n):
    # Stands in for what a real check would fetch over HTTP: a text page to parse.
    return "\n".join("queue_%d depth=%d consumers=%d" % (i, (i * 37) % 101, i % 7) for i in range(n))


def parse(text):
    rows = []
    for line in text.splitlines():
        name, depth, consumers = line.split(" ")
        rows.append({"name": name, "depth": depth.split("=")[1], "c": consumers.split("=")[1]})
    return rows


_table = None


class RegressingCheck(AgentCheck):
    __NAMESPACE__ = 'regressing'

    def check(self, instance):
        global _table
        stats = parse(fake_queue_report(instance.get('queues', 100)))
        if _table is None:
            rows = int(int(instance.get('table_rows', 100000)) * float(instance.get('factor', 1.2)))
            # At most ~500-byte str objects (up to 999,999 rows): under pymalloc's 512-byte limit, so
            # they land in its arenas, which is what pymem counts (longer ones go to malloc and pymem
            # never sees them). 100,000 rows fill about 45 of its 1 MiB arenas, so the 20% shows well
            # above the arena quantum; few enough that tracemalloc stays quick.
            _table = [("q_%d;" % i) * 50 for i in range(rows)]
        depth = sum(len(row) for row in _table[: len(stats)])
        self.gauge('queues', len(stats), tags=list(instance.get('tags', [])))
        self.gauge('depth.total', depth, tags=list(instance.get('tags', [])))
