/**
 * Bicep, parsed offline with tree-sitter (web-tree-sitter and the grammar's .wasm from tree-sitter-bicep):
 * no Bicep compiler is needed to find syntax errors, read literal values or walk resources.
 */
import { readFileSync } from 'node:fs';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

let parser: Promise<Parser> | undefined;

function bicepParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init();
    // Bytes, not a path: given a path, web-tree-sitter loads fs through a dynamic import, which jest refuses.
    const language = await Language.load(readFileSync(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm')));
    const p = new Parser();
    p.setLanguage(language);
    return p;
  })();
  return parser;
}

export interface BicepFile {
  path: string;
  text: string;
  tree: Tree;
  root: Node;
}

export async function parseBicep(path: string, text: string = readFileSync(path, 'utf8')): Promise<BicepFile> {
  const tree = (await bicepParser()).parse(text);
  if (!tree) throw new Error(`tree-sitter could not parse ${path}`);
  return { path, text, tree, root: tree.rootNode };
}

export interface Finding {
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  rule: string;
  message: string;
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}`;
}

export function finding(file: BicepFile, node: Node, rule: string, message: string): Finding {
  return { file: file.path, line: node.startPosition.row + 1, column: node.startPosition.column + 1, rule, message };
}

/** Every ERROR and MISSING node: what the Bicep compiler would reject as a syntax error. */
export function syntaxErrors(file: BicepFile): Finding[] {
  const out: Finding[] = [];
  const walk = (node: Node): void => {
    if (node.type === 'ERROR') out.push(finding(file, node, 'syntax', `unexpected "${node.text.slice(0, 40).replace(/\s+/g, ' ')}"`));
    else if (node.isMissing) out.push(finding(file, node, 'syntax', `missing ${node.type}`));
    if (node.hasError || node.type === 'ERROR') for (const child of node.children) walk(child);
  };
  walk(file.root);
  return out;
}

/** An expression that is not a literal (a parameter, a function call, an interpolated string…). */
export class Expression {
  constructor(readonly text: string) {}
}

export type Value = string | number | boolean | null | Expression | Value[] | { [key: string]: Value };

function unescape(s: string): string {
  return s.replace(/\\(['\\nrt$]|u\{[0-9a-fA-F]+\})/g, (_, e: string) =>
    e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e.startsWith('u{') ? String.fromCodePoint(parseInt(e.slice(2, -1), 16)) : e,
  );
}

/** The key of an object property: an identifier or a (plain) string. */
export function propertyKey(prop: Node): string | undefined {
  const key = prop.namedChildren[0];
  if (!key) return undefined;
  if (key.type === 'identifier') return key.text;
  const v = valueOf(key);
  return typeof v === 'string' ? v : undefined;
}

/** The value node of an object property (the last named child that is not a comment). */
export function propertyValue(prop: Node): Node | undefined {
  const named = prop.namedChildren.filter((n) => n.type !== 'comment' && n.type !== 'decorators');
  return named.length > 1 ? named[named.length - 1] : undefined;
}

/** A literal as a JavaScript value; anything computed becomes an Expression holding its source text. */
export function valueOf(node: Node): Value {
  switch (node.type) {
    case 'string': {
      if (node.namedChildren.some((c) => c.type === 'interpolation')) return new Expression(node.text);
      return unescape(node.namedChildren.filter((c) => c.type === 'string_content' || c.type === 'escape_sequence').map((c) => c.text).join(''));
    }
    case 'multiline_string':
      return node.text.replace(/^'''\r?\n?/, '').replace(/'''$/, '');
    case 'number':
      return Number(node.text);
    case 'boolean':
      return node.text === 'true';
    case 'null':
      return null;
    case 'array':
      return node.namedChildren.filter((c) => c.type !== 'comment').map(valueOf);
    case 'object': {
      const out: Record<string, Value> = {};
      for (const prop of node.namedChildren) {
        if (prop.type !== 'object_property') continue;
        const key = propertyKey(prop);
        const value = propertyValue(prop);
        if (key !== undefined && value) out[key] = valueOf(value);
      }
      return out;
    }
    case 'parenthesized_expression': {
      const inner = node.namedChildren[0];
      return inner ? valueOf(inner) : new Expression(node.text);
    }
    case 'unary_expression':
      if (node.text.startsWith('-') && node.namedChildren[0]?.type === 'number') return -Number(node.namedChildren[0].text);
      return new Expression(node.text);
    default:
      return new Expression(node.text);
  }
}

/** Top-level declarations of one kind, with their decorators. */
export function declarations(file: BicepFile, type: 'parameter_declaration' | 'variable_declaration' | 'output_declaration' | 'resource_declaration' | 'module_declaration'): Node[] {
  return file.root.namedChildren.filter((n) => n.type === type);
}

/** The declared name (the first identifier). */
export function declaredName(decl: Node): string {
  return decl.namedChildren.find((n) => n.type === 'identifier')?.text ?? '';
}

/** The decorators written just before a declaration (they are its previous sibling in this grammar). */
export function decoratorsOf(decl: Node): Node[] {
  const prev = decl.previousNamedSibling;
  return prev?.type === 'decorators' ? prev.namedChildren.filter((n) => n.type === 'decorator') : [];
}

/** The value after "=" of a param (default), var or output declaration. */
export function declaredValue(decl: Node): Node | undefined {
  const named = decl.namedChildren.filter((n) => n.type !== 'comment');
  const last = named[named.length - 1];
  if (!last) return undefined;
  if (decl.type === 'parameter_declaration') {
    // param name type [= default]
    const typeAt = named.findIndex((n) => n.type === 'type' || n.type === 'primitive_type');
    return typeAt >= 0 && typeAt < named.length - 1 ? last : undefined;
  }
  return named.length >= 2 ? last : undefined;
}

export interface Resource {
  node: Node;
  symbol: string;
  /** e.g. Microsoft.Web/sites */
  type: string;
  apiVersion: string;
  existing: boolean;
  /** The body: the object itself, or the object inside a for or if. */
  body?: Node;
  loop: boolean;
}

function bodyObject(node: Node): Node | undefined {
  if (node.type === 'object') return node;
  if (node.type === 'for_statement') {
    const body = node.childForFieldName('body') ?? node.namedChildren[node.namedChildren.length - 1];
    return body ? bodyObject(body) : undefined;
  }
  if (node.type === 'if_statement') {
    const last = node.namedChildren[node.namedChildren.length - 1];
    return last ? bodyObject(last) : undefined;
  }
  return undefined;
}

export function resources(file: BicepFile): Resource[] {
  return declarations(file, 'resource_declaration').map((node) => {
    const typeString = node.namedChildren.find((n) => n.type === 'string');
    const [type = '', apiVersion = ''] = (typeString ? String(valueOf(typeString)) : '').split('@');
    const value = node.namedChildren[node.namedChildren.length - 1]!;
    return {
      node,
      symbol: declaredName(node),
      type,
      apiVersion,
      existing: node.children.some((c) => c.type === 'existing'),
      body: bodyObject(value),
      loop: value.type === 'for_statement',
    };
  });
}

/** The value node at a property path inside an object, e.g. ['properties', 'siteConfig', 'minTlsVersion']. */
export function propertyAt(object: Node | undefined, path: string[]): Node | undefined {
  let current = object;
  for (const key of path) {
    if (!current || current.type !== 'object') return undefined;
    const prop: Node | undefined = current.namedChildren.find((p) => p.type === 'object_property' && propertyKey(p) === key);
    current = prop ? propertyValue(prop) : undefined;
  }
  return current;
}

/** Every node of a type in a subtree, the node itself included, each once. */
export function descendants(node: Node, type: string): Node[] {
  const seen = new Set<number>();
  return [node, ...node.descendantsOfType(type)].filter((n): n is Node => !!n && n.type === type && !seen.has(n.id) && !!seen.add(n.id));
}
