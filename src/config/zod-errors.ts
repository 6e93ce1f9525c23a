import type { z } from 'zod';

/** One line per problem, naming the setting: "DIRECTORY_FILE: Pflichtangabe fehlt". */
export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .map((issue) => `${prefix}${issue.path.length ? issue.path.join('.') : '(Datei)'}: ${issue.message}`)
    .join('\n');
}

export class ConfigError extends Error {
  constructor(source: string, details: string) {
    super(`Konfiguration ungültig (${source}):\n${details}`);
    this.name = 'ConfigError';
  }
}
