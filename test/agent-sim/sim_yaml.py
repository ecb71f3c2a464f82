"""Load a check's conf.yaml: PyYAML when installed, else a reader for the block-style subset the
example configs use (mappings, `- ` lists, flow lists `[a, b]`, scalars, comments)."""
import json
import re

try:  # pragma: no cover - depends on the machine
    import yaml as _yaml
except ImportError:  # a fresh machine may lack PyYAML
    _yaml = None


def load(text):
    if _yaml is not None:
        return _yaml.safe_load(text)
    return _Reader(text).document()


def _scalar(raw):
    s = raw.strip()
    if s == '' or s in ('~', 'null', 'Null', 'NULL'):
        return None
    if s in ('true', 'True', 'TRUE', 'yes', 'on'):
        return True
    if s in ('false', 'False', 'FALSE', 'no', 'off'):
        return False
    if s.startswith('[') and s.endswith(']'):
        inner = s[1:-1].strip()
        return [_scalar(p) for p in _split_flow(inner)] if inner else []
    if s.startswith('{') and s.endswith('}'):
        inner = s[1:-1].strip()
        out = {}
        for part in _split_flow(inner) if inner else []:
            k, _, v = part.partition(':')
            out[_scalar(k)] = _scalar(v)
        return out
    if s[0] in '"\'':
        if s[0] == '"':
            return json.loads(s)
        return s[1:-1].replace("''", "'")
    if re.fullmatch(r'[-+]?\d+', s):
        return int(s)
    if re.fullmatch(r'[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?', s):
        return float(s)
    return s


def _split_flow(s):
    parts, depth, cur, quote = [], 0, '', None
    for ch in s:
        if quote:
            cur += ch
            if ch == quote:
                quote = None
        elif ch in '"\'':
            quote = ch
            cur += ch
        elif ch in '[{':
            depth += 1
            cur += ch
        elif ch in ']}':
            depth -= 1
            cur += ch
        elif ch == ',' and depth == 0:
            parts.append(cur.strip())
            cur = ''
        else:
            cur += ch
    if cur.strip():
        parts.append(cur.strip())
    return parts


def _strip_comment(line):
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in '"\'':
            quote = ch
        elif ch == '#' and (i == 0 or line[i - 1] in ' \t'):
            return line[:i].rstrip()
    return line.rstrip()


class _Reader:
    def __init__(self, text):
        self.lines = []
        for raw in text.splitlines():
            line = _strip_comment(raw)
            if line.strip() in ('', '---'):
                continue
            self.lines.append((len(line) - len(line.lstrip(' ')), line.strip()))
        self.i = 0

    def document(self):
        if not self.lines:
            return None
        return self.block(self.lines[0][0])

    def block(self, indent):
        if self.lines[self.i][1].startswith('- ') or self.lines[self.i][1] == '-':
            return self.sequence(indent)
        return self.mapping(indent)

    def value_after(self, rest, indent):
        if rest != '':
            return _scalar(rest)
        if self.i < len(self.lines) and self.lines[self.i][0] > indent:
            return self.block(self.lines[self.i][0])
        if self.i < len(self.lines) and self.lines[self.i][0] == indent and self.lines[self.i][1].startswith('-'):
            return self.sequence(indent)
        return None

    def mapping(self, indent):
        out = {}
        while self.i < len(self.lines) and self.lines[self.i][0] == indent:
            text = self.lines[self.i][1]
            if text.startswith('- '):
                break
            key, sep, rest = text.partition(':')
            if not sep:
                raise ValueError('cannot read YAML line: %s' % text)
            self.i += 1
            out[_scalar(key)] = self.value_after(rest.strip(), indent)
        return out

    def sequence(self, indent):
        out = []
        while self.i < len(self.lines) and self.lines[self.i][0] == indent and self.lines[self.i][1].startswith('-'):
            text = self.lines[self.i][1][1:].strip()
            if text == '':
                self.i += 1
                out.append(self.value_after('', indent))
            elif re.match(r'^[^\'"\[{][^:]*:(\s|$)', text):
                # `- key: value` opens a mapping whose other keys sit at the item's content column.
                inner = indent + 2
                self.lines[self.i] = (inner, text)
                out.append(self.mapping(inner))
            else:
                self.i += 1
                out.append(_scalar(text))
        return out
