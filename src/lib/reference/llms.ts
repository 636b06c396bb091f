import type { ReferenceOperation } from './operation.ts';
import { schemaMarkdown, type SchemaNode } from './schema.ts';
import type { TagGroup } from './tags.ts';

/** One page as llms.txt lists it. */
export interface LlmsPage {
  title: string;
  /** Site path of the page's Markdown twin. */
  markdownPath: string;
  description: string;
}

/** A titled list of pages in llms.txt. */
export interface LlmsSection {
  name: string;
  pages: LlmsPage[];
}

/** Text on one line, for list items and table cells. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The site's /llms.txt (the llmstxt.org layout): title, one-line summary, then one section of
 * links per part of the site, each to a page's Markdown twin with an absolute URL.
 */
export function llmsTxt(
  site: { title: string; description: string; origin: string },
  sections: readonly LlmsSection[],
): string {
  const lines = [`# ${site.title}`, '', `> ${oneLine(site.description)}`, ''];
  for (const section of sections) {
    lines.push(`## ${section.name}`, '');
    for (const page of section.pages) {
      const description = page.description ? `: ${oneLine(page.description)}` : '';
      lines.push(`- [${page.title}](${site.origin}${page.markdownPath})${description}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** A schema as Markdown: its type line, then its properties. */
function schemaBlock(node: SchemaNode | undefined): string[] {
  if (!node) return [];
  const tree = schemaMarkdown(node);
  return [`Schema: ${node.type}`, ...(tree ? ['', tree] : []), ''];
}

/** A fenced example, with a fence longer than any backtick run inside it. */
function fenced(text: string, language: string): string[] {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${language}`, text, fence, ''];
}

/** The Markdown twin of an operation's reference page: the same facts, without the playground. */
export function operationMarkdown(operation: ReferenceOperation): string {
  const { model } = operation;
  const lines = [`# ${model.summary || model.id}`, '', `\`${model.method} ${model.path}\``, ''];
  lines.push(`Operation ID: \`${model.id}\` (${operation.api.title})`, '');
  if (model.deprecated) lines.push('**Deprecated.**', '');
  if (model.description) lines.push(model.description.trim(), '');
  lines.push('## Servers', '');
  for (const server of operation.servers) {
    lines.push(`- \`${server.url}\`${server.description ? ` (${server.description})` : ''}`);
    for (const variable of server.variables)
      lines.push(
        `  - \`${variable.name}\`: ${variable.values.join(', ') || 'any value'}; default \`${variable.defaultValue}\``,
      );
  }
  lines.push('', '## Authentication', '', ...operation.security.map((label) => `- ${label}`), '');
  if (model.parameters.length > 0) {
    lines.push(
      '## Parameters',
      '',
      '| Name | In | Required | Description |',
      '| --- | --- | --- | --- |',
    );
    for (const parameter of model.parameters)
      lines.push(
        `| \`${parameter.name}\` | ${parameter.in} | ${parameter.required ? 'yes' : 'no'} | ${oneLine(parameter.description).replaceAll('|', '\\|')} |`,
      );
    lines.push('');
  }
  if (operation.requestBody) {
    lines.push(
      '## Request body',
      '',
      operation.requestBody.required ? 'Required.' : 'Optional.',
      '',
    );
    for (const body of operation.requestBody.bodies) {
      lines.push(`### ${body.contentType}`, '', ...schemaBlock(body.schema));
      if (body.example !== undefined) lines.push('Example:', '', ...fenced(body.example, 'json'));
    }
  }
  lines.push('## Responses', '');
  for (const response of operation.responses) {
    lines.push(`### ${response.status === 'default' ? 'Other statuses' : response.status}`, '');
    if (response.description) lines.push(response.description.trim(), '');
    for (const body of response.bodies) {
      lines.push(`Content type: \`${body.contentType}\``, '', ...schemaBlock(body.schema));
      if (body.example !== undefined) lines.push('Example:', '', ...fenced(body.example, 'json'));
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The Markdown twin of an API overview: its description and its operations by tag. */
export function overviewMarkdown(
  title: string,
  description: string,
  groups: readonly TagGroup<ReferenceOperation>[],
): string {
  const lines = [`# ${title}`, '', description.trim(), ''];
  for (const group of groups) {
    lines.push(`## ${group.name}`, '');
    if (group.description) lines.push(group.description.trim(), '');
    for (const { model, pagePath } of group.operations)
      lines.push(
        `- [${model.summary || model.id}](${pagePath}): \`${model.method} ${model.path}\``,
      );
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * The Markdown twin of a hand-written MDX guide: imports dropped, each playground replaced by a
 * note (the guide links its reference page), Starlight's layout components reduced to their text.
 */
export function guideMarkdown(page: { title: string; description: string; body: string }): string {
  const body = page.body
    .replace(/^import\s.+?;?\s*$/gm, '')
    .replace(
      /<Playground\s+[^>]*?operation="([^"]+)"[^>]*?\/>/g,
      (_match, id: string) => `(The web page has an interactive playground for \`${id}\` here.)`,
    )
    .replace(
      /<LinkCard\s+[^>]*?title="([^"]*)"[^>]*?href="([^"]*)"[^>]*?\/>/g,
      (_match, title: string, href: string) => `- [${title}](${href})`,
    )
    .replace(/<Aside(?:\s+type="(\w+)")?[^>]*>/g, (_match, type: string | undefined) => {
      const label = type ?? 'note';
      return `**${label.charAt(0).toUpperCase()}${label.slice(1)}:**`;
    })
    .replace(/<Card\s+[^>]*?title="([^"]*)"[^>]*>/g, (_match, title: string) => `**${title}**`)
    .replace(/<\/?(?:Aside|Steps|CardGrid|Card|Tabs|TabItem)\b[^>]*>/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return `# ${page.title}\n\n> ${oneLine(page.description)}\n\n${body}\n`;
}
