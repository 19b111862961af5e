// Bounds of the retention setting, without zod or the database: the admin form imports them too.

/** Personal data is kept at least this long: shorter would anonymise customers whose complaints may still come back. */
export const MIN_RETENTION_MONTHS = 12;
export const MAX_RETENTION_MONTHS = 240;
