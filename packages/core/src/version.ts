/** The kit's version, checked against every plugin's `kit` range. Kept in step with package.json by a test. */
export const KIT_VERSION = '0.1.0';
