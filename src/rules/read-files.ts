/**
 * Reads and validates the rule files of a folder (Node only: the CLI, the build and the tests).
 * Every problem is reported with the file and the place in it; nothing is thrown for a bad file, so
 * the caller decides whether to stop (the build) or keep the current rules (a custom pack).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { NegationSchema, RuleFileSchema, describeIssues, type NegationCues, type RuleFile } from '../engine/rule-schema.js';

export const NEGATION_FILE = 'negation.yaml';

export interface RuleFolder {
  rules: RuleFile[];
  negation: NegationCues;
  problems: string[];
}

export function readRuleFolder(dir: string): RuleFolder {
  const problems: string[] = [];
  const rules: RuleFile[] = [];
  let negation: NegationCues = {};
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  for (const file of files) {
    let data: unknown;
    try {
      data = parse(readFileSync(join(dir, file), 'utf8'), { uniqueKeys: true });
    } catch (e) {
      problems.push(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    if (file === NEGATION_FILE) {
      const r = NegationSchema.safeParse(data);
      if (r.success) negation = r.data;
      else problems.push(...describeIssues(r.error, `${file}: `));
      continue;
    }
    const r = RuleFileSchema.safeParse(data);
    if (!r.success) {
      problems.push(...describeIssues(r.error, `${file}: `));
      continue;
    }
    if (`${r.data.id}.yaml` !== file) problems.push(`${file}: id "${r.data.id}" must match the file name`);
    rules.push(r.data);
  }
  return { rules, negation, problems };
}
