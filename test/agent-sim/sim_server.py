"""The simulator's HTTP endpoints, in their own process so that serving requests never allocates on
the profiled interpreter's heap. Reads the counters the check process writes to a shared mmap.

usage: sim_server.py <counters-file> <port> <cmdline-json> [<runner-json>]
<runner-json> lists the check instances ([{"name", "id", "version", "source"}], in slot order) whose
runner stats /debug/vars publishes.
Prints the bound port on stdout, then serves until the parent process goes away.
"""
import json
import mmap
import os
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from sim_check import BLOCK_SIZE, SLOT

RTLOADER_KEYS = ['AllocatedBytes', 'Allocations', 'FreedBytes', 'Frees', 'InuseBytes', 'UntrackedFrees']
TELEMETRY = [
    ('pymem__alloc', 'counter', 'Total number of bytes allocated by the python interpreter since the start of the agent.', 'PymemAlloc'),
    ('pymem__inuse', 'gauge', 'Number of bytes currently allocated by the python interpreter.', 'PymemInuse'),
    ('rtloader__allocated_bytes', 'counter', 'Allocated bytes amount', 'AllocatedBytes'),
    ('rtloader__allocations', 'counter', 'Allocations count', 'Allocations'),
    ('rtloader__freed_bytes', 'counter', 'Freed memory amount', 'FreedBytes'),
    ('rtloader__frees', 'counter', 'Frees count', 'Frees'),
    ('rtloader__inuse_bytes', 'gauge', 'In-use memory', 'InuseBytes'),
    ('rtloader__untracked_frees', 'counter', 'Untracked frees count', 'UntrackedFrees'),
]


def go_float(v):
    """Prometheus client_golang's number format: %g-like, exponent form from 1e6 up (4.1467904e+07)."""
    if v == int(v) and abs(v) < 1e6:
        return str(int(v))
    s = repr(float(v))
    if 'e' in s or abs(v) >= 1e21:
        mant, _, exp = s.partition('e')
        return '{}e{}{:02d}'.format(mant.rstrip('0').rstrip('.') if '.' in mant else mant,
                                    '-' if int(exp) < 0 else '+', abs(int(exp)))
    if abs(v) >= 1e6:
        digits = '{:.17g}'.format(float(v))
        exp = len(str(int(abs(v)))) - 1
        mant = abs(v) / (10 ** exp)
        m = repr(mant)
        # shortest repr of the mantissa that round-trips
        for p in range(1, 18):
            cand = '{:.{}g}'.format(mant, p)
            if float(cand) * (10 ** exp) == float(digits):
                m = cand
                break
        return '{}{}e+{:02d}'.format('-' if v < 0 else '', m, exp)
    return s


GO_HEAP_ALLOC = 21_309_440
GO_HEAP_INUSE = 24_977_408
GO_SYS = 71_649_304
GO_OBJECTS = 131_072


class State:
    def __init__(self, path, cmdline, instances):
        self.file = open(path, 'rb')
        self.map = mmap.mmap(self.file.fileno(), BLOCK_SIZE, access=mmap.ACCESS_READ)
        self.cmdline = cmdline
        self.instances = instances

    def get(self, name):
        return struct.unpack_from('<q', self.map, SLOT[name])[0]

    def expvar(self):
        rt = ', '.join('"{}": {}'.format(k, self.get(k)) for k in RTLOADER_KEYS)
        # The simulator has no Go runtime. In the Agent, Python's memory never shows in Go's memstats
        # (CPython allocates with malloc, outside the Go heap), so report a steady Go heap rather than
        # echo Python's numbers there and count the same bytes twice. Figures from a real idle Agent.
        memstats = json.dumps({
            'Alloc': GO_HEAP_ALLOC, 'TotalAlloc': GO_HEAP_ALLOC, 'Sys': GO_SYS,
            'Mallocs': GO_OBJECTS, 'Frees': 0, 'HeapAlloc': GO_HEAP_ALLOC,
            'HeapInuse': GO_HEAP_INUSE, 'HeapObjects': GO_OBJECTS, 'NumGC': 0,
        }, separators=(',', ':'))
        parts = [
            '"cmdline": ' + json.dumps(self.cmdline, separators=(',', ':')),
            '"memstats": ' + memstats,
            '"rtloader": {' + rt + '}',
            '"runner": ' + self.runner(),
        ]
        return '{\n' + ',\n'.join(parts) + '\n}\n'

    def runner(self):
        """The collector's `runner` expvar map: its keys sorted, `Checks` (check name → check ID →
        stats) marshalled compactly, an instance listed once its first run has ended, as in the Agent."""
        checks = {}
        for i, inst in enumerate(self.instances):
            runs = self.get('TotalRuns%d' % i)
            if runs == 0:
                continue
            # Field order of the Agent's check stats struct (a subset: what the simulator tracks).
            checks.setdefault(inst['name'], {})[inst['id']] = {
                'CheckName': inst['name'], 'CheckVersion': inst['version'],
                'CheckConfigSource': inst['source'], 'CheckID': inst['id'], 'Interval': 15000000000,
                'LongRunning': False, 'TotalRuns': runs, 'TotalErrors': self.get('TotalErrors%d' % i),
            }
        # encoding/json: compact, UTF-8 kept, HTML characters escaped.
        marshalled = json.dumps({name: dict(sorted(ids.items())) for name, ids in sorted(checks.items())},
                                separators=(',', ':'), ensure_ascii=False)
        marshalled = marshalled.replace('<', '\\u003c').replace('>', '\\u003e').replace('&', '\\u0026')
        fields = [
            ('Checks', marshalled),
            ('Errors', str(self.get('Errors'))),
            ('Runs', str(self.get('Runs'))),
            ('Running', '{}'),
        ]
        return '{' + ', '.join('"{}": {}'.format(k, v) for k, v in fields) + '}'

    def telemetry(self):
        out = []
        for name, kind, help_text, slot in TELEMETRY:
            out.append('# HELP {} {}\n# TYPE {} {}\n{} {}\n'.format(name, help_text, name, kind, name,
                                                                 go_float(self.get(slot))))
        return ''.join(out)


def main():
    path, port, cmdline = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
    instances = json.loads(sys.argv[4]) if len(sys.argv) > 4 else []
    state = State(path, cmdline, instances)
    parent = os.getppid()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            route = self.path.split('?', 1)[0]
            if not served.is_set():
                served.set()
                # Tell the simulator someone is watching, so it can start the runs (see sim_main).
                sys.stdout.write('served\n')
                sys.stdout.flush()
            if route == '/debug/vars':
                body, ctype = state.expvar(), 'application/json; charset=utf-8'
            elif route == '/telemetry':
                body, ctype = state.telemetry(), 'text/plain; version=0.0.4; charset=utf-8'
            else:
                self.send_error(404)
                return
            data = body.encode()
            self.send_response(200)
            self.send_header('Content-Type', ctype)
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    served = threading.Event()
    server = ThreadingHTTPServer(('127.0.0.1', port), Handler)
    server.daemon_threads = True
    sys.stdout.write('%d\n' % server.server_address[1])
    sys.stdout.flush()

    def watch_parent():
        while os.getppid() == parent:
            time.sleep(0.1)
        server.shutdown()

    threading.Thread(target=watch_parent, daemon=True).start()
    server.serve_forever(poll_interval=0.1)


if __name__ == '__main__':
    main()
