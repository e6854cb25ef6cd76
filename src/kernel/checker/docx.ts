import { Findings, shorten, type Finding } from './finding.ts';
import { maskPersonal, scanPersonal } from './personal.ts';
import { attr, readXmlParts, xmlText } from './zip.ts';

/**
 * The parts whose text an applicant could see or recover: the body, comments, headers, footers and
 * notes. They are read only up to 50 MB inflated in all (a long report is a few MB), so a zip bomb
 * is refused before it is inflated.
 */
const TEXT_PART = /^word\/(document|comments|header\d*|footer\d*|footnotes|endnotes)\.xml$/;
const MAX_XML_BYTES = 50 * 1024 * 1024;

/** Revision marks: what was inserted, deleted or moved while track changes was on. */
const REVISIONS = new Set(['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']);

export function checkDocx(bytes: Uint8Array): Finding[] {
  const out = new Findings();
  const parts = readXmlParts(bytes, (name) => TEXT_PART.test(name), MAX_XML_BYTES);
  // The body first, then the others in name order, so the report reads like the document.
  const names = [...parts.keys()].sort((a, b) => (a === 'word/document.xml' ? -1 : b === 'word/document.xml' ? 1 : a.localeCompare(b)));
  for (const name of names) {
    if (out.full) break;
    scanPart(name.slice('word/'.length), parts.get(name) ?? '', out);
  }
  return out.done();
}

interface Paragraph {
  readonly number: number;
  text: string;
  hidden: string;
}

/**
 * One pass over the WordprocessingML tags. Paragraphs can nest (text boxes), so they are a stack;
 * revisions and comments collect the text inside them until they close.
 */
function scanPart(part: string, xml: string, out: Findings): void {
  const paragraphs: Paragraph[] = [];
  const revisions: { text: string; at: string }[] = [];
  let comment: { id: string; text: string } | undefined;
  let paragraphCount = 0;
  let inRun = false;
  let runHidden = false;
  let inText = false;
  const here = () => `${part} ¶${paragraphs.at(-1)?.number ?? paragraphCount}`;

  const append = (value: string) => {
    const paragraph = paragraphs.at(-1);
    if (paragraph) {
      paragraph.text += value;
      if (runHidden) paragraph.hidden += value;
    }
    for (const revision of revisions) revision.text += value;
    if (comment) comment.text += value;
  };

  for (const m of xml.matchAll(/<(\/?)([\w:]+)((?:\s[^>]*?)?)(\/?)>|([^<]+)/g)) {
    const [, closing, name, attrs, selfClosing, content] = m;
    if (content !== undefined) {
      if (inText) append(xmlText(content));
      continue;
    }
    if (closing) {
      if (name === 'w:t' || name === 'w:delText') inText = false;
      else if (name === 'w:r') inRun = runHidden = false;
      else if (name === 'w:p') {
        const paragraph = paragraphs.pop();
        if (paragraph) endParagraph(part, paragraph, out);
      } else if (name && REVISIONS.has(name)) {
        const revision = revisions.pop();
        if (revision) out.add('tracked_change', revision.at, `${name.slice(2)}: ${shorten(maskPersonal(revision.text))}`);
      } else if (name === 'w:comment' && comment) {
        out.add('comment', `${part} #${comment.id}`, shorten(maskPersonal(comment.text)));
        comment = undefined;
      }
      continue;
    }
    if (name === 'w:p' && !selfClosing) paragraphs.push({ number: ++paragraphCount, text: '', hidden: '' });
    else if (name === 'w:r' && !selfClosing) inRun = true;
    else if ((name === 'w:t' || name === 'w:delText') && !selfClosing) inText = true;
    else if (name === 'w:tab' || name === 'w:br' || name === 'w:cr') append(' ');
    else if (name === 'w:vanish' && inRun) runHidden = isOn(attrs ?? '');
    else if (name === 'w:comment' && !selfClosing) comment = { id: attr(attrs ?? '', 'w:id') ?? '', text: '' };
    else if (name && REVISIONS.has(name)) {
      // A self-closing mark sits in run or paragraph properties: a formatting or paragraph-mark revision.
      if (selfClosing) out.add('tracked_change', here(), name.slice(2));
      else revisions.push({ text: '', at: here() });
    }
  }
}

/** `<w:vanish/>` and `w:val="true|1|on"` hide the run; `w:val="false|0|off"` switches hiding off. */
function isOn(attrs: string): boolean {
  const value = attr(attrs, 'w:val');
  return value === undefined || !['false', '0', 'off'].includes(value);
}

function endParagraph(part: string, paragraph: Paragraph, out: Findings): void {
  const location = `${part} ¶${paragraph.number}`;
  if (paragraph.hidden.trim()) out.add('hidden_text', location, shorten(maskPersonal(paragraph.hidden)));
  for (const hit of scanPersonal(paragraph.text)) out.add(hit.kind, location, hit.excerpt);
}
