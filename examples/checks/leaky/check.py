"""A leaky check: it extends one module-level list every run and never trims it, so each run keeps
the names it saw, and the list buffer is re-allocated larger as it grows (rising check_run_alloc)."""
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


_seen_names = []


class LeakyCheck(AgentCheck):
    __NAMESPACE__ = 'leaky'

    def check(self, instance):
        stats = parse(fake_queue_report(instance.get('queues', 100)))
        tags = list(instance.get('tags', []))
        _seen_names.extend(s['name'] for s in stats[: instance.get('remember', 40)])
        self.gauge('queues', len(stats), tags=tags)
        self.gauge('names.seen', len(_seen_names), tags=tags)
