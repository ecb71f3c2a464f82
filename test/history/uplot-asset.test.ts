import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';

import { UPLOT_CSS_BASE64, UPLOT_JS_BASE64, UPLOT_VERSION } from '../../src/report/uplot-asset.js';
import { renderUplotAsset } from '../../scripts/uplot-asset.js';

describe('the inlined uPlot', () => {
  it('is the installed uplot 1.6.32, byte for byte, and the generated module is current', async () => {
    const root = new URL('../../', import.meta.url);
    const js = await readFile(new URL('node_modules/uplot/dist/uPlot.iife.min.js', root));
    const css = await readFile(new URL('node_modules/uplot/dist/uPlot.min.css', root));
    assert.equal(UPLOT_VERSION, '1.6.32');
    assert.ok(Buffer.from(UPLOT_JS_BASE64, 'base64').equals(js));
    assert.ok(Buffer.from(UPLOT_CSS_BASE64, 'base64').equals(css));
    assert.equal(await readFile(new URL('src/report/uplot-asset.ts', root), 'utf8'), renderUplotAsset());
    assert.ok(!js.toString('utf8').includes('</script'), 'safe to inline in a <script> element');
  });
});
