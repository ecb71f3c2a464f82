"""A retaining check: every run appends a new list of the names it saw to a module-level history and
never trims it. Each run keeps about the same number of bytes, so with gc on check_run_alloc is
*flat and above 0* rather than rising, which is how most real per-run leaks look (see
python-tracemalloc.md: "retains ~3 KiB per run")."""
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


_history = []


class RetainingCheck(AgentCheck):
    __NAMESPACE__ = 'retaining'

    def check(self, instance):
        stats = parse(fake_queue_report(instance.get('queues', 100)))
        _history.append(tuple(s['name'] for s in stats[: instance.get('remember', 30)]))
        self.gauge('queues', len(stats), tags=list(instance.get('tags', [])))
