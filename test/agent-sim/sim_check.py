"""AgentCheck for the simulator: the Agent's method names, an aggregator and RTLoader-style C
allocation accounting.

Everything a check calls during a profiled run must leave nothing behind on the Python heap, as in
the real Agent where submissions go straight to Go: otherwise the simulator itself would show up in
tracemalloc snapshots. So submissions are written to a file descriptor, and counters and the pointer
table live in preallocated buffers (an mmap shared with the HTTP server process, an array).
"""
import array
import ast
import copy
import ctypes
import ctypes.util
import json
import mmap
import os
import struct
import traceback

import sim_memory

# Layout of the shared counter block (int64 slots). The runner stats the Agent publishes per check
# instance (TotalRuns, TotalErrors) get one slot pair per instance, up to MAX_INSTANCES.
MAX_INSTANCES = 64
SLOTS = ['AllocatedBytes', 'FreedBytes', 'Allocations', 'Frees', 'InuseBytes', 'UntrackedFrees',
         'PymemAlloc', 'PymemInuse', 'HeapAlloc', 'Sys', 'NumGC', 'HeapObjects', 'TotalAlloc', 'Mallocs',
         'FreesGo', 'Runs', 'Errors']
SLOTS += ['TotalRuns%d' % i for i in range(MAX_INSTANCES)] + ['TotalErrors%d' % i for i in range(MAX_INSTANCES)]
SLOT = {name: i * 8 for i, name in enumerate(SLOTS)}
BLOCK_SIZE = len(SLOTS) * 8


class Counters:
    """int64 counters in a file-backed mmap, so a separate server process can read them live."""

    def __init__(self, path):
        self.path = path
        with open(path, 'wb') as f:
            f.write(b'\0' * BLOCK_SIZE)
        self._file = open(path, 'r+b')
        self.map = mmap.mmap(self._file.fileno(), BLOCK_SIZE)

    def add(self, name, n):
        off = SLOT[name]
        struct.pack_into('<q', self.map, off, struct.unpack_from('<q', self.map, off)[0] + n)

    def set(self, name, n):
        struct.pack_into('<q', self.map, SLOT[name], int(n))

    def get(self, name):
        return struct.unpack_from('<q', self.map, SLOT[name])[0]


class RtLoader:
    """malloc/free through libc with the RTLoader's accounting: known pointers are tracked in an
    open-addressing table (preallocated, so tracking itself allocates nothing on the Python heap)."""

    CAPACITY = 1 << 16

    def __init__(self, counters):
        self.counters = counters
        libc = ctypes.CDLL(ctypes.util.find_library('c') or None)
        self._malloc = libc.malloc
        self._malloc.restype = ctypes.c_void_p
        self._malloc.argtypes = [ctypes.c_size_t]
        self._free = libc.free
        self._free.restype = None
        self._free.argtypes = [ctypes.c_void_p]
        self._keys = array.array('q', [0]) * self.CAPACITY   # 0 empty, -1 deleted
        self._sizes = array.array('q', [0]) * self.CAPACITY

    def _slot(self, ptr, insert):
        mask = self.CAPACITY - 1
        i = (ptr >> 4) & mask
        for _ in range(self.CAPACITY):
            k = self._keys[i]
            if k == ptr or (insert and k <= 0) or (not insert and k == 0):
                return i
            i = (i + 1) & mask
        raise MemoryError('rtloader pointer table is full')

    def malloc(self, size):
        ptr = self._malloc(size)
        if not ptr:
            raise MemoryError('malloc(%d) failed' % size)
        i = self._slot(ptr, True)
        self._keys[i] = ptr
        self._sizes[i] = size
        c = self.counters
        c.add('Allocations', 1)
        c.add('AllocatedBytes', size)
        c.add('InuseBytes', size)
        return ptr

    def free(self, ptr):
        i = self._slot(ptr, False) if ptr else None
        if i is None or self._keys[i] != ptr:
            # A pointer the accounting never saw: counted, not freed (freeing it could crash).
            self.counters.add('UntrackedFrees', 1)
            return
        size = self._sizes[i]
        self._keys[i] = -1
        self._free(ptr)
        c = self.counters
        c.add('Frees', 1)
        c.add('FreedBytes', size)
        c.add('InuseBytes', -size)


class Aggregator:
    """Receives submissions on a file descriptor; `series()` turns them into the check command's
    JSON shape after the runs (one series per context per run, one point each)."""

    def __init__(self, path):
        self.path = path
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o600)

    def submit(self, kind, check_id, name, value, tags, hostname, device):
        # repr, not json: json's Python-level encoder would show up in the check's snapshots.
        os.write(self.fd, (repr([kind, check_id, name, value, tags, hostname, device]) + '\n').encode())

    def mark_run(self, check_id, ts):
        os.write(self.fd, (repr(['__run__', check_id, ts]) + '\n').encode())

    def records(self):
        with open(self.path, encoding='utf-8') as f:
            return [ast.literal_eval(line) for line in f if line.strip()]


def _num(v):
    # Go's JSON prints integral float64 values without a decimal point.
    return int(v) if isinstance(v, float) and v.is_integer() and abs(v) < 1e15 else v


