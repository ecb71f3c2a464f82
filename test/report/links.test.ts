import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { provenanceLine } from '../../src/report/check-section.js';
import { commitLink, commitUrl, resolveSitePath, siteUrl } from '../../src/report/links.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const paths = new Set(['queue_stats/check.py', 'pkg/collector/corechecks/checkbase.go', 'a b/c#d.py']);
const links = { repo: 'DataDog/integrations-extras', headSha: SHA, workspacePaths: paths };

describe('links to the code', () => {
  it('resolves a runner path or a relative path to the tracked path', () => {
    assert.equal(
      resolveSitePath('/home/runner/work/x/x/queue_stats/check.py', paths),
      'queue_stats/check.py',
    );
    assert.equal(resolveSitePath('queue_stats/check.py', paths), 'queue_stats/check.py');
    assert.equal(resolveSitePath('/usr/lib/python3.11/json/decoder.py', paths), undefined);
    assert.equal(resolveSitePath('../queue_stats/check.py', paths), 'queue_stats/check.py');
    assert.equal(resolveSitePath('queue_stats/check.py', undefined), undefined);
  });

  it('links a resolved site at the head commit and line; percent-encodes the path', () => {
    assert.equal(
      siteUrl(links, '/home/runner/work/r/r/queue_stats/check.py', 14),
      `https://github.com/DataDog/integrations-extras/blob/${SHA}/queue_stats/check.py#L14`,
    );
    assert.equal(
      siteUrl(links, 'a b/c#d.py', 2),
      `https://github.com/DataDog/integrations-extras/blob/${SHA}/a%20b/c%23d.py#L2`,
    );
    assert.equal(siteUrl(links, 'site-packages/requests/api.py', 3), undefined);
    assert.equal(siteUrl({ ...links, headSha: undefined }, 'queue_stats/check.py', 3), undefined);
    assert.equal(siteUrl({ ...links, headSha: 'main; rm -rf' }, 'queue_stats/check.py', 3), undefined);
    assert.equal(siteUrl({ ...links, repo: 'x/y/../z' }, 'queue_stats/check.py', 3), undefined);
  });

  it('links commits on the configured server, and only well-formed shas', () => {
    assert.equal(commitUrl(links, SHA), `https://github.com/DataDog/integrations-extras/commit/${SHA}`);
    assert.equal(
      commitUrl({ ...links, serverUrl: 'https://ghe.example.com/' }, SHA),
      `https://ghe.example.com/DataDog/integrations-extras/commit/${SHA}`,
    );
    assert.equal(commitUrl({ ...links, serverUrl: 'javascript:alert(1)' }, SHA), undefined);
    assert.equal(
      commitLink(links, SHA),
      `[\`0123456\`](https://github.com/DataDog/integrations-extras/commit/${SHA})`,
    );
    assert.equal(commitLink(undefined, SHA), '`0123456`');
    assert.equal(commitLink(links, 'not a sha`'), '`` not a sha` ``');
  });
});

describe('the baseline line names where the baseline sits against the merge-base', () => {
  const base = { status: 'exact' as const, requestedVersion: '1.0.0', version: '1.0.0', commit: SHA };
  it('says at, before, or no ancestor stored', () => {
    assert.match(
      provenanceLine({ ...base, ancestry: { mergeBase: SHA, distance: 0 } }, links),
      /at the merge-base \[`0123456`\]\(https:\/\/github\.com\/DataDog\/integrations-extras\/commit\/0123456789abcdef/,
    );
    assert.match(
      provenanceLine({ ...base, ancestry: { mergeBase: SHA, distance: 3 } }, links),
      /3 commits before the merge-base/,
    );
    assert.match(
      provenanceLine({ ...base, ancestry: { mergeBase: SHA, distance: -1 } }, links),
      /no stored ancestor of the merge-base .*: the newest entry was used/,
    );
    assert.doesNotMatch(provenanceLine(base, links), /merge-base/);
  });
});
