/**
 * The environment for a test's child process that runs our source (tsx). Under StrykerJS
 * (`npm run mutate`) the mutant under test is switched on in this process only; instrumented code
 * also reads it from __STRYKER_ACTIVE_MUTANT__, so passing it on makes the child run the same mutant
 * and a kill in the child counts. Outside Stryker this is the plain environment plus `extra`.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const active = (globalThis as { __stryker__?: { activeMutant?: string } }).__stryker__?.activeMutant;
  return { ...process.env, ...(active === undefined ? {} : { __STRYKER_ACTIVE_MUTANT__: String(active) }), ...extra };
}
