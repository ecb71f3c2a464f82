"""A check that leaks C memory: it asks the RTLoader for a buffer every run and frees only some of
them, so rtloader InuseBytes and Allocations - Frees grow while the Python heap stays flat."""
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



class CLeakCheck(AgentCheck):
    __NAMESPACE__ = 'c_leak'

    def check(self, instance):
        stats = parse(fake_queue_report(instance.get('queues', 100)))
        scratch = self.rtloader_malloc(16384)
        self.rtloader_free(scratch)
        self.rtloader_malloc(instance.get('leak_bytes', 4096))
        if instance.get('bad_free'):
            self.rtloader_free(12345)
        self.gauge('queues', len(stats), tags=list(instance.get('tags', [])))
