// Issue 14: every export of the package (src/index.ts) is documented where it is defined, and so is each field of the types it exports: for a library, that is the documentation editors show.
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/site-fixture.js';

const entry = join(repoRoot, 'src/index.ts');
const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true });
const checker = program.getTypeChecker();
const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
const exported = checker.getExportsOfModule(moduleSymbol);

/** The symbol an export names, through every re-export. */
function definitionOf(symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

const documented = (symbol: ts.Symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== '';

/** Fields of an exported interface (or object type) that are declared in polyfeed's sources, not inherited from a library. */
function ownFields(symbol: ts.Symbol): ts.Symbol[] {
  if (!(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) return [];
  const type = checker.getDeclaredTypeOfSymbol(symbol);
  return checker.getPropertiesOfType(type).filter((property) => property.declarations?.some((declaration) => declaration.getSourceFile().fileName.startsWith(join(repoRoot, 'src'))));
}

/**
 * Types inferred from a zod schema: each field is described in the schema (`.describe()`), and the
 * README's tables are checked against those descriptions (tests/unit/readme-docs.test.ts).
 */
const fromSchemas = new Set(['SiteConfig', 'FrontMatter']);

describe('the package API', () => {
  test('exports what the README documents', () => {
    expect(exported.map((symbol) => symbol.name).sort()).toEqual(
      expect.arrayContaining(['build', 'check', 'readSources', 'writeOutputs', 'BuildOptions', 'BuildResult', 'CheckResult', 'OutputFile', 'BuildError', 'SiteSources']),
    );
  });

  test.each(exported.map((symbol) => [symbol.name, symbol] as const))('%s has JSDoc where it is defined', (_name, symbol) => {
    expect(documented(definitionOf(symbol))).toBe(true);
  });

  test('every field of an exported type has JSDoc', () => {
    const undocumented = exported.filter((symbol) => !fromSchemas.has(symbol.name)).flatMap((symbol) => ownFields(definitionOf(symbol)).filter((field) => !documented(field)).map((field) => `${symbol.name}.${field.name}`));
    expect(undocumented).toEqual([]);
  });
});
