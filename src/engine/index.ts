/** The engine's public surface: the extension, the CLI and the tests import from here. */
import snapshot from '../rules/engine.generated.json' with { type: 'json' };
import { engineFromSnapshot, type Engine } from './engine.js';
import type { EngineSnapshot } from './snapshot.js';

export { createEngine, PackInvalidError, type Engine } from './engine.js';
export type { Ad, Assessment, Flag, Span, Level, Lang } from './types.js';
export { LANGS } from './types.js';

let engine: Engine | undefined;
/** The engine with the built-in rule packs, from the build's snapshot (validated and compiled there). */
export function defaultEngine(): Engine {
  engine ??= engineFromSnapshot(snapshot as unknown as EngineSnapshot);
  return engine;
}

