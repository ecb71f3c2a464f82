"""A steady check: everything a run allocates is garbage at its end (check_run_alloc 0 with --m-gc)."""
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



class SteadyCheck(AgentCheck):
    __NAMESPACE__ = 'steady'

    def check(self, instance):
        stats = parse(fake_queue_report(instance.get('queues', 100)))
        tags = list(instance.get('tags', []))
        total = 0
        for s in stats:
            total += int(s['depth'])
        self.gauge('queues', len(stats), tags=tags)
        self.gauge('depth.total', total, tags=tags)
        self.service_check('can_connect', AgentCheck.OK, tags=tags)
