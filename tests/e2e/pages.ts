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
] as const;

/** Starlight's theme choices. */
export const THEMES = ['light', 'dark'] as const;
