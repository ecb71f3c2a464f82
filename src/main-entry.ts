/** Entry point of dist/index.js, as the Actions runner starts it. */
// First, before anything loads @actions/github: a corrupt event payload is one line, not a stack.
import './github/event-guard.js';
import { run } from './main.js';
import { forwardSignals } from './run/signals.js';

forwardSignals((line) => process.stdout.write(`::error::${line}\n`));
void run();
