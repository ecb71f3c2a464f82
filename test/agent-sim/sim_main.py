"""`datadog-agent check` stand-in: argument handling, check loading, the run loop and the output.

Only `check <name>` is implemented. See test/agent-sim/README.md for the sim-only flags.
"""
import atexit
import gc
import importlib
import inspect
import json
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import sim_yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CHECKS = os.path.normpath(os.path.join(HERE, '..', '..', 'examples', 'checks'))

BOOL_FLAGS = {'--check-rate': 'check_rate', '-r': 'check_rate', '--json': 'json', '--table': 'table',
              '--profile-memory': 'profile_memory', '-m': 'profile_memory', '--flare': 'flare',
              '--full-sketches': 'full_sketches'}
INT_FLAGS = {'--check-times': ('check_times', '-t, --check-times'), '-t': ('check_times', '-t, --check-times'),
             '--pause': ('pause', '--pause'), '--delay': ('delay', '-d, --delay'), '-d': ('delay', '-d, --delay'),
             '--discovery-timeout': ('discovery_timeout', '--discovery-timeout'),
             '--discovery-retry-interval': ('discovery_retry_interval', '--discovery-retry-interval'),
             '--discovery-min-instances': ('discovery_min_instances', '--discovery-min-instances'),
             '--serve-port': ('serve_port', '--serve-port'), '--run-delay': ('run_delay', '--run-delay'),
             '--interval': ('interval', '--interval')}
STR_FLAGS = {'--m-dir': 'm_dir', '--log-level': 'log_level', '-l': 'log_level', '--breakpoint': 'breakpoint',
             '-b': 'breakpoint', '--instance-filter': 'instance_filter', '--cfgpath': 'cfgpath', '-c': 'cfgpath',
             '--checks-dir': 'checks_dir', '--live-check': 'live_check'}
M_OPTIONS = ['frames', 'gc', 'combine', 'sort', 'limit', 'diff', 'filters', 'unit', 'verbose']
for _opt in M_OPTIONS:
    STR_FLAGS['--m-' + _opt] = 'm_' + _opt


class UsageError(Exception):
    pass


def parse_args(argv):
    opts = {'check_times': 1, 'pause': 0, 'delay': 100, 'run_delay': 0, 'serve_port': None, 'interval': 15000}
    positionals = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        i += 1
        if arg == '--':
            positionals.extend(argv[i:])
            break
        if not arg.startswith('-') or arg == '-':
            positionals.append(arg)
            continue
        name, eq, inline = arg.partition('=')
        if not eq and re.fullmatch(r'-[tdlbc].+', arg):  # pflag shorthand with the value attached: -t5
            name, inline, eq = arg[:2], arg[2:], '='
        if name in BOOL_FLAGS:
            opts[BOOL_FLAGS[name]] = (inline.lower() not in ('false', '0')) if eq else True
            continue
        if name in INT_FLAGS or name in STR_FLAGS:
            if eq:
                value = inline
            elif i < len(argv):
                value = argv[i]
                i += 1
            else:
                raise UsageError('flag needs an argument: {}'.format(name))
            if name in INT_FLAGS:
                key, label = INT_FLAGS[name]
                try:
                    opts[key] = int(value)
                except ValueError:
                    raise UsageError('invalid argument "{}" for "{}" flag: strconv.ParseInt: parsing "{}": invalid syntax'
                                     .format(value, label, value))
            else:
                opts[STR_FLAGS[name]] = value
            continue
        raise UsageError('unknown flag: {}'.format(name) if name.startswith('--')
                         else 'unknown shorthand flag: {!r} in {}'.format(name[1:2], arg))
    return opts, positionals


def memory_config(opts):
    """The Agent's populateMemoryProfileConfig: same order, same error texts."""
    cfg = {}

    def integer(opt):
        try:
            return int(opts['m_' + opt])
        except ValueError:
            raise UsageError('--m-{} must be an integer'.format(opt))

    given = lambda opt: opts.get('m_' + opt) not in (None, '')  # noqa: E731
    if given('frames'):
        cfg['profile_memory_frames'] = integer('frames')
    if given('gc'):
        cfg['profile_memory_gc'] = integer('gc')
    if given('combine'):
        combine = integer('combine')
        if combine != 0 and opts.get('m_sort') == 'traceback':
            raise UsageError('--m-combine cannot be sorted (--m-sort) by traceback')
        cfg['profile_memory_combine'] = combine
    if given('sort'):
        if opts['m_sort'] not in ('lineno', 'filename', 'traceback'):
            raise UsageError('--m-sort must one of: lineno | filename | traceback')
        cfg['profile_memory_sort'] = opts['m_sort']
    if given('limit'):
        cfg['profile_memory_limit'] = integer('limit')
    if given('diff'):
        if opts['m_diff'] not in ('absolute', 'positive'):
            raise UsageError('--m-diff must one of: absolute | positive')
        cfg['profile_memory_diff'] = opts['m_diff']
    if given('filters'):
        cfg['profile_memory_filters'] = opts['m_filters']
    if given('unit'):
        cfg['profile_memory_unit'] = opts['m_unit']
    if given('verbose'):
        cfg['profile_memory_verbose'] = integer('verbose')
    return cfg


