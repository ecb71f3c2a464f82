"""A regressing check: each run replaces its cached result with a new one, `factor` times the size of
the baseline's (1.2 by default, i.e. 20% more retained per run). The old result is freed, so there is
no leak: the process heap stays flat while check_run_alloc is flat and 20% higher."""
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



class RegressingCheck(AgentCheck):
    __NAMESPACE__ = 'regressing'

    def __init__(self, name, init_config, instances):
        super().__init__(name, init_config, instances)
        self._last_rows = None

    def check(self, instance):
        stats = parse(fake_queue_report(instance.get('queues', 100)))
        keep = int(instance.get('base_rows', 50) * float(instance.get('factor', 1.2)))
        self._last_rows = [dict(s) for s in stats[:keep]]
        self.gauge('queues', len(stats), tags=list(instance.get('tags', [])))
