// Pure: whether a run's progress is drawn on the terminal, from what the CLI knows of stderr and the environment.

/**
 * `CI` set to anything but "", "0" or "false" is a CI job: its log is a file, where a redrawn line
 * would be kept as hundreds of lines. GitHub Actions, GitLab CI, CircleCI, Travis and most others set it.
 */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** Drawn only on a terminal (stderr a TTY, not a "dumb" one), never in CI and never with --quiet. */
export function progressWanted({ stderrIsTty, env, quiet }: { readonly stderrIsTty: boolean; readonly env: NodeJS.ProcessEnv; readonly quiet: boolean }): boolean {
  return stderrIsTty && !quiet && !isCi(env) && env.TERM !== 'dumb';
}
