import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';
import { TABLE_OWNERSHIP, tableOwner } from './table-ownership';

/**
 * Reads another domain's table only through that domain's reader (docs/decisions/0012-table-ownership.md).
 * Scans every non-spec `libs/api/<lib>/src/**\/*.ts` for the tables it names — after FROM, JOIN, INTO,
 * UPDATE, DELETE FROM or TABLE in string and template literals, as the string table of a query builder
 * call, or as an entity class imported from another `@alliances/api/<lib>` — and fails when a lib names
 * a table it does not own.
 */

const ROOT = join(__dirname, '../../../../../..');
const LIBS = join(ROOT, 'libs/api');
const MIGRATIONS = join(ROOT, 'apps/api/src/database/migrations');

/** Cross-domain reads not yet behind a reader. Only shrinks: an entry that matches nothing any more fails. */
const ALLOWLIST: readonly { file: string; table: string }[] = [
  { file: 'libs/api/alliances/src/lib/alliance.policy.ts', table: 'memberships' },
  { file: 'libs/api/alliances/src/lib/alliances.service.ts', table: 'audit_log' },
  { file: 'libs/api/alliances/src/lib/alliances.service.ts', table: 'memberships' },
  { file: 'libs/api/charter/src/lib/charter.service.ts', table: 'alliance_members' },
  { file: 'libs/api/evaluations/src/lib/evaluations.service.ts', table: 'alliance_members' },
  { file: 'libs/api/evaluations/src/lib/evaluations.service.ts', table: 'alliances' },
  { file: 'libs/api/evaluations/src/lib/evaluations.service.ts', table: 'memberships' },
  { file: 'libs/api/evaluations/src/lib/evaluations.service.ts', table: 'users' },
  { file: 'libs/api/organisations/src/lib/organisations.service.ts', table: 'alliance_members' },
];

const SQL_TABLE =
  /\b(?:FROM|JOIN|INTO|UPDATE|DELETE\s+FROM|TABLE)\s+(?:ONLY\s+)?(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/g;
const BUILDER_CALLS = new Set([
  'from',
  'into',
  'update',
  'delete',
  'insert',
  'join',
  'leftJoin',
  'innerJoin',
  'leftJoinAndSelect',
  'innerJoinAndSelect',
  'getRepository',
  'createQueryBuilder',
  'Entity',
]);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const sourceFiles = (): { file: string; lib: string; source: ts.SourceFile }[] =>
  readdirSync(LIBS)
    .filter((lib) => statSync(join(LIBS, lib, 'src'), { throwIfNoEntry: false })?.isDirectory())
    .flatMap((lib) =>
      walk(join(LIBS, lib, 'src')).map((path) => ({
        file: relative(ROOT, path).split(sep).join('/'),
        lib,
        source: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true),
      })),
    );

/** Entity class name → table, from every `@Entity('table') export class Name`. */
function entityTables(files: ReturnType<typeof sourceFiles>): Map<string, string> {
  const entities = new Map<string, string>();
  for (const { source } of files) {
    source.forEachChild(function visit(node) {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const decorator of ts.getDecorators(node) ?? []) {
          const call = decorator.expression;
          if (
            ts.isCallExpression(call) &&
            ts.isIdentifier(call.expression) &&
            call.expression.text === 'Entity' &&
            call.arguments[0] &&
            ts.isStringLiteral(call.arguments[0])
          ) {
            entities.set(node.name.text, call.arguments[0].text);
          }
        }
      }
      node.forEachChild(visit);
    });
  }
  return entities;
}

/** Every `file: table` where a lib names a table it does not own. */
export function violations(files = sourceFiles()): Set<string> {
  const entities = entityTables(files);
  const found = new Set<string>();
  for (const { file, lib, source } of files) {
    const note = (table: string) => {
      const owner = tableOwner(table);
      if (owner && owner !== lib) found.add(`${file}: ${table}`);
    };
    source.forEachChild(function visit(node) {
      if (
        ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)
      ) {
        for (const match of node.text.matchAll(SQL_TABLE)) note(match[1]);
      }
      if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        const callee = node.expression;
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
        if (name && BUILDER_CALLS.has(name)) note(node.arguments[0].text);
      }
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
        const from = /^@alliances\/api\/([a-z-]+)$/.exec(node.moduleSpecifier.text)?.[1];
        const bindings = node.importClause?.namedBindings;
        if (from && from !== lib && bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) {
            const table = !element.isTypeOnly && entities.get((element.propertyName ?? element.name).text);
            if (table) note(table);
          }
        }
      }
      node.forEachChild(visit);
    });
  }
  return found;
}

describe('table ownership', () => {
  const found = violations();
  const allowed = new Set(ALLOWLIST.map((e) => `${e.file}: ${e.table}`));

  it('gives every table the migrations create exactly one owner', () => {
    const created = new Set<string>();
    for (const name of readdirSync(MIGRATIONS).filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(join(MIGRATIONS, name), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_][a-z0-9_]*)"?/gi))
        created.add(m[1]);
    }
    const owned = Object.values(TABLE_OWNERSHIP).flat() as string[];
    expect(owned.filter((t, i) => owned.indexOf(t) !== i)).toEqual([]);
    expect([...owned].sort()).toEqual([...created].sort());
  });

  it('finds no lib naming a table it does not own, beyond the allowlist', () => {
    expect([...found].filter((v) => !allowed.has(v)).sort()).toEqual([]);
  });

  it('has no stale allowlist entry', () => {
    expect([...allowed].filter((v) => !found.has(v)).sort()).toEqual([]);
    expect(ALLOWLIST.length).toBe(allowed.size);
  });
});
