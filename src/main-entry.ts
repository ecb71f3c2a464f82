/** Entry point of dist/index.js, as the Actions runner starts it. */
import { run } from './main.js';

void run();
