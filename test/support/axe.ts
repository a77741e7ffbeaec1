// Accessibility checks with axe-core, run inside a page or a single frame (such as a tab inside the fake Teams host).
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the bar public-sector services in the UK are held to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** The little of axe's API and results used here. */
interface Axe {
  run(context: Document, options: object): Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown }[] }[] }>;
}

/**
 * Serious and critical WCAG violations, one readable line each, so `expect(...).toEqual([])` prints
 * something useful when it fails. Only the given frame is checked, not frames nested inside it.
 */
export async function seriousViolations(target: Page | Frame): Promise<string[]> {
  // evaluate() goes through DevTools rather than a <script> tag, so a strict Content-Security-Policy
  // on the page under test cannot stop axe from loading.
  await target.evaluate(AXE_SOURCE);
  const violations = await target.evaluate(async (tags): Promise<Violation[]> => {
    const { axe } = window as unknown as { axe: Axe };
    // iframes: false, because nested frames have no axe of their own and axe would wait for them to answer.
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, iframes: false, resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => String(n.target)) }));
  }, WCAG_TAGS);

  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const more = v.targets.length > 3 ? ` (+${v.targets.length - 3} more)` : '';
      return `${v.id} [${v.impact}] ${v.help}: ${v.targets.slice(0, 3).join(', ')}${more}`;
    });
}
