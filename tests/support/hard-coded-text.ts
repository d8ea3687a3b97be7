// Finds words a person would read that are written into a single-file component instead of coming from i18n.
import type { SFCDescriptor } from 'vue/compiler-sfc'

/** Attributes whose value a person reads (or hears, from a screen reader). */
const USER_FACING = new Set(['label', 'placeholder', 'title', 'aria-label', 'description', 'help', 'text', 'alt', 'hint', 'confirm-label'])
/** A word: two letters in a row (so "—", "%", "°" and single-letter unit symbols pass). */
const WORD = /\p{L}{2}/u
/** String literals in an expression, without those that are i18n keys: t('a.b'), $t("a.b"). */
const LITERAL = /(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g
const KEY_ARGUMENT = /\b(?:\$?t|te|tm)\(\s*(['"`])[\w.-]+\1/g
/** Literals that are words for people: a space or a capital letter (not 'error', 'i-lucide-x', 'connected'). */
const PROSE = /\s|^\p{Lu}/u
/** In scripts: `label: 'Zones'`, `title: \`...\``, the shapes of menu items, toasts and columns. */
const SCRIPT_PROPERTY = /\b(label|title|description|placeholder|text)\s*:\s*(['"`])((?:(?!\2)[^\\]|\\.)*)\2/g

interface TemplateNode {
  type: number
  content?: string | { content: string }
  name?: string
  arg?: { content: string }
  exp?: { content: string }
  value?: { content: string }
  props?: TemplateNode[]
  children?: TemplateNode[]
  loc: { start: { line: number } }
}

function proseLiterals(expression: string): string[] {
  return [...expression.replace(KEY_ARGUMENT, '').matchAll(LITERAL)].map(match => match[2]!).filter(text => WORD.test(text) && PROSE.test(text))
}

function walk(node: TemplateNode, found: string[]): void {
  const line = node.loc.start.line
  if (node.type === 2 && typeof node.content === 'string' && WORD.test(node.content)) found.push(`${line}: text "${node.content.trim()}"`)
  if (node.type === 5 && typeof node.content === 'object') {
    for (const text of proseLiterals(node.content.content)) found.push(`${line}: {{ '${text}' }}`)
  }
  for (const prop of node.props ?? []) {
    if (prop.type === 6 && USER_FACING.has(prop.name!) && prop.value && WORD.test(prop.value.content)) found.push(`${line}: ${prop.name}="${prop.value.content}"`)
    if (prop.type === 7 && prop.name === 'bind' && prop.arg && USER_FACING.has(prop.arg.content) && prop.exp) {
      for (const text of proseLiterals(prop.exp.content)) found.push(`${line}: :${prop.arg.content} '${text}'`)
    }
  }
  for (const child of node.children ?? []) walk(child, found)
}

/** Each hard-coded text with its line, e.g. `12: text "Sign in"`; empty when the component has none. */
export function hardCodedText(descriptor: SFCDescriptor): string[] {
  const found: string[] = []
  if (descriptor.template?.ast) walk(descriptor.template.ast as unknown as TemplateNode, found)
  const script = descriptor.scriptSetup ?? descriptor.script
  if (script) {
    for (const match of script.content.matchAll(SCRIPT_PROPERTY)) {
      if (WORD.test(match[3]!) && !match[3]!.startsWith('i-')) found.push(`script: ${match[1]}: '${match[3]}'`)
    }
  }
  return found
}
