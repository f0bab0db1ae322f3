// The entry of an audit process started from a bundle: runs the CommonJS bundle named by its first
// argument with the code cache beside it (cached-script.js).
import { runCachedScript } from './cached-script.js';

runCachedScript(process.argv[2]);
