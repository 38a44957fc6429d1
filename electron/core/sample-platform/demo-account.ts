/** The teacher the demo signs in as on the embedded sample platform (resources/snapshots/demo.json). */
export const DEMO_ACCOUNT = { login: 'lotte.janssens', password: 'demo', euLoginEmail: 'lotte.janssens@school.example' } as const;
