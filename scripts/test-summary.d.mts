/** Types for test-summary.mjs: the reports are JSON as vitest's and Playwright's JSON reporters write it. */
export function testSummary(input: { unit: unknown; e2e: unknown; unitStatus: number; e2eStatus: number; root: string }): { lines: string[]; ok: boolean };
