import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';

/** What `renderToString` takes; TypeScript alone cannot type an `.astro` import. */
type AstroComponent = Parameters<AstroContainer['renderToString']>[0];
/** A page with two playgrounds for one operation (and one for another). */
const FIXTURE = '../fixtures/TwoPlaygrounds.astro';

/** Every value of an attribute in the markup. */
function attributeValues(html: string, attribute: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map((match) => match[1]!);
}

describe('two playgrounds for one operation on a page', () => {
  it('share no element id, and every label, tab and description points into its own playground', async () => {
    const { default: page } = (await import(/* @vite-ignore */ FIXTURE)) as {
      default: AstroComponent;
    };
    const container = await AstroContainer.create();
    const html = await container.renderToString(page);
    const ids = attributeValues(html, 'id');
    expect(ids.filter((id) => id.startsWith('pg-listAvailableNumbers-2-'))).not.toHaveLength(0);
    expect(ids.length).toBeGreaterThan(30);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const references = [
      ...attributeValues(html, 'for'),
      ...attributeValues(html, 'aria-controls'),
      ...attributeValues(html, 'aria-labelledby'),
      ...attributeValues(html, 'aria-describedby').flatMap((value) => value.split(' ')),
    ];
    expect(references.filter((id) => !ids.includes(id))).toEqual([]);
    const radioGroups = new Set(
      [...html.matchAll(/type="radio" name="([^"]*)"/g)].map((match) => match[1]),
    );
    expect(radioGroups.size).toBe(3);
  });
});
