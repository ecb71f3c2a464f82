"""The Agent's per-run memory profiling routine, re-implemented for the simulator.

Semantics follow datadog_checks_base's utils/agent/memory.py (and the `binary` package's unit
conversion) because memgate must parse exactly what the real Agent writes: tracemalloc is started
and stopped around each run, gc is disabled during it, and the snapshot only holds what the run
allocated and still held at its end.
"""
import gc
import linecache
import os
import threading
import tracemalloc
from datetime import datetime, timezone

DEFAULTS = {
    'frames': 100,
    'gc': 0,
    'combine': 0,
    'sort': 'lineno',
    'limit': 30,
    'diff': 'absolute',
    'unit': 'dynamic',
    'verbose': 0,
}

# The order matters: the first root found wins.
PACKAGE_ROOTS = ('datadog_checks', 'site-packages', 'lib', 'Lib')
MOST_RECENT_FRAME = -1

KIB = 1024
_UNIT_SIZES = {'B': 1, 'KB': KIB, 'MB': KIB ** 2, 'GB': KIB ** 3, 'TB': KIB ** 4, 'PB': KIB ** 5,
               'EB': KIB ** 6, 'ZB': KIB ** 7, 'YB': KIB ** 8}
_UNIT_NAMES = {1: 'B', KIB: 'KiB', KIB ** 2: 'MiB', KIB ** 3: 'GiB', KIB ** 4: 'TiB', KIB ** 5: 'PiB',
               KIB ** 6: 'EiB', KIB ** 7: 'ZiB', KIB ** 8: 'YiB'}

_lock = threading.Lock()


def _option(config, name):
    return config.get('profile_memory_' + name, DEFAULTS[name])


def unit_size(name):
    # `kib`, `kb`, `KiB` all mean 1024 bytes; unknown names fall back to bytes (as in the Agent).
    return _UNIT_SIZES.get(name.upper().replace('I', ''), 1)


def _convert(n, to):
    """(amount, unit name) like binary.convert_units: fixed unit when `to`, else the largest that fits."""
    if to:
        return n / to, _UNIT_NAMES[to]
    size = 1
    while size < KIB ** 8 and n >= size * KIB:
        size *= KIB
    return (n if size == 1 else n / size), _UNIT_NAMES[size]


def unit_formatter(unit):
    fixed = None if unit == 'dynamic' else unit_size(unit)

    def fmt(n):
        amount, name = _convert(n, fixed)
        size = fixed if fixed is not None else unit_size(name)
        if size < KIB:
            return '%d' % amount, name
        if size < KIB ** 2:
            return '%.2f' % amount, name
        return '%.3f' % amount, name

    return fmt


def package_path(path):
    parts = path.split(os.sep)
    for root in PACKAGE_ROOTS:
        if root in parts:
            rest = parts[parts.index(root) + 1:]
            if rest:
                return os.sep.join(rest)
            break
    return path


def _timestamped(prefix):
    return '{}_{}'.format(prefix, datetime.now(timezone.utc).strftime('%Y-%m-%dT%H-%M-%S_%f'))


def _source_line(out, index, frame):
    line = linecache.getline(frame.filename, frame.lineno).strip()
    if line:
        out.append(' {}  {}\n'.format(' ' * len(str(index)), line))


def write_top(path, stats, fmt, limit):
    out = ['Top {} lines\n'.format(limit)]
    for index, stat in enumerate(stats[:limit], 1):
        frame = stat.traceback[MOST_RECENT_FRAME]
        amount, unit = fmt(stat.size)
        out.append('\n#{}: {}:{}: {} {}\n'.format(index, package_path(frame.filename), frame.lineno, amount, unit))
        _source_line(out, index, frame)
    out.append('\n')
    other = stats[limit:]
    if other:
        amount, unit = fmt(sum(s.size for s in other))
        out.append('{} other: {} {}\n'.format(len(other), amount, unit))
    amount, unit = fmt(sum(s.size for s in stats))
    out.append('Total allocated size: {} {}\n'.format(amount, unit))
    with open(path, 'w', encoding='utf-8') as f:
        f.write(''.join(out))


