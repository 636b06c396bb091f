/** The docs pages every site-wide end-to-end check visits, with their h1 and sidebar label. */
export const DOCS_PAGES = [
  { path: '/', heading: 'Overview', sidebar: 'Overview' },
  {
    path: '/authentication/basic/',
    heading: 'Basic authentication',
    sidebar: 'Basic authentication',
  },
  {
    path: '/authentication/oauth2/',
    heading: 'OAuth2 for production',
    sidebar: 'OAuth2 for production',
  },
  {
    path: '/numbers/available-numbers/',
    heading: 'Search for available numbers',
    sidebar: 'Search for available numbers',
  },
  {
    path: '/numbers/active-numbers/',
    heading: 'Manage your numbers',
    sidebar: 'Manage your numbers',
  },
] as const;

/** Pages that embed at least one playground. */
export const PLAYGROUND_PAGES = [
  '/authentication/basic/',
  '/authentication/oauth2/',
  '/numbers/available-numbers/',
  '/numbers/active-numbers/',
] as const;

/** Starlight's theme choices. */
export const THEMES = ['light', 'dark'] as const;
