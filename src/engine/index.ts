/** The engine's public surface: the extension, the CLI and the tests import from here. */
import pack from '../rules/packs.generated.json' with { type: 'json' };
import memo from '../rules/compiled.generated.json' with { type: 'json' };
import { createEngine, type Engine } from './engine.js';
import type { PhraseMemo } from './patterns.js';

export { createEngine, PackInvalidError, type Engine } from './engine.js';
export type { Ad, Assessment, Flag, Span, Level, Lang } from './types.js';
export { LANGS } from './types.js';

let engine: Engine | undefined;
/** The engine with the built-in rule packs, compiled once. */
export function defaultEngine(): Engine {
  engine ??= createEngine(pack, { memo: memo as unknown as PhraseMemo });
  return engine;
}

export const builtinPack: unknown = pack;