def fnv64(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
        h ^= b
    return h


def build_check_id(name, instance, init_config):
    blob = json.dumps(instance, sort_keys=True, default=str) + json.dumps(init_config, sort_keys=True, default=str)
    digest = '%x' % fnv64(blob.encode())
    inst_name = instance.get('name') if isinstance(instance, dict) else None
    return '{}:{}:{}'.format(name, inst_name, digest) if inst_name else '{}:{}'.format(name, digest)


def agent_checks_dir(name):
    """Where a real Agent's Python would find the check's code first, in sys.path order: a directory on
    PYTHONPATH holding `datadog_checks/<name>/` (an integration from a repository checkout), then
    `DD_ADDITIONAL_CHECKSD` (the Agent's `additional_checksd`). Checks use the simulator's layout there
    (`<name>/check.py`, `conf.yaml`, `__about__.py`)."""
    entries = [os.path.join(p, 'datadog_checks') for p in os.environ.get('PYTHONPATH', '').split(os.pathsep) if p]
    entries.append(os.environ.get('DD_ADDITIONAL_CHECKSD', ''))
    for d in entries:
        if d and os.path.isfile(os.path.join(d, name, 'check.py')):
            return d
    return None


def load_config(name, checks_dir, cfgpath):
    candidates = []
    if cfgpath:
        candidates += [os.path.join(cfgpath, 'conf.d', name + '.d', 'conf.yaml'), cfgpath]
    candidates.append(os.path.join(checks_dir, name, 'conf.yaml'))
    for path in candidates:
        if os.path.isfile(path):
            with open(path, encoding='utf-8') as f:
                conf = sim_yaml.load(f.read()) or {}
            return conf.get('init_config') or {}, conf.get('instances') or []
    return None, None


def install_packages(name, checks_dir, workdir):
    """Lay out the check and our AgentCheck as the Agent's wheels are (`datadog_checks/<name>/check.py`,
    `datadog_checks/base/checks/base.py`), so tracemalloc paths print as `<name>/check.py`."""
    root = os.path.join(workdir, 'pkgs', 'datadog_checks')
    os.makedirs(os.path.join(root, 'base', 'checks'))
    for pkg in ('', 'base', os.path.join('base', 'checks')):
        with open(os.path.join(root, pkg, '__init__.py'), 'w') as f:
            f.write('from datadog_checks.base.checks.base import AgentCheck  # noqa: F401\n' if pkg == 'base' else '')
    os.symlink(os.path.join(HERE, 'sim_check.py'), os.path.join(root, 'base', 'checks', 'base.py'))
    os.symlink(os.path.abspath(os.path.join(checks_dir, name)), os.path.join(root, name))
    sys.path.insert(0, os.path.join(workdir, 'pkgs'))
    return importlib.import_module('datadog_checks.base.checks.base')


def load_check_class(name, checks_dir, AgentCheck):
    module = importlib.import_module('datadog_checks.{}.check'.format(name))
    classes = [c for _, c in inspect.getmembers(module, inspect.isclass)
               if issubclass(c, AgentCheck) and c is not AgentCheck and c.__module__ == module.__name__]
    if not classes:
        raise UsageError('no AgentCheck subclass in {}'.format(module.__file__))
    version = '0.0.0'
    about = os.path.join(checks_dir, name, '__about__.py')
    if os.path.isfile(about):
        scope = {}
        with open(about, encoding='utf-8') as f:
            exec(compile(f.read(), about, 'exec'), scope)  # the check's own metadata file
        version = str(scope.get('__version__', version))
    return classes[-1], version


def measure_python_heap(counters):
    """pymem as the Agent reports it: arena memory taken from the OS (sys._debugmallocstats), not live
    objects. Measured between runs only, because tracemalloc is off then."""
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as tmp:
        os.dup2(tmp.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        tmp.seek(0)
        text = tmp.read().decode('utf-8', 'replace')

    def number(label):
        m = re.search(r'^#\s*' + re.escape(label) + r'\s*=\s*([\d,]+)', text, re.M)
        return int(m.group(1).replace(',', '')) if m else 0

    arena = re.search(r'arenas \* (\d+) bytes/arena', text)
    arena_size = int(arena.group(1)) if arena else 1 << 20
    counters.set('PymemAlloc', number('arenas allocated total') * arena_size)
    counters.set('PymemInuse', number('arenas allocated current') * arena_size)
    counters.set('HeapAlloc', number('bytes in allocated blocks'))
    counters.set('HeapObjects', sys.getallocatedblocks())
    counters.set('NumGC', sum(s['collections'] for s in gc.get_stats()))
    try:
        with open('/proc/self/statm') as f:
            counters.set('Sys', int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE'))
    except OSError:
        pass


def go_json(value):
    text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    return text.replace('<', '\\u003c').replace('>', '\\u003e').replace('&', '\\u0026')


def color(text, code):
    return '\x1b[{}m{}\x1b[0m'.format(code, text) if sys.stdout.isatty() else text


def color_print(text, code):
    # fatih/color's HiWhite/Yellow: add a newline unless the text ends with one.
    sys.stdout.write(color(text if text.endswith('\n') else text + '\n', code))


class Stats:
    def __init__(self, check, check_id, version, source):
        self.check, self.check_id, self.version, self.source = check, check_id, version, source
        self.total_runs = self.total_errors = self.total_warnings = 0
        self.times = [0] * 32
        self.last_error = ''
        self.last_warnings = []
        self.last_success = 0
        self.samples = 0

    def add(self, elapsed_ms, error, warnings):
        self.times[self.total_runs % 32] = elapsed_ms
        self.total_runs += 1
        if error:
            self.total_errors += 1
            self.last_error = error
        else:
            self.last_error = ''
            self.last_success = int(time.time())
        self.total_warnings += len(warnings)
        self.last_warnings = warnings

    def to_json(self, n_metrics, n_service_checks):
        filled = self.times[:min(self.total_runs, 32)]
        return {
            'CheckName': self.check.name, 'CheckVersion': self.version, 'CheckConfigSource': 'file:' + self.source,
            'CheckID': self.check_id, 'Interval': 15000000000, 'LongRunning': False, 'Cancelling': False,
            'TotalRuns': self.total_runs, 'TotalErrors': self.total_errors, 'TotalWarnings': self.total_warnings,
            'MetricSamples': n_metrics, 'Events': 0, 'ServiceChecks': n_service_checks, 'HistogramBuckets': 0,
            'TotalMetricSamples': n_metrics, 'TotalEvents': 0, 'TotalServiceChecks': n_service_checks,
            'TotalHistogramBuckets': 0, 'EventPlatformEvents': {}, 'TotalEventPlatformEvents': {},
            'ExecutionTimes': self.times,
            'AverageExecutionTime': int(sum(filled) / len(filled)) if filled else 0,
            'LastExecutionTime': self.times[(self.total_runs - 1) % 32] if self.total_runs else 0,
            'LastSuccessDate': self.last_success, 'LastError': self.last_error, 'LastDelay': 0,
            'LastWarnings': self.last_warnings, 'UpdateTimestamp': int(time.time()),
        }


def start_server(port, counters_path, argv, runner):
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, 'sim_server.py'), counters_path, str(port),
                             json.dumps(argv), json.dumps(runner)], stdout=subprocess.PIPE, cwd=HERE)
    line = proc.stdout.readline().decode().strip()
    if not line.isdigit():
        proc.kill()
        raise UsageError('could not serve on 127.0.0.1:{}'.format(port))
    atexit.register(lambda: proc.poll() is None and proc.terminate())
    return int(line), proc