def build_series(records, check_id, default_host):
    """Series of one check instance: gauges keep the last value of a run, counts sum, rates and
    monotonic counts need a previous run."""
    metrics, service_checks = [], []
    run_ts = None
    pending = {}
    previous = {}

    def flush():
        for key, (kind, value) in pending.items():
            name, tags, host, device = key
            if kind in ('rate', 'monotonic_count'):
                prev = previous.get(key)
                previous[key] = (value, run_ts)
                if prev is None:
                    continue
                if kind == 'rate':
                    dt = run_ts - prev[1]
                    if dt <= 0:
                        continue
                    value = (value - prev[0]) / dt
                else:
                    value = value - prev[0]
                    if value < 0:
                        continue
            series = {
                'host': host if host is not None else default_host,
                'interval': 0,
                'metric': name,
                'points': [[run_ts, _num(float(value))]],
                'source_type_name': 'System',
                'tags': list(tags),
                'type': 'gauge' if kind in ('gauge', 'monotonic_count') else ('rate' if kind == 'rate' else 'count'),
            }
            if device:
                series['device'] = device
            metrics.append(dict(sorted(series.items())))
        pending.clear()

    for rec in records:
        if rec[0] == '__run__':
            if rec[1] != check_id:
                continue
            flush()
            run_ts = rec[2]
            continue
        kind, cid, name, value, tags, host, device = rec
        if cid != check_id:
            continue
        if kind == 'service_check':
            service_checks.append({
                'check': name, 'host_name': host if host is not None else default_host, 'timestamp': run_ts,
                'status': value[0], 'message': value[1] or '', 'tags': list(tags),
            })
            continue
        key = (name, tuple(tags), host, device)
        if kind == 'count' and key in pending:
            pending[key] = (kind, pending[key][1] + value)
        else:
            pending[key] = (kind, value)
    flush()
    return metrics, service_checks


class AgentCheck(object):
    """The subset of datadog_checks.base.AgentCheck the example checks use."""

    OK, WARNING, CRITICAL, UNKNOWN = 0, 1, 2, 3
    __NAMESPACE__ = ''

    # Set by the simulator before instances are created.
    _aggregator = None
    _rtloader = None
    _hostname = 'localhost'

    def __init__(self, name, init_config, instances):
        self.name = name
        self.init_config = init_config if init_config is not None else {}
        self.instances = instances
        self.instance = instances[0] if instances else None
        self.check_id = ''
        self.check_version = '0.0.0'
        self.warnings = []

    # --- submission -------------------------------------------------------------------------
    def _submit(self, kind, name, value, tags=None, hostname=None, device_name=None, raw=False):
        if not raw and self.__NAMESPACE__:
            name = '{}.{}'.format(self.__NAMESPACE__, name)
        self._aggregator.submit(kind, self.check_id, name, value, list(tags or []), hostname, device_name)

    def gauge(self, name, value, tags=None, hostname=None, device_name=None, raw=False):
        self._submit('gauge', name, value, tags, hostname, device_name, raw)

    def count(self, name, value, tags=None, hostname=None, device_name=None, raw=False):
        self._submit('count', name, value, tags, hostname, device_name, raw)

    def monotonic_count(self, name, value, tags=None, hostname=None, device_name=None, raw=False):
        self._submit('monotonic_count', name, value, tags, hostname, device_name, raw)

    def rate(self, name, value, tags=None, hostname=None, device_name=None, raw=False):
        self._submit('rate', name, value, tags, hostname, device_name, raw)

    def increment(self, name, value=1, tags=None, hostname=None, device_name=None, raw=False):
        self._submit('count', name, value, tags, hostname, device_name, raw)

    def decrement(self, name, value=-1, tags=None, hostname=None, device_name=None, raw=False):
        self._submit('count', name, value, tags, hostname, device_name, raw)

    def service_check(self, name, status, tags=None, hostname=None, message=None, raw=False):
        self._submit('service_check', name, [status, message], tags, hostname, None, raw)

    def warning(self, message, *args):
        self.warnings.append(message % args if args else message)

    def get_warnings(self):
        warnings, self.warnings = self.warnings, []
        return warnings

    # --- RTLoader-style C memory ----------------------------------------------------------------
    def rtloader_malloc(self, size):
        """Allocate `size` bytes of C memory counted by the rtloader counters; returns the pointer."""
        return self._rtloader.malloc(size)

    def rtloader_free(self, ptr):
        """Free a pointer from rtloader_malloc; an unknown pointer counts as an untracked free."""
        self._rtloader.free(ptr)

    # --- running ----------------------------------------------------------------------------------
    def get_debug_metric_tags(self):
        tags = ['check_name:{}'.format(self.name), 'check_version:{}'.format(self.check_version)]
        tags.extend(self.instance.get('tags', []) or [])
        return tags

    def check(self, instance):
        raise NotImplementedError

    def run(self):
        """One check run, like AgentCheck.run: returns '' or a JSON-encoded traceback list."""
        try:
            instance = copy.deepcopy(self.instances[0])
            if 'profile_memory' in self.init_config:
                metrics = sim_memory.profile_memory(
                    self.check, self.init_config, namespaces=self.check_id.split(':', 1), args=(instance,))
                tags = self.get_debug_metric_tags()
                tags.extend(instance.get('__memory_profiling_tags', []) or [])
                for name, value in metrics:
                    self.gauge(name, value, tags=tags, raw=True)
            else:
                self.check(instance)
            return ''
        except Exception as e:
            return json.dumps([{'message': str(e), 'traceback': traceback.format_exc()}])
