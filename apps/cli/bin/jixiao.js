#!/usr/bin/env node
// The `jixiao` command: registers the TypeScript loader, then runs the CLI's source.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