def wait_for_first_poll(proc, timeout):
    """A real Agent serves its endpoints long before a check runs, so whoever samples them sees the
    state before the first run. Give the sampler that chance: wait (bounded) for its first request."""
    ready = select.select([proc.stdout], [], [], timeout)[0]
    if ready:
        proc.stdout.readline()


def run(argv):
    opts, positionals = parse_args(argv)
    if not positionals or positionals[0] not in ('check', 'run'):
        raise UsageError('unknown command "{}" for "datadog-agent" (the simulator implements `check` and `run`)'
                         .format(positionals[0] if positionals else ''))
    live = positionals[0] == 'run'
    if live:
        # A running Agent: its scheduler runs the configured check every interval; it serves its endpoints.
        name = opts.get('live_check')
        if not name or opts['serve_port'] is None:
            raise UsageError('the simulator\'s `run` needs --live-check <check> and --serve-port <port>')
    elif len(positionals) < 2:
        sys.stdout.write('Usage:\n  datadog-agent check <check_name> [flags]\n')
        return 0
    else:
        name = positionals[1]
    checks_dir = opts.get('checks_dir') or agent_checks_dir(name) or os.environ.get('MEMGATE_SIM_CHECKS') or DEFAULT_CHECKS
    sys.dont_write_bytecode = True  # never leave __pycache__ in the checks directory

    init_config, instances = load_config(name, checks_dir, opts.get('cfgpath'))
    if init_config is None or not os.path.isfile(os.path.join(checks_dir, name, 'check.py')):
        sys.stdout.write('\nError: could not load {}:\n* python: unable to import module \'{}\': No module named \'{}\'\n'
                         .format(name, name, name))
        raise UsageError('no valid check found')
    if not instances:
        instances = [{}]

    workdir = tempfile.mkdtemp(prefix='agent-sim-')
    atexit.register(shutil.rmtree, workdir, True)

    if opts.get('profile_memory'):
        m_dir = opts.get('m_dir')
        if not m_dir:
            m_dir = tempfile.mkdtemp(prefix='datadog-agent-memory-profiler')
            atexit.register(shutil.rmtree, m_dir, True)
        init_config = dict(init_config)
        init_config['profile_memory'] = m_dir
        init_config.update(memory_config(opts))
        opts['m_dir'] = m_dir

    base = install_packages(name, checks_dir, workdir)
    AgentCheck = base.AgentCheck
    counters = base.Counters(os.path.join(workdir, 'counters'))
    AgentCheck._aggregator = base.Aggregator(os.path.join(workdir, 'submissions'))
    AgentCheck._rtloader = base.RtLoader(counters)
    AgentCheck._hostname = socket.gethostname()
    cls, version = load_check_class(name, checks_dir, AgentCheck)
    source = os.path.abspath(os.path.join(checks_dir, name, 'conf.yaml'))

    if len(instances) > base.MAX_INSTANCES:
        raise UsageError('the simulator runs at most {} instances of a check'.format(base.MAX_INSTANCES))
    checks = []
    for instance in instances:
        # Loading a check through the RTLoader copies its name and configuration into C strings that
        # live as long as the check; so a real Agent with memtrack on never shows all-zero counters.
        AgentCheck._rtloader.malloc(len(name) + 1)
        AgentCheck._rtloader.malloc(len(json.dumps(instance)) + 1)
        check = cls(name, init_config, [instance])
        check.check_id = build_check_id(name, instance, init_config)
        check.check_version = version
        checks.append(check)

    port = opts['serve_port']
    if port is None and os.environ.get('MEMGATE_SIM_PORT'):
        port = int(os.environ['MEMGATE_SIM_PORT'])
    if port is not None:
        runner = [{'name': c.name, 'id': c.check_id, 'version': version, 'source': 'file:' + source}
                  for c in checks]
        bound, server = start_server(port, counters.path, ['datadog-agent'] + list(argv), runner)
        sys.stderr.write('agent-sim: serving /debug/vars and /telemetry on http://127.0.0.1:{}\n'.format(bound))
        sys.stderr.flush()

    measure_python_heap(counters)
    if port is not None:
        wait_for_first_poll(server, 2.0)
    if opts['run_delay'] > 0:
        time.sleep(opts['run_delay'] / 1000.0)

    if live:
        return run_scheduled(checks, counters, AgentCheck, opts['interval'])

    if len(checks) > 1 and not opts.get('json'):
        sys.stdout.write('Multiple check instances found, running each of them\n')

    times, pause = opts['check_times'], opts['pause']
    if opts.get('check_rate'):
        times, pause = 2, 1000
    all_stats = []
    for index, check in enumerate(checks):
        stats = Stats(check, check.check_id, version, source)
        for i in range(times):
            t0 = time.monotonic()
            error = run_once(index, check, counters, AgentCheck)
            stats.add(int((time.monotonic() - t0) * 1000), error, check.get_warnings())
            if pause > 0 and i < times - 1:
                time.sleep(pause / 1000.0)
        all_stats.append(stats)
        time.sleep(opts['delay'] / 1000.0)

    records = AgentCheck._aggregator.records()
    if opts.get('json'):
        out = []
        for stats in all_stats:
            metrics, service_checks = base.build_series(records, stats.check_id, AgentCheck._hostname)
            aggregator = {}
            if metrics:
                aggregator['metrics'] = metrics
            if service_checks:
                aggregator['service_checks'] = service_checks
            out.append({'aggregator': aggregator, 'inventories': None,
                        'runner': stats.to_json(len(metrics), len(service_checks))})
        if os.environ.get('MEMGATE_SIM_JSON_BANNER'):
            sys.stdout.write('=== JSON ===\n')
        sys.stdout.write(go_json(out) + '\n')
        return 0

    if opts.get('profile_memory'):
        for stats in all_stats:
            instance_id = stats.check_id.split(':', 1)[1].replace(':', '_')
            data_dir = os.path.join(opts['m_dir'], name, instance_id)
            snap_dir = os.path.join(data_dir, 'snapshots')
            if not os.path.exists(snap_dir):
                raise UsageError('no snapshot data found in {}'.format(data_dir))
            snaps = sorted(os.listdir(snap_dir))
            if not snaps:
                raise UsageError('no snapshots found in {}'.format(snap_dir))
            with open(os.path.join(snap_dir, snaps[-1]), encoding='utf-8') as f:
                color_print(f.read(), 97)
            diff_dir = os.path.join(data_dir, 'diffs')
            if os.path.exists(diff_dir):
                diffs = sorted(os.listdir(diff_dir))
                if not diffs:
                    raise UsageError('no diffs found in {}'.format(diff_dir))
                sys.stdout.write(color('\n{}\n\n'.format('=' * 50), 96))
                with open(os.path.join(diff_dir, diffs[-1]), encoding='utf-8') as f:
                    color_print(f.read(), 97)
            elif times != 1:
                raise UsageError('no diff data found in {}'.format(data_dir))
        if times == 1:
            color_print('Check has run only once, to collect diff data run the check multiple times with the '
                        '-t/--check-times flag.', 33)
        return 0

    for stats in all_stats:
        metrics, service_checks = base.build_series(records, stats.check_id, AgentCheck._hostname)
        sys.stdout.write('=== Series ===\n' + go_json(metrics) + '\n')
        sys.stdout.write('=== Service Checks ===\n' + go_json(service_checks) + '\n')
        sys.stdout.write('  {} ({})\n    Instance ID: {} [{}]\n    Total Runs: {}\n    Metric Samples: Last Run: {}\n'
                         .format(name, stats.version, stats.check_id, 'ERROR' if stats.last_error else 'OK',
                                 stats.total_runs, len(metrics)))
        if stats.last_error:
            for err in json.loads(stats.last_error):
                sys.stdout.write('    Error: {}\n{}\n'.format(err['message'], err['traceback']))
    if times == 1:
        color_print('Check has run only once, if some metrics are missing you can try again with --check-rate to '
                    'see any other metric if available.', 33)
    return 0


