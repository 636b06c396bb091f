import { describe, expect, it } from 'vitest';
import { loadReferenceApis } from './documents.ts';
import { guideMarkdown, llmsTxt, operationMarkdown, overviewMarkdown } from './llms.ts';
import { apiOverview, referencePages } from './pages.ts';

describe('llmsTxt', () => {
  it('lists sections of absolute links to Markdown twins, one line each', () => {
    expect(
      llmsTxt({ title: 'Site', description: 'What\nit is.', origin: 'https://docs.example' }, [
        {
          name: 'Guides',
          pages: [
            { title: 'Basics', markdownPath: '/basics.md', description: 'Start\n here.' },
            { title: 'Bare', markdownPath: '/bare.md', description: '' },
          ],
        },
      ]),
    ).toBe(
      [
        '# Site',
        '',
        '> What it is.',
        '',
        '## Guides',
        '',
        '- [Basics](https://docs.example/basics.md): Start here.',
        '- [Bare](https://docs.example/bare.md)',
        '',
      ].join('\n'),
    );
  });
});

describe('operationMarkdown', async () => {
  const pages = referencePages(await loadReferenceApis());
  const page = (id: string) => pages.find((candidate) => candidate.model.id === id)!;

  it('carries method, path, parameters, both request bodies and responses', () => {
    const markdown = operationMarkdown(page('sendFax'));
    expect(markdown).toMatch(/^# Send a fax\n\n`POST \/v3\/projects\/\{projectId\}\/faxes`\n/);
    expect(markdown).toContain(
      '| `projectId` | path | yes | Your project ID, from the Customer Dashboard. |',
    );
    expect(markdown).toContain('### application/json');
    expect(markdown).toContain('### multipart/form-data');
    expect(markdown).toContain('- `file` (string; required; format: binary)');
    expect(markdown).toContain('### 200');
    expect(markdown).toContain('- `https://eu1.fax.api.sinch.com` (Europe)');
  });

  it('shows server variables', () => {
    expect(operationMarkdown(page('listTemplates'))).toContain(
      '  - `region`: us, eu, br; default `us`',
    );
  });

  it('fences examples with a fence longer than any backtick run inside them', () => {
    const sample = page('getAccessToken');
    const tricky = {
      ...sample,
      requestBody: {
        required: true,
        description: '',
        bodies: [{ contentType: 'text/plain', example: 'a ``` b' }],
      },
    };
    expect(operationMarkdown(tricky)).toContain('````json\na ``` b\n````');
  });

  it('overview lists operations by tag with links to their pages', async () => {
    const apis = await loadReferenceApis();
    const { title, description, groups } = apiOverview(
      apis.find((api) => api.entry.slug === 'fax')!,
      pages,
    );
    const markdown = overviewMarkdown(title, description, groups);
    expect(markdown).toContain('## Faxes');
    expect(markdown).toContain(
      '- [Send a fax](/reference/fax/send-fax/): `POST /v3/projects/{projectId}/faxes`',
    );
  });
});

describe('guideMarkdown', () => {
  it.each([
    ["import Playground from '../x.astro';\nText.", 'Text.'],
    [
      `<Playground operation="listAvailableNumbers" defaults={{ regionCode: 'US' }} />`,
      '(The web page has an interactive playground for `listAvailableNumbers` here.)',
    ],
    ['<LinkCard\n  title="Next"\n  href="/next/"\n/>', '- [Next](/next/)'],
    ['<Aside type="tip">\nUse it.\n</Aside>', '**Tip:**\nUse it.'],
    ['<Aside>\nPlain.\n</Aside>', '**Note:**\nPlain.'],
    ['<Steps>\n1. One\n</Steps>', '1. One'],
  ])('%j', (body, expected) => {
    const markdown = guideMarkdown({ title: 'T', description: 'D', body });
    expect(markdown).toBe(`# T\n\n> D\n\n${expected}\n`);
  });
});
