/** Loads and validates the safety data in content/safety/ (once per detector). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR } from '../paths';
import {
  answeringSchema,
  lexiconSchema,
  normaliseSchema,
  rulesSchema,
  trainingLineSchema,
  validate,
  type TrainingLine,
  type AnsweringData,
  type LexiconData,
  type NormaliseData,
  type RulesData,
} from './schema';

export interface SafetyData {
  lexicon: LexiconData;
  normalise: NormaliseData;
  rules: RulesData;
  /** labelled messages the classifier learns from (content/safety/training.jsonl); absent = rules only */
  training?: TrainingLine[];
  /** short answers read with the question they answer (content/safety/answering.json); absent = messages alone */
  answering?: AnsweringData;
}

export const SAFETY_DIR = path.join(CONTENT_DIR, 'safety');

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`Cannot read safety data file ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`Safety data file ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Ids name entries in reasons and errors, so each must be used once in its file. */
function uniqueIds(items: Array<{ id: string }>, file: string, what: string): void {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) throw new Error(`Invalid safety data in ${file}: duplicate ${what} id "${id}"`);
    seen.add(id);
  }
}

export function loadSafetyData(dir = SAFETY_DIR): SafetyData {
  const f = (n: string) => path.join(dir, n);
  const lexicon = validate(lexiconSchema, readJson(f('lexicon.json')), f('lexicon.json'));
  const normalise = validate(normaliseSchema, readJson(f('normalise.json')), f('normalise.json'));
  const rules = validate(rulesSchema, readJson(f('rules.json')), f('rules.json'));
  uniqueIds(lexicon.entries, f('lexicon.json'), 'entry');
  const tf = f('training.jsonl');
  let training: TrainingLine[] | undefined;
  if (existsSync(tf)) {
    training = readFileSync(tf, 'utf8')
      .split('\n')
      .map((l, i) => [l, i] as const)
      .filter(([l]) => l.trim())
      .map(([l, i]) => {
        let v: unknown;
        try {
          v = JSON.parse(l);
        } catch (e) {
          throw new Error(`Safety data file ${tf} line ${i + 1} is not valid JSON: ${(e as Error).message}`);
        }
        return validate(trainingLineSchema, v, `${tf} line ${i + 1}`);
      });
  }
  const af = f('answering.json');
  let answering: AnsweringData | undefined;
  if (existsSync(af)) {
    answering = validate(answeringSchema, readJson(af), af);
    uniqueIds(answering.rules, af, 'rule');
  }
  return { lexicon, normalise, rules, training, answering };
}