def run_scheduled(checks, counters, AgentCheck, interval_ms):
    """`agent run`: every interval, each instance runs once and the runner stats count it, until the
    process is stopped. No profiling: a running Agent's check_run_alloc goes to Datadog, not to its
    endpoints, so the endpoints are all a watcher sees."""
    sys.stderr.write('agent-sim: running {} every {} ms\n'.format(checks[0].name, interval_ms))
    sys.stderr.flush()
    while True:
        for index, check in enumerate(checks):
            run_once(index, check, counters, AgentCheck)
        time.sleep(interval_ms / 1000.0)


def run_once(index, check, counters, AgentCheck):
    """One run of instance `index`; the runner expvar is updated as the collector does once a run has
    ended. Returns the run's error (a JSON traceback list) or ''."""
    AgentCheck._aggregator.mark_run(check.check_id, int(time.time()))
    error = check.run()
    counters.add('TotalRuns%d' % index, 1)
    counters.add('Runs', 1)
    if error:
        counters.add('TotalErrors%d' % index, 1)
        counters.add('Errors', 1)
    measure_python_heap(counters)
    return error


def main(argv):
    try:
        code = run(argv)
    except UsageError as e:
        sys.stdout.flush()
        sys.stderr.write('Error: {}\n'.format(e))
        code = 1
    sys.stdout.flush()
    return code
