"""A cache that fills during the first runs and then stops growing: retained bytes per run fall to 0
once every key is cached. Not a leak."""
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



class PlateauCacheCheck(AgentCheck):
    __NAMESPACE__ = 'plateau_cache'

    def __init__(self, name, init_config, instances):
        super().__init__(name, init_config, instances)
        self._cache = {}
        self._run = 0

    def check(self, instance):
        stats = parse(fake_queue_report(instance.get('queues', 100)))
        buckets = int(instance.get('buckets', 5))
        key = 'bucket-%d' % (self._run % buckets)
        self._run += 1
        if key not in self._cache:
            self._cache[key] = [s['name'] for s in stats[:40]]
        self.gauge('cache.size', len(self._cache), tags=list(instance.get('tags', [])))