def _sign(n):
    return '-' if n < 0 else '+'


def write_diff(path, stats, fmt, limit, order):
    if order == 'positive':
        stats = sorted(stats, key=lambda s: (int(s.size_diff > 0),) + s._sort_key())[::-1]
    out = ['Top {} line diffs\n'.format(limit)]
    index = 0
    for stat in stats[:limit]:
        if not stat.size_diff:
            continue  # unchanged rows are already in the snapshot file
        index += 1
        frame = stat.traceback[MOST_RECENT_FRAME]
        amount, unit = fmt(abs(stat.size_diff))
        out.append('\n#{}: {}:{}: {}{} {}\n'.format(
            index, package_path(frame.filename), frame.lineno, _sign(stat.size_diff), amount, unit))
        _source_line(out, index, frame)
    out.append('\n')
    other = stats[limit:]
    if other:
        size = sum(s.size_diff for s in other)
        amount, unit = fmt(abs(size))
        out.append('{} other: {}{} {}\n'.format(len(other), _sign(size), amount, unit))
    total = sum(s.size_diff for s in stats)
    amount, unit = fmt(abs(total))
    out.append('Total difference: {}{} {}\n'.format(_sign(total), amount, unit))
    with open(path, 'w', encoding='utf-8') as f:
        f.write(''.join(out))


def profile_memory(func, config, namespaces, args=()):
    """Run `func(*args)` under tracemalloc; return [(metric name, value)] like the Agent's routine."""
    frames = int(_option(config, 'frames'))
    run_gc = bool(int(_option(config, 'gc')))
    with _lock:
        try:
            gc.disable()
            gc.collect()
            tracemalloc.start(frames)
            func(*args)
            if run_gc:
                gc.collect()
            snapshot = tracemalloc.take_snapshot()
        finally:
            tracemalloc.stop()
            gc.enable()

    if not bool(int(_option(config, 'verbose'))):
        snapshot = snapshot.filter_traces((
            tracemalloc.Filter(False, '<frozen importlib._bootstrap>'),
            tracemalloc.Filter(False, '<frozen importlib._bootstrap_external>'),
            tracemalloc.Filter(False, '<unknown>'),
            tracemalloc.Filter(False, tracemalloc.__file__),
            tracemalloc.Filter(False, __file__),
        ))
    filters = config.get('profile_memory_filters')
    if filters:
        snapshot = snapshot.filter_traces([tracemalloc.Filter(True, p) for p in filters.split(',')])

    combine = bool(int(_option(config, 'combine')))
    sort_by = _option(config, 'sort')
    limit = int(_option(config, 'limit'))
    fmt = unit_formatter(_option(config, 'unit'))

    stats = snapshot.statistics(sort_by, cumulative=combine)
    metric = ('datadog.agent.profile.memory.check_run_alloc', float(sum(s.size for s in stats)))
    if 'profile_memory' not in config:
        return [metric]

    location = os.path.join(config['profile_memory'], *[n.replace(':', '_') for n in namespaces])
    snapshot_dir = os.path.join(location, 'snapshots')
    os.makedirs(snapshot_dir, exist_ok=True)
    write_top(os.path.join(snapshot_dir, _timestamped('snapshot')), stats, fmt, limit)

    previous_dump = os.path.join(location, 'last-snapshot')
    if os.path.isfile(previous_dump):
        diff_dir = os.path.join(location, 'diffs')
        os.makedirs(diff_dir, exist_ok=True)
        previous = tracemalloc.Snapshot.load(previous_dump)
        diff_stats = snapshot.compare_to(previous, key_type=sort_by, cumulative=combine)
        write_diff(os.path.join(diff_dir, _timestamped('diff')), diff_stats, fmt, limit, _option(config, 'diff'))
    snapshot.dump(previous_dump)
    return [metric]
