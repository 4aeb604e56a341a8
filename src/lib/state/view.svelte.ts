/** What the current view shows, for the shell: whether it is built on demo tables. */
export const view: { demo: boolean } = $state({ demo: false });
