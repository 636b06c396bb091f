/** A problem with what the user typed (flags, file, names): the scripts print it and exit 2. */
export class UsageError extends Error {}
