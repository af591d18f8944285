/**
 * `npm run render-example`: renders Quoth's real reply to a seeds question (the same embeds the bot sends) as an HTML
 * page laid out at 360 px and at desktop width, and as text wrapped at 40 columns. It imitates Discord's embed
 * layout with plain CSS; it is not a screenshot of the Discord app. Writes docs/reply-example.html and .txt.
 */
import { writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import wrapAnsi from 'wrap-ansi';
import type { APIEmbed } from 'discord.js';
import { answerButtons } from '../src/discord/answer-buttons.js';
import { openLibrary } from '../src/library.js';
import { renderAnswer } from '../src/render/discord.js';

const QUESTION = process.argv[2] ?? 'How many drones did Russia launch at Ukraine overnight?';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const indexDir = mkdtempSync(path.join(tmpdir(), 'quoth-example-'));
const library = await openLibrary({ seedsDir: path.join(root, 'seeds'), indexDir });
rmSync(indexDir, { recursive: true, force: true });
const outcome = library.ask(QUESTION);
if (!outcome.ok) throw new Error(outcome.error.message);
const sources = new Map(library.info().sources.map((summary) => [summary.source.id, summary.source]));
const { embeds } = renderAnswer(outcome.answer, { sources });
const buttons = answerButtons('0', { noAnswer: outcome.answer.status === 'no_answer', shareable: false })
  .flatMap((row) => row.components)
  .map((button) => ('label' in button ? `${'emoji' in button && button.emoji?.name ? `${button.emoji.name} ` : ''}${button.label ?? ''}` : ''));

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The subset of Discord markdown Quoth emits: **bold**, *italic*, > quotes, [masked](links), backslash escapes. */
function markdownToHtml(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      const quoted = line.startsWith('> ');
      let html = escapeHtml(quoted ? line.slice(2) : line);
      const escapes: string[] = [];
      html = html.replace(/\\(.)/g, (_, character: string) => `\uE000${escapes.push(character) - 1}\uE000`);
      html = html
        .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '<a href="$2">$1</a>')
        .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
        .replace(/\*(.+?)\*/g, '<em>$1</em>')
        .replace(/\uE000(\d+)\uE000/g, (_, index: string) => escapes[Number(index)] ?? '')
        .replaceAll('\u200b', '');
      return quoted ? `<blockquote>${html}</blockquote>` : html === '' ? '<br>' : `<div>${html}</div>`;
    })
    .join('');
}

function embedHtml(embed: APIEmbed): string {
  const color = `#${(embed.color ?? 0).toString(16).padStart(6, '0')}`;
  const fields = (embed.fields ?? [])
    .map((field) => `<div class="field${field.inline ? ' inline' : ''}"><div class="name">${markdownToHtml(field.name)}</div>${markdownToHtml(field.value)}</div>`)
    .join('');
  const date = embed.timestamp ? ` • ${embed.timestamp.slice(0, 10)}` : '';
  return `<div class="embed" style="border-left-color:${color}">
  ${embed.title ? `<div class="title">${escapeHtml(embed.title)}</div>` : ''}
  ${embed.description ? `<div class="description">${markdownToHtml(embed.description)}</div>` : ''}
  ${fields ? `<div class="fields">${fields}</div>` : ''}
  ${embed.footer ? `<div class="footer">${escapeHtml(embed.footer.text)}${date}</div>` : ''}
</div>`;
}

const message = `<div class="message"><div class="author">Quoth <span class="bot">APP</span></div>${embeds.map(embedHtml).join('')}<div class="buttons">${buttons
  .map((label) => `<span class="button">${escapeHtml(label)}</span>`)
  .join('')}</div></div>`;

const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Quoth reply at 360 px and desktop width</title>
<style>
body { background: #1e1f22; color: #dbdee1; font: 16px/1.375 "gg sans", "Noto Sans", Helvetica, Arial, sans-serif; margin: 24px; }
h1, h2, p.note { font-weight: 600; color: #f2f3f5; } p.note { font-weight: 400; color: #b5bac1; max-width: 900px; }
.frame { background: #313338; border: 1px solid #444; padding: 12px; margin-bottom: 32px; box-sizing: border-box; }
.phone { width: 360px; } .desktop { width: 1100px; }
.author { font-weight: 600; color: #f2f3f5; margin-bottom: 4px; } .bot { background: #5865f2; color: #fff; font-size: 10px; padding: 1px 4px; border-radius: 3px; }
.embed { background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 16px 16px 12px; margin: 4px 0; max-width: 516px; font-size: 14px; }
.title { font-weight: 600; color: #f2f3f5; margin: 8px 0; } .description div, .description blockquote { overflow-wrap: anywhere; }
blockquote { margin: 6px 0 2px; padding-left: 10px; border-left: 4px solid #4e5058; }
a { color: #00a8fc; text-decoration: none; } .footer { font-size: 12px; color: #b5bac1; margin-top: 8px; }
.fields { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; } .field { flex: 1 1 100%; } .field.inline { flex: 1 1 150px; } .name { font-weight: 600; }
.buttons { margin-top: 6px; display: flex; flex-wrap: wrap; gap: 8px; } .button { background: #4e5058; color: #fff; padding: 4px 12px; border-radius: 3px; font-size: 14px; }
</style></head><body>
<h1>Quoth’s reply to “${escapeHtml(QUESTION)}”</h1>
<p class="note">Generated by <code>npm run render-example</code> from the embeds Quoth really sends (render/discord.ts over the seeds).
The layout imitates Discord’s embed styling with plain CSS; it is not a screenshot of the Discord app, whose fonts and spacing differ slightly.</p>
<h2>Phone, 360 px wide</h2><div class="frame phone">${message}</div>
<h2>Desktop</h2><div class="frame desktop">${message}</div>
</body></html>
`;

/** Text as a 360 px phone shows it: about 40 characters a line; markdown markers removed. */
function plainLines(embed: APIEmbed): string[] {
  const text = [embed.title ? `${embed.title}` : '', '', embed.description ?? '', ...(embed.fields ?? []).flatMap((field) => ['', field.name, field.value])]
    .join('\n')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\*\*|\*/g, '')
    .replace(/\\(.)/g, '$1')
    .replaceAll('\u200b', '');
  const footer = embed.footer ? [`${embed.footer.text}${embed.timestamp ? ` • ${embed.timestamp.slice(0, 10)}` : ''}`] : [];
  return [...text.split('\n'), '', ...footer].flatMap((line) => {
    const quoted = line.startsWith('> ');
    const wrapped = wrapAnsi(quoted ? line.slice(2) : line, quoted ? 36 : 38, { hard: true }).split('\n');
    return wrapped.map((part) => `${quoted ? '▌ ' : ''}${part}`);
  });
}

const text = [
  `Quoth's reply to "${QUESTION}", as text about 40 characters wide (roughly a 360 px phone).`,
  'Generated by `npm run render-example`; an approximation, not a screenshot.',
  '',
  ...embeds.flatMap((embed) => ['┌──────────────────────────────────────', ...plainLines(embed).map((line) => `│ ${line}`), '└──────────────────────────────────────']),
  `[ ${buttons.join(' ] [ ')} ]`,
  '',
].join('\n');

await writeFile(path.join(root, 'docs', 'reply-example.html'), html);
await writeFile(path.join(root, 'docs', 'reply-example.txt'), text);
process.stdout.write(`wrote docs/reply-example.html and docs/reply-example.txt (${embeds.length} embeds)\n`);
